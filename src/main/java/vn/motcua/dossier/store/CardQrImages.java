package vn.motcua.dossier.store;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/**
 * Reads the QR code in a photo (đọc mã QR trên ảnh chụp), such as a phone's picture of the front of a citizen ID
 * card. The photo is decoded the way attachments are ({@link AttachmentFiles#withDecoded}: its size read from the
 * header first, refused above {@link AttachmentFiles#MAX_PIXELS}, one decode per core at once, held while the picture
 * is searched), then searched at a phone-screen size first and at full size only if that fails. Pure and blocking: run it on a worker.
 */
public final class CardQrImages {

    /** The long side the photo is first searched at: enough for a card filling a fifth of the picture. */
    static final int FIRST_TRY_SIDE = 1600;

    /**
     * How a photo is searched: harder (slower, more sizes and angles), UTF-8 text, anywhere in the picture. ZXing asks
     * only whether {@code PURE_BARCODE} is present, not its value: naming it, even as false, would search the photo as
     * if it were nothing but the code, so it is left out.
     */
    private static final Map<DecodeHintType, Object> HINTS = Map.of(
            DecodeHintType.TRY_HARDER, Boolean.TRUE,
            DecodeHintType.CHARACTER_SET, "UTF-8",
            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));

    /** Why a photo gave no text. */
    public enum Failure {
        /** No decoder reads the bytes as an image. */
        NOT_AN_IMAGE,
        /** An image, but no QR code was found or read in it. */
        NO_QR
    }

    /** The text of the QR code, or why there is none. */
    public record Result(Optional<String> text, Failure failure) {
    }

    private CardQrImages() {
    }

    /**
     * The text of the QR code in the JPEG or PNG {@code bytes}. An image of more than {@link AttachmentFiles#MAX_PIXELS}
     * is refused from its header ({@code file-too-large}), before any pixel is decoded.
     */
    public static Result read(byte[] bytes, int maxSide) {
        try {
            return AttachmentFiles.withDecoded(bytes, maxSide, image -> image == null ? new Result(Optional.empty(), Failure.NOT_AN_IMAGE)
                    : find(image).map(t -> new Result(Optional.of(t), null)).orElseGet(() -> new Result(Optional.empty(), Failure.NO_QR)));
        } catch (vn.motcua.platform.error.ProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // A damaged file that a decoder started on and gave up: no picture to search.
            return new Result(Optional.empty(), Failure.NOT_AN_IMAGE);
        }
    }

    /** The QR's text in {@code image}: at {@link #FIRST_TRY_SIDE}, then at full size, each binarized two ways. */
    static Optional<String> find(BufferedImage image) {
        List<BufferedImage> sizes = new ArrayList<>();
        int longSide = Math.max(image.getWidth(), image.getHeight());
        if (longSide > FIRST_TRY_SIDE) {
            sizes.add(scaled(image, (double) FIRST_TRY_SIDE / longSide));
        }
        sizes.add(image);
        for (BufferedImage candidate : sizes) {
            LuminanceSource source = luminance(candidate);
            for (BinaryBitmap bitmap : List.of(new BinaryBitmap(new HybridBinarizer(source)),
                    new BinaryBitmap(new GlobalHistogramBinarizer(source)))) {
                try {
                    return Optional.of(new QRCodeReader().decode(bitmap, HINTS).getText());
                } catch (ReaderException e) {
                    // Not found, or found and unreadable at this size: try the next.
                }
            }
        }
        return Optional.empty();
    }

    private static LuminanceSource luminance(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
        return new RGBLuminanceSource(w, h, pixels);
    }

    private static BufferedImage scaled(BufferedImage image, double factor) {
        int w = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(image.getHeight() * factor));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
