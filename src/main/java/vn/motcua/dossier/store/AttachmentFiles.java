package vn.motcua.dossier.store;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

import javax.imageio.ImageIO;

import org.apache.tika.Tika;

import net.coobird.thumbnailator.Thumbnails;

/**
 * What a file really is and how it is kept: the type is sniffed from the bytes (Apache Tika's magic numbers), never
 * taken from the client's name or header; phone photos are scaled down and re-encoded, and the smaller of the two
 * versions is kept. Pure and blocking: run on a worker.
 */
public final class AttachmentFiles {

    /** What may be attached: PDF and the two image formats every officer's browser shows. */
    public static final Set<String> ACCEPTED = Set.of("application/pdf", "image/jpeg", "image/png");

    private static final Tika TIKA = new Tika();

    /** The file as stored. */
    public record Prepared(String contentType, byte[] bytes, String sha256) {
    }

    private AttachmentFiles() {
    }

    public static String sniff(byte[] bytes) {
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            return TIKA.detect(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Scales a photo down to {@code maxSide} pixels on its long side and re-encodes it (JPEG at {@code quality}; a
     * PNG stays PNG if it has transparency). PDFs are kept as they are.
     */
    public static Prepared prepare(String type, byte[] original, int maxSide, double quality) {
        byte[] stored = original;
        String storedType = type;
        if (!type.equals("application/pdf")) {
            try {
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(original));
                if (image != null) {
                    boolean alpha = image.getColorModel().hasAlpha();
                    String format = alpha ? "png" : "jpg";
                    var builder = Thumbnails.of(image).outputFormat(format);
                    if (Math.max(image.getWidth(), image.getHeight()) > maxSide) {
                        builder.size(maxSide, maxSide);
                    } else {
                        builder.scale(1.0);
                    }
                    if (!alpha) {
                        builder.outputQuality(quality);
                    }
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    builder.toOutputStream(out);
                    if (out.size() < original.length) {
                        stored = out.toByteArray();
                        storedType = alpha ? "image/png" : "image/jpeg";
                    }
                }
            } catch (IOException e) {
                // An image the decoder cannot read is kept as it came; its type was already checked.
            }
        }
        return new Prepared(storedType, stored, sha256(stored));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
