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
 * taken from the client's name or header; photos are always re-encoded (scaled down when large), so that nothing but
 * their pixels is kept. Pure and blocking: run on a worker.
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

    /** An uploaded file's bytes and the type sniffed from them. */
    public record Upload(byte[] bytes, String type) {
    }

    /**
     * Reads an upload the server has put on disk and sniffs its type; refused with {@code file-type-not-allowed} unless
     * the type is one of {@code accepted}. Blocking: on a worker.
     */
    public static Upload read(java.nio.file.Path upload, Set<String> accepted) {
        byte[] bytes;
        try {
            bytes = java.nio.file.Files.readAllBytes(upload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String type = sniff(bytes);
        if (!accepted.contains(type)) {
            throw new vn.motcua.platform.error.ProblemException(vn.motcua.platform.error.ProblemType.FILE_TYPE_NOT_ALLOWED, type);
        }
        return new Upload(bytes, type);
    }

    public static String sniff(byte[] bytes) {
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            return TIKA.detect(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Scales a photo down to {@code maxSide} pixels on its long side and always re-encodes it (JPEG at {@code quality};
     * a PNG stays PNG if it has transparency); one no decoder reads is refused. PDFs keep their pages and lose their active content ({@link
     * PdfActiveContent}); a PDF without any is kept byte for byte.
     */
    public static Prepared prepare(String type, byte[] original, int maxSide, double quality) {
        byte[] stored = original;
        String storedType = type;
        if (type.equals("application/pdf")) {
            try {
                stored = PdfActiveContent.strip(original);
            } catch (PdfActiveContent.Unreadable e) {
                // Damaged, or locked with a password: nobody at the office could open it either.
                throw new vn.motcua.platform.error.ProblemException(vn.motcua.platform.error.ProblemType.FILE_TYPE_NOT_ALLOWED,
                        "application/pdf (" + e.getMessage() + ")");
            }
        } else {
            BufferedImage image;
            try {
                image = decodeBounded(original, maxSide);
            } catch (IOException e) {
                image = null;
            }
            if (image == null) {
                // Said to be an image by its first bytes, but no decoder reads it: nothing an office could look at.
                throw new vn.motcua.platform.error.ProblemException(vn.motcua.platform.error.ProblemType.FILE_TYPE_NOT_ALLOWED,
                        type + " (unreadable)");
            }
            // Always stored re-encoded, even when the original is smaller: only the pixels survive, not what a file can
            // carry besides them (a script appended to a photo, a second file inside it, the phone's GPS position).
            boolean alpha = image.getColorModel().hasAlpha();
            var builder = Thumbnails.of(image).outputFormat(alpha ? "png" : "jpg");
            if (Math.max(image.getWidth(), image.getHeight()) > maxSide) {
                builder.size(maxSide, maxSide);
            } else {
                builder.scale(1.0);
            }
            if (!alpha) {
                builder.outputQuality(quality);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                builder.toOutputStream(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            stored = out.toByteArray();
            storedType = alpha ? "image/png" : "image/jpeg";
        }
        return new Prepared(storedType, stored, sha256(stored));
    }

    /**
     * Image decodes at once per replica: each may hold up to a 24-megapixel raster (about 100 MB), so a burst of uploads
     * waits its turn on the worker pool rather than taking the heap. One per core.
     */
    static final java.util.concurrent.Semaphore DECODES = new java.util.concurrent.Semaphore(
            Math.max(1, Runtime.getRuntime().availableProcessors()), true);

    /** {@link #decode}, holding one of {@link #DECODES} while it runs (released however it ends). */
    static BufferedImage decodeBounded(byte[] bytes, int maxSide) throws IOException {
        return withDecoded(bytes, maxSide, image -> image);
    }

    /**
     * {@link #decode}, then {@code use} of the image ({@code null} when no decoder reads it), both holding one of
     * {@link #DECODES}: the raster is counted against the bound for as long as it is worked on.
     */
    static <T> T withDecoded(byte[] bytes, int maxSide, java.util.function.Function<BufferedImage, T> use) throws IOException {
        DECODES.acquireUninterruptibly();
        try {
            return use.apply(decode(bytes, maxSide));
        } finally {
            DECODES.release();
        }
    }

    /** The most pixels an image may have: a 50-megapixel phone photo passes, a decompression bomb does not. */
    public static final long MAX_PIXELS = 60_000_000L;

    /** Images up to this many pixels (a 24-megapixel camera) are decoded whole; larger ones subsampled. */
    static final long FULL_DECODE_PIXELS = 24_000_000L;

    /**
     * Decodes an image only as finely as needed for {@code maxSide}: its size is read from the header first, an image
     * of more than {@link #MAX_PIXELS} is refused (a 284 KB PNG declaring 10,000 × 10,000 pixels never becomes a
     * 400 MB raster), and one above {@link #FULL_DECODE_PIXELS} is decoded subsampled. {@code null} when no decoder reads it.
     */
    static BufferedImage decode(byte[] bytes, int maxSide) throws IOException {
        try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            java.util.Iterator<javax.imageio.ImageReader> readers = in == null ? java.util.Collections.emptyIterator()
                    : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            javax.imageio.ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width * height > MAX_PIXELS) {
                    throw new vn.motcua.platform.error.ProblemException(vn.motcua.platform.error.ProblemType.FILE_TOO_LARGE,
                            MAX_PIXELS / 1_000_000 + " megapixel");
                }
                javax.imageio.ImageReadParam param = reader.getDefaultReadParam();
                // A usual photo is decoded whole (subsampling skips pixels, which blurs a photographed page); only one
                // above FULL_DECODE_PIXELS is read every n-th pixel, enough for the long side it is scaled to anyway.
                long pixels = width * height;
                int step = pixels <= FULL_DECODE_PIXELS ? 1
                        : (int) Math.min(Math.ceil(Math.sqrt((double) pixels / FULL_DECODE_PIXELS)), Math.max(1, Math.max(width, height) / maxSide));
                param.setSourceSubsampling(Math.max(1, step), Math.max(1, step), 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
