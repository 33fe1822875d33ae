package vn.motcua.dossier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.dossier.Dossiers.*;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import vn.motcua.support.Demo;
import vn.motcua.support.Management;
import vn.motcua.support.Tokens;
import vn.motcua.dossier.store.AttachmentFiles;

/** Files for required documents: sniffed, compressed, checksummed, limited, and only for those who may. */
@QuarkusTest
class AttachmentTest {

    static final byte[] PDF = ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\n"
            + "endobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

    static String code;

    /** One dossier for the class, submitted on first use (the services start with the first test). */
    @BeforeEach
    void dossier() {
        if (code == null) {
            code = submitOnline(Demo.CITIZEN, DEATH, WARD, deathForm());
        }
    }

    static ValidatableResponse upload(String token, int document, String name, String type, byte[] bytes) {
        return given().auth().oauth2(token).header("Accept-Language", "en")
                .multiPart("document", String.valueOf(document))
                .multiPart("file", name, bytes, type)
                .post("/api/dossiers/{code}/attachments", code).then();
    }

    @Test
    void aPdfKeepsItsPagesAndLosesWhatCouldActWhenOpened() throws Exception {
        byte[] armed;
        try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            doc.addPage(page);
            doc.getDocumentCatalog().setOpenAction(new org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript("app.alert('x')"));
            page.getCOSObject().setItem(org.apache.pdfbox.cos.COSName.AA, new org.apache.pdfbox.cos.COSDictionary());
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            doc.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
            armed = out.toByteArray();
        }
        assertTrue(new String(armed, StandardCharsets.ISO_8859_1).contains("/JavaScript"), "the test PDF carries a script");
        String id = upload(Tokens.citizen(Demo.CITIZEN), 1, "don.pdf", "application/pdf", armed).statusCode(201).extract().path("id");
        byte[] stored = given().auth().oauth2(Tokens.citizen(Demo.CITIZEN))
                .get("/api/dossiers/{code}/attachments/{id}", code, id).then().statusCode(200).extract().asByteArray();
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(stored)) {
            assertEquals(1, doc.getNumberOfPages(), "the page is kept");
            assertEquals(null, doc.getDocumentCatalog().getCOSObject().getDictionaryObject(org.apache.pdfbox.cos.COSName.OPEN_ACTION));
            assertEquals(null, doc.getPage(0).getCOSObject().getDictionaryObject(org.apache.pdfbox.cos.COSName.AA));
        }
        // A PDF locked with a password is refused: nobody at the office could open it either.
        byte[] locked;
        try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            doc.protect(new org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy("owner", "user",
                    new org.apache.pdfbox.pdmodel.encryption.AccessPermission()));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            doc.save(out);
            locked = out.toByteArray();
        }
        upload(Tokens.citizen(Demo.CITIZEN), 1, "khoa.pdf", "application/pdf", locked).statusCode(415)
                .body("type", equalTo("/problems/file-type-not-allowed"));
    }

    @Test
    void aDecompressionBombIsRefusedBeforeItIsDecoded() throws Exception {
        // 10,000 × 10,000 pixels in a few hundred kilobytes: decoded whole it would take about 400 MB and seconds of CPU.
        BufferedImage bomb = new BufferedImage(10_000, 10_000, BufferedImage.TYPE_BYTE_BINARY);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(bomb, "png", png);
        assertTrue(png.size() < 2_000_000, "small on the wire: " + png.size());
        upload(Tokens.citizen(Demo.CITIZEN), 1, "bom.png", "image/png", png.toByteArray()).statusCode(413)
                .body("type", equalTo("/problems/file-too-large"))
                .body("detail", containsString("60 megapixel"));
    }

    @Test
    void aLargePhoneShotIsScaledDownAndRecompressed() throws Exception {
        BufferedImage photo = new BufferedImage(4032, 3024, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.WHITE, 4032, 3024, new Color(30, 60, 120)));
        g.fillRect(0, 0, 4032, 3024);
        g.setColor(Color.BLACK);
        for (int y = 200; y < 3000; y += 120) {
            g.drawString("GIẤY BÁO TỬ — bản chụp bằng điện thoại", 300, y);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(photo, "png", out);
        byte[] sent = out.toByteArray();
        assertTrue(sent.length < 2 * 1024 * 1024, "fits the test limit: " + sent.length);
        String id = upload(Tokens.citizen(Demo.CITIZEN), 2, "IMG_2041.PNG", "image/png", sent).statusCode(201)
                .body("document", equalTo(2))
                .body("contentType", equalTo("image/jpeg"))
                .body("sizeBytes", equalTo(sent.length))
                .body("storedBytes", lessThan(sent.length))
                .extract().path("id");
        byte[] stored = given().auth().oauth2(Tokens.citizen(Demo.CITIZEN))
                .get("/api/dossiers/{code}/attachments/{id}", code, id).then().statusCode(200)
                .contentType("image/jpeg").extract().asByteArray();
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(stored));
        assertEquals(2400, back.getWidth());
        assertEquals(1800, back.getHeight());
    }

    @Test
    void aPdfIsKeptAsItCameWithItsChecksum() {
        String sha = upload(Tokens.citizen(Demo.CITIZEN), 1, "to-khai.pdf", "application/octet-stream", PDF).statusCode(201)
                .body("contentType", equalTo("application/pdf"))
                .body("storedBytes", equalTo(PDF.length))
                .extract().path("sha256");
        assertEquals(AttachmentFiles.sha256(PDF), sha);
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).get("/api/t/{t}/dossiers/{code}", WARD, code).then()
                .body("attachments.sha256", hasItem(sha))
                .body("history.action", hasItem("attach"));
        // Officers read it back byte for byte.
        String id = given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).get("/api/dossiers/{code}", code).then()
                .extract().path("attachments.find { it.sha256 == '" + sha + "' }.id");
        assertArrayEquals(PDF, given().auth().oauth2(Tokens.staff(Demo.RECEIVER))
                .get("/api/dossiers/{code}/attachments/{id}", code, id).then().statusCode(200).extract().asByteArray());
    }

    /** The store these tests run against, as the health check names it. */
    String expectedStore() {
        return "folder";
    }

    @Test
    void theStoreReportsItselfWellOnTheHealthEndpoint() {
        given().port(Management.port()).get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'attachment-store' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'attachment-store' }.data.store", equalTo(expectedStore()));
    }

    @Test
    void aDisguisedFileIsRefusedWhateverItsNameAndHeaderSay() {
        upload(Tokens.citizen(Demo.CITIZEN), 1, "scan.jpg", "image/jpeg", "xin chào, đây không phải ảnh".getBytes(StandardCharsets.UTF_8))
                .statusCode(415)
                .body("type", equalTo("/problems/file-type-not-allowed"))
                .body("detail", org.hamcrest.Matchers.containsString("text/plain"));
        byte[] exe = Arrays.copyOf("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1), 512);
        upload(Tokens.citizen(Demo.CITIZEN), 1, "giay-to.pdf", "application/pdf", exe).statusCode(415);
    }

    @Test
    void anIphonePhotoInHeicIsRefusedWithHowToSendItAsJpeg() {
        // The start of an iPhone's HEIC file: an ISO box 'ftyp' with the brand 'heic'. No reader for it runs on
        // Java 21 (those on Maven Central need Java 22's foreign-function API and a native libheif or libvips).
        byte[] heic = new byte[64];
        byte[] box = { 0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1', 'h', 'e', 'i', 'c' };
        System.arraycopy(box, 0, heic, 0, box.length);
        upload(Tokens.citizen(Demo.CITIZEN), 1, "IMG_0421.HEIC", "image/heic", heic).statusCode(415)
                .body("type", equalTo("/problems/file-type-not-allowed"))
                .body("detail", containsString("image/heic"))
                .body("detail", containsString("Most Compatible"));
    }

    @Test
    void anOversizeOrEmptyFileOrAnUnknownDocumentIsAClearError() {
        byte[] big = Arrays.copyOf(PDF, 2 * 1024 * 1024 + 1);
        upload(Tokens.citizen(Demo.CITIZEN), 1, "big.pdf", "application/pdf", big).statusCode(413)
                .body("type", equalTo("/problems/file-too-large"))
                .body("detail", org.hamcrest.Matchers.containsString("2 MB"));
        upload(Tokens.citizen(Demo.CITIZEN), 1, "empty.pdf", "application/pdf", new byte[0]).statusCode(400)
                .body("errors[0].field", equalTo("file"));
        upload(Tokens.citizen(Demo.CITIZEN), 9, "x.pdf", "application/pdf", PDF).statusCode(400)
                .body("errors[0].field", equalTo("document"));
    }

    @Test
    void onlyThoseWhoMayTouchTheDossierAttachOrRead() {
        upload(Tokens.citizen(Demo.OTHER_CITIZEN), 1, "x.pdf", "application/pdf", PDF).statusCode(404);
        upload(Tokens.staff(Demo.OTHER_WARD_RECEIVER), 1, "x.pdf", "application/pdf", PDF).statusCode(404);
        // The district supervises the ward: it reads, it does not add.
        upload(Tokens.staff(Demo.DISTRICT_RECEIVER), 1, "x.pdf", "application/pdf", PDF).statusCode(403);
        upload(Tokens.staff(Demo.RECEIVER), 3, "cccd.pdf", "application/pdf", PDF).statusCode(201);
        given().multiPart("document", "1").multiPart("file", "x.pdf", PDF, "application/pdf")
                .post("/api/dossiers/{code}/attachments", code).then().statusCode(401);
    }
}
