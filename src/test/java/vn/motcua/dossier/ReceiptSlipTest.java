package vn.motcua.dossier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.dossier.Dossiers.*;

import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import vn.motcua.dossier.usecase.OfficialForms;
import vn.motcua.support.Demo;
import vn.motcua.support.PdfPages;
import vn.motcua.support.Tokens;

/**
 * The receipt-and-appointment slip (giấy tiếp nhận hồ sơ và hẹn trả kết quả) of a real submission: what it says, read
 * back from the PDF (composed Vietnamese, from embedded fonts, nothing missing), its QR code read from the rendered
 * page, and who may have it.
 */
@QuarkusTest
class ReceiptSlipTest {

    /** A name with the letters a font most often lacks. */
    static final String APPLICANT = "Đặng Thị Ngọc Hầu Bắc Lẫm Vệ Tố Mờ Hợp Nữ Kỹ";

    @Inject
    OfficialForms slips;

    static String submit() {
        return given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(submission(DEATH, WARD, "online-full", deathForm(), APPLICANT))
                .post("/api/dossiers").then().statusCode(201).extract().path("receiptCode");
    }

    static Response slip(String token, String code) {
        var spec = given();
        if (token != null) {
            spec.auth().oauth2(token);
        }
        return spec.get("/api/dossiers/{code}/receipt.pdf", code);
    }

    @Test
    void theSlipSaysWhatTheFormSaysInVietnameseFromEmbeddedFonts() throws Exception {
        String code = submit();
        JsonPath dossier = given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).get("/api/dossiers/{code}", code)
                .then().statusCode(200).extract().jsonPath();
        Response r = slip(Tokens.citizen(Demo.CITIZEN), code);
        assertEquals(200, r.statusCode(), r::asString);
        assertTrue(r.contentType().startsWith("application/pdf"), r.contentType());
        assertEquals("inline; filename=\"giay-tiep-nhan-" + code + ".pdf\"", r.header("Content-Disposition"));
        // Kept for a person to look at: target/receipt-slip.pdf.
        java.nio.file.Files.write(java.nio.file.Path.of("target", "receipt-slip.pdf"), r.asByteArray());
        try (PDDocument doc = Loader.loadPDF(r.asByteArray())) {
            assertEquals(1, doc.getNumberOfPages(), "one page");
            PdfPages.embeddedFonts(doc).forEach(f -> assertTrue(f.contains("NotoSerif"), f));
            assertEquals(List.of(), PdfPages.missingGlyphs(doc), "every character has its glyph");
            String raw = new PDFTextStripper().getText(doc);
            assertTrue(Normalizer.isNormalized(raw, Normalizer.Form.NFC), "the text is composed");
            assertFalse(raw.contains("\uFFFD") || raw.contains("\u25A1") || raw.contains("#"), "a glyph is missing: " + raw);
            String text = raw.replaceAll("\\s+", " ");
            OffsetDateTime due = OffsetDateTime.parse(dossier.getString("dueAt")).withOffsetSameInstant(ZoneOffset.ofHours(7));
            OffsetDateTime received = OffsetDateTime.parse(dossier.getString("submittedAt")).withOffsetSameInstant(ZoneOffset.ofHours(7));
            for (String expected : new String[] {
                    "ỦY BAN NHÂN DÂN PHƯỜNG ĐIỆN BIÊN",
                    "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ",
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                    "Độc lập - Tự do - Hạnh phúc",
                    "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
                    "Mã hồ sơ: " + code,
                    "Ông/Bà: " + APPLICANT,
                    "Số điện thoại: " + PHONE,
                    "Đăng ký khai tử (mã thủ tục " + DEATH + ")",
                    "Giấy báo tử hoặc giấy tờ thay thế giấy báo tử",
                    String.format("4. Thời gian nhận hồ sơ: %02d giờ %02d phút, ngày %02d tháng %02d năm %d", received.getHour(),
                            received.getMinute(), received.getDayOfMonth(), received.getMonthValue(), received.getYear()),
                    String.format("5. Thời gian trả kết quả giải quyết hồ sơ: %02d giờ %02d phút, ngày %02d tháng %02d năm %d", due.getHour(),
                            due.getMinute(), due.getDayOfMonth(), due.getMonthValue(), due.getYear()),
                    "6. Nơi trả kết quả: Bộ phận tiếp nhận và trả kết quả Phường Điện Biên",
                    "Hệ thống tiếp nhận trực tuyến",
                    slips.lookupUrl(code),
                    // Its line in the desk's tracking book: the book of the year it was received in.
                    "Vào Sổ theo dõi hồ sơ, Quyển số: " + received.getYear() + ", Số thứ tự: " }) {
                assertTrue(text.contains(expected), () -> "the slip lacks «" + expected + "»:\n" + raw);
            }
            // The QR code, read from the page as a phone would see it, leads to the public look-up of this dossier.
            String qr = PdfPages.qr(new PDFRenderer(doc).renderImageWithDPI(0, 300));
            assertEquals(slips.lookupUrl(code), qr);
            assertTrue(qr.endsWith("/tra-cuu?code=" + code), qr);
        }
    }

    @Test
    void anOfficerWhoMayReadTheDossierHasItsSlipAndNobodyElseDoes() {
        String code = submit();
        assertEquals(200, slip(Tokens.staff(Demo.RECEIVER), code).statusCode(), "the ward's desk");
        assertEquals(200, slip(Tokens.staff(Demo.DISTRICT_RECEIVER), code).statusCode(), "the district above it");
        // As for the dossier itself: 404 for another citizen and another ward, whatever they try.
        java.util.Map<String, String> others = java.util.Map.of(Demo.OTHER_CITIZEN, Tokens.citizen(Demo.OTHER_CITIZEN),
                Demo.OTHER_WARD_RECEIVER, Tokens.staff(Demo.OTHER_WARD_RECEIVER), Demo.POSTAL_CLERK, Tokens.staff(Demo.POSTAL_CLERK));
        others.forEach((who, token) -> {
            Response r = slip(token, code);
            assertEquals(404, r.statusCode(), who + ": " + r.asString());
            assertEquals(given().auth().oauth2(token).get("/api/dossiers/{code}", code).statusCode(), r.statusCode(),
                    who + " is refused the slip as the dossier");
            assertFalse(r.asString().contains(APPLICANT));
        });
        assertEquals(401, slip(null, code).statusCode());
    }
}
