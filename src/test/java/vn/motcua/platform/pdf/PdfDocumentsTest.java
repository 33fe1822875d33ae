package vn.motcua.platform.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.text.Normalizer;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import vn.motcua.support.PdfPages;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;

/**
 * Printed documents: every Vietnamese letter, in each of the three faces, comes out of the PDF as it went in (composed,
 * nothing missing, nothing replaced), from fonts embedded in the file; a QR code drawn into a document reads back; and
 * nothing outside the document is ever fetched.
 */
class PdfDocumentsTest {

    /** Every letter of the Vietnamese alphabet with every tone mark, lower and upper case. */
    static final String LETTERS = lettersOf("aăâeêioôơuưy") + " đĐ";

    static String lettersOf(String bases) {
        StringBuilder out = new StringBuilder();
        for (char base : bases.toCharArray()) {
            for (String mark : List.of("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")) {
                String c = Normalizer.normalize(base + mark, Normalizer.Form.NFC);
                out.append(c).append(c.toUpperCase(java.util.Locale.ROOT));
            }
            out.append(' ');
        }
        return out.toString().strip();
    }

    static String page(String body) {
        return "<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"vi\"><head><title>Thử</title><style>"
                + "body { font-family: 'Noto Serif'; font-size: 12pt; } .b { font-weight: bold; } .i { font-style: italic; }"
                + "</style></head><body>" + body + "</body></html>";
    }

    @Test
    void everyVietnameseLetterInEveryFaceComesBackFromEmbeddedFonts() throws IOException {
        assertEquals(12 * 6 * 2, LETTERS.replace(" ", "").length() - 2, "the alphabet under test: " + LETTERS);
        byte[] pdf = PdfDocuments.render(page("<p>" + LETTERS + "</p><p class=\"b\">" + LETTERS + "</p><p class=\"i\">" + LETTERS + "</p>"));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            // Lines break where the page is full: compare the words.
            assertEquals(String.join(" ", LETTERS, LETTERS, LETTERS), text.strip().replaceAll("\\s+", " "));
            assertTrue(Normalizer.isNormalized(text, Normalizer.Form.NFC), "extracted text is composed");
            List<String> fonts = PdfPages.embeddedFonts(doc);
            assertEquals(3, fonts.size(), "regular, bold and italic: " + fonts);
            fonts.forEach(f -> assertTrue(f.contains("NotoSerif"), f));
        }
    }

    @Test
    void aQrCodeDrawnIntoADocumentReadsBack() throws Exception {
        // Twenty look-up addresses, each printed 30 mm wide as on the slip, read from the page seen at 150 and 300 dots
        // per inch (ZXing's reader, as in many phones' apps, fails on some perfectly drawn small symbols: QrCodes draws
        // those one version larger).
        for (int n = 1; n <= 20; n++) {
            String url = String.format("https://dichvucong.hanoi.gov.vn/tra-cuu?code=000.%02d.01.H26-2612%02d-%04d", n, n % 28 + 1, n * 37);
            byte[] pdf = PdfDocuments.render(page("<p>QR</p><img alt=\"QR\" style=\"width: 30mm; height: 30mm; image-rendering: pixelated\" src=\""
                    + QrCodes.pngDataUri(url, 8) + "\"/>"));
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                for (int dpi : new int[] { 150, 300 }) {
                    assertEquals(url, PdfPages.qr(new PDFRenderer(doc).renderImageWithDPI(0, dpi)), url + " at " + dpi + " dpi");
                }
            }
        }
    }

    @Test
    void everyCodeReadsBackAsDrawn() throws Exception {
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < 300; i++) {
            String url = String.format("http://localhost:8080/tra-cuu?code=000.%02d.%02d.H26-26%02d%02d-%04d", random.nextInt(30),
                    random.nextInt(30), 1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(3000));
            assertEquals(url, PdfPages.qr(QrCodes.image(url, 3)));
        }
        String card = "001085006789||Nguyễn Thị Hồng Nhung|15081985|Nữ|Hà Nội|20042021";
        assertEquals(card, PdfPages.qr(QrCodes.image(card, 3)), "Vietnamese text, as UTF-8");
    }

    @Test
    void nothingOutsideTheDocumentIsFetched() throws IOException {
        // A server on this machine that counts what is asked of it: an image, a style sheet, a font.
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            asked.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String at = "http://127.0.0.1:" + server.getAddress().getPort();
            byte[] pdf = PdfDocuments.render("<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"vi\"><head><title>Thử</title>"
                    + "<link rel=\"stylesheet\" href=\"" + at + "/a.css\"/><style>@font-face { font-family: X; src: url(" + at
                    + "/f.ttf); } body { font-family: 'Noto Serif'; background: url(" + at + "/b.png); }</style></head><body><p>Trang</p>"
                    + "<img alt=\"x\" src=\"" + at + "/anh.png\"/><img alt=\"y\" src=\"file:///etc/hostname\"/></body></html>");
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                assertEquals("Trang", new PDFTextStripper().getText(doc).strip());
            }
            assertEquals(0, asked.get(), "requests the renderer sent");
        } finally {
            server.stop(0);
        }
        assertFalse(PdfDocuments.allowed("file:///etc/passwd", ExternalResourceType.IMAGE_RASTER));
        assertFalse(PdfDocuments.allowed("data:image/png;base64,AAAA", ExternalResourceType.CSS));
        assertTrue(PdfDocuments.allowed("data:image/png;base64,AAAA", ExternalResourceType.IMAGE_RASTER));
    }
}
