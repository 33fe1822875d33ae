package vn.motcua.platform.pdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Semaphore;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Printed documents (văn bản in) as PDF: well-formed XHTML (from a Qute template, which escapes every value) laid out
 * by openhtmltopdf on PDFBox, with the fonts of {@code fonts/} embedded, so that Vietnamese prints the same on every
 * reader's machine. The one font family is {@value #FONT_FAMILY} (regular, bold, italic): name it in the document's
 * style sheet.
 *
 * <p>Nothing outside the document is ever read: no file, no URL, no style sheet; the only outside resource a
 * document may name is a PNG in a {@code data:} URI ({@link QrCodes#pngDataUri}). Blocking and CPU-bound: call it
 * on a worker thread, never on the event loop; at most one render per core runs at once.
 */
public final class PdfDocuments {

    /** The font family documents use: Noto Serif, which carries every Vietnamese glyph (SIL OFL 1.1, {@code fonts/OFL.txt}). */
    public static final String FONT_FAMILY = "Noto Serif";

    /** Renders at once per replica: each holds its fonts and page tree, and a burst of requests waits its turn. */
    static final Semaphore RENDERS = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);

    private static final byte[] REGULAR = font("NotoSerif-Regular.ttf");
    private static final byte[] BOLD = font("NotoSerif-Bold.ttf");
    private static final byte[] ITALIC = font("NotoSerif-Italic.ttf");

    private PdfDocuments() {
    }

    /**
     * The PDF of {@code xhtml}, tagged for screen readers (PDF/UA: the document needs a {@code <title>}, a {@code lang}
     * and an {@code alt} on each image). Holds one of {@link #RENDERS} while it runs.
     */
    public static byte[] render(String xhtml) {
        RENDERS.acquireUninterruptibly();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessibility(true);
            builder.withProducer("Motcua");
            builder.useFont(() -> stream(REGULAR), FONT_FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> stream(BOLD), FONT_FAMILY, 700, FontStyle.NORMAL, true);
            builder.useFont(() -> stream(ITALIC), FONT_FAMILY, 400, FontStyle.ITALIC, true);
            builder.useExternalResourceAccessControl(PdfDocuments::allowed, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            builder.useExternalResourceAccessControl(PdfDocuments::allowed, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            RENDERS.release();
        }
    }

    /** The only outside resource a document may load: a PNG carried in the document itself. */
    static boolean allowed(String uri, ExternalResourceType type) {
        return type == ExternalResourceType.IMAGE_RASTER && uri != null && uri.startsWith("data:image/png;base64,");
    }

    private static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    private static byte[] font(String name) {
        try (InputStream in = PdfDocuments.class.getClassLoader().getResourceAsStream("fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("fonts/" + name + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
