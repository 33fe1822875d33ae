package vn.motcua.platform.pdf;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR codes to print (mã QR): drawn with ZXing, black modules on white with the standard quiet zone of four modules,
 * error correction M (a slip folded or smudged still reads), and read back before they are printed.
 */
public final class QrCodes {

    private QrCodes() {
    }

    /** Versions tried above the smallest that holds the text, should a smaller one not read back. */
    static final int MORE_VERSIONS = 6;

    /**
     * The code as an image, {@code modulePixels} pixels per module. Every code is read back before it is returned:
     * ZXing's own reader (the one in many phones' apps) fails to locate some symbols of the smallest versions even when
     * perfectly drawn, so a symbol that does not read back is drawn again one version larger. Plain ASCII is encoded
     * without a character-set marker (ECI), which some older readers trip on; other text as UTF-8 with one.
     */
    public static BufferedImage image(String text, int modulePixels) {
        Integer version = null;
        for (int tries = 0; tries <= MORE_VERSIONS; tries++) {
            BitMatrix matrix = encode(text, version);
            if (readsBack(draw(matrix, 4), text)) {
                return draw(matrix, modulePixels);
            }
            int current = (matrix.getWidth() - 2 * MARGIN - 17) / 4;
            if (current >= 40) {
                break;
            }
            version = current + 1;
        }
        throw new IllegalStateException("no QR code of " + text.length() + " characters reads back");
    }

    /** The standard quiet zone around the symbol, in modules. */
    static final int MARGIN = 4;

    private static BitMatrix encode(String text, Integer version) {
        Map<EncodeHintType, Object> hints = new java.util.EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, MARGIN);
        if (!text.chars().allMatch(c -> c < 128)) {
            hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        }
        if (version != null) {
            hints.put(EncodeHintType.QR_VERSION, version);
        }
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("too long for a QR code: " + text.length() + " characters", e);
        }
    }

    private static BufferedImage draw(BitMatrix matrix, int modulePixels) {
        int width = matrix.getWidth() * modulePixels;
        int height = matrix.getHeight() * modulePixels;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, matrix.get(x / modulePixels, y / modulePixels) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        return image;
    }

    /** Whether a reader that searches the whole picture (not told it holds only the code) reads {@code text} from it. */
    private static boolean readsBack(BufferedImage image, String text) {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        try {
            Result read = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(),
                    image.getHeight(), pixels))), Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE, DecodeHintType.CHARACTER_SET, "UTF-8"));
            return text.equals(read.getText());
        } catch (ReaderException e) {
            return false;
        }
    }

    /** The code as a PNG in a {@code data:} URI, for an {@code <img>} of a document ({@link PdfDocuments}). */
    public static String pngDataUri(String text, int modulePixels) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image(text, modulePixels), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
