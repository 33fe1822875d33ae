package vn.motcua.dossier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.dossier.Dossiers.*;

import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import vn.motcua.dossier.usecase.Clocks;
import vn.motcua.dossier.usecase.OfficialForms;
import vn.motcua.support.Demo;
import vn.motcua.support.PdfPages;
import vn.motcua.support.Tokens;

/**
 * The printed forms of Circular 03/2025/TT-VPCP (biểu mẫu) of real dossiers, each driven through the real state
 * machine by the officers who would act on it: what each says, read back from the PDF (composed Vietnamese, from
 * embedded fonts, no glyph missing), its QR code read from the rendered page, and the problems of a form that does not
 * exist or whose event has not happened. Each PDF is kept in {@code target/forms/} for a person to look at.
 */
@QuarkusTest
class OfficialFormsTest {

    /** A name with the letters a font most often lacks. */
    static final String APPLICANT = "Đặng Thị Ngọc Hầu Bắc Lẫm Vệ Tố Mờ Hợp Nữ Kỹ";

    static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    @Inject
    OfficialForms forms;

    static String submit() {
        return given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(submission(DEATH, WARD, "online-full", deathForm(), APPLICANT))
                .post("/api/dossiers").then().statusCode(201).extract().path("receiptCode");
    }

    static Response form(String officer, String code, String form) {
        return given().auth().oauth2(Tokens.staff(officer)).get("/api/t/{t}/dossiers/{code}/forms/{form}.pdf", WARD, code, form);
    }

    static JsonPath dossier(String code) {
        return given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).get("/api/t/{t}/dossiers/{code}", WARD, code).then().statusCode(200)
                .extract().jsonPath();
    }

    /** "09 giờ 05 phút, ngày 03 tháng 12 năm 2026": an instant as the forms write it. */
    static String time(String instant) {
        OffsetDateTime t = OffsetDateTime.parse(instant).withOffsetSameInstant(VIETNAM);
        return String.format("%02d giờ %02d phút, ngày %02d tháng %02d năm %d", t.getHour(), t.getMinute(), t.getDayOfMonth(),
                t.getMonthValue(), t.getYear());
    }

    /**
     * The PDF's text, with its whitespace folded, once it is known to be a PDF whose fonts are all embedded Noto Serif,
     * whose text is composed (NFC), with no glyph missing and no replacement character, and whose QR code leads to
     * {@code qr}.
     */
    static String text(Response r, String keep, String qr) throws Exception {
        assertEquals(200, r.statusCode(), r::asString);
        assertTrue(r.contentType().startsWith("application/pdf"), r.contentType());
        assertEquals("nosniff", r.header("X-Content-Type-Options"));
        assertTrue(r.header("Content-Disposition").startsWith("inline; filename=\""), r.header("Content-Disposition"));
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "forms"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "forms", keep + ".pdf"), r.asByteArray());
        try (PDDocument doc = Loader.loadPDF(r.asByteArray())) {
            PdfPages.embeddedFonts(doc).forEach(f -> assertTrue(f.contains("NotoSerif"), f));
            assertEquals(List.of(), PdfPages.missingGlyphs(doc), "every character has its glyph");
            String raw = new PDFTextStripper().getText(doc);
            assertTrue(Normalizer.isNormalized(raw, Normalizer.Form.NFC), "the text is composed");
            assertFalse(raw.contains("\uFFFD") || raw.contains("\u25A1") || raw.contains("#"), "a glyph is missing: " + raw);
            assertEquals(qr, qr(doc), "the QR code");
            return raw.replaceAll("\\s+", " ");
        }
    }

    /** The QR code of the document, on whichever page it is printed. */
    static String qr(PDDocument doc) throws Exception {
        for (int page = 0; page < doc.getNumberOfPages(); page++) {
            try {
                return PdfPages.qr(new PDFRenderer(doc).renderImageWithDPI(page, 300));
            } catch (com.google.zxing.NotFoundException e) {
                // not on this page
            }
        }
        throw new AssertionError("no QR code on any of the " + doc.getNumberOfPages() + " pages");
    }

    /**
     * Each expected text is in the form, in order, letter for letter; spaces aside, since a line may break in a
     * table cell where the source has none ("hạn/đúng" after a slash).
     */
    static void contains(String text, String... expected) {
        String letters = text.replaceAll("\\s+", "");
        for (String e : expected) {
            String want = Normalizer.normalize(e, Normalizer.Form.NFC).replaceAll("\\s+", "");
            assertTrue(letters.contains(want), () -> "the form lacks «" + e + "»:\n" + text);
        }
    }

    @Test
    void theRequestToSupplementListsWhatWasAskedForOneItemALine() throws Exception {
        String code = submit();
        act(Demo.RECEIVER, WARD, code, "receive").statusCode(200);
        act(Demo.PROCESSOR, WARD, code, "assign").statusCode(200);
        // Before any request there is no such form: a clear 409, never a 500.
        form(Demo.PROCESSOR, code, "supplement-request").then().statusCode(409).body("type", equalTo("/problems/form-not-issued"))
                .body("form", equalTo("supplement-request"));
        act(Demo.PROCESSOR, WARD, code, "request-supplement",
                Map.of("reason", "Giấy báo tử bản chính do bệnh viện cấp\nBản sao thẻ căn cước của người đi khai tử")).statusCode(200);
        JsonPath d = dossier(code);
        String requested = d.getString("history.find { it.action == 'request-supplement' }.at");
        String by = d.getString("history.find { it.action == 'request-supplement' }.by");
        String text = text(form(Demo.PROCESSOR, code, "supplement-request"), "02-supplement-request", forms.lookupUrl(code));
        contains(text, "ỦY BAN NHÂN DÂN PHƯỜNG ĐIỆN BIÊN", "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Mã hồ sơ: " + code, "Hồ sơ của: Ông/Bà: " + APPLICANT,
                "Đăng ký khai tử (mã thủ tục " + DEATH + ")",
                "Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:",
                "1. Giấy báo tử bản chính do bệnh viện cấp", "2. Bản sao thẻ căn cước của người đi khai tử",
                "Thời điểm yêu cầu: " + time(requested), "Phường Điện Biên", "NGƯỜI HƯỚNG DẪN", by);
    }

    @Test
    void theRefusalSaysWhyOnWhatBasisAndWhenAndOnlyForARefusedDossier() throws Exception {
        String code = submit();
        form(Demo.RECEIVER, code, "refusal").then().statusCode(409).body("type", equalTo("/problems/form-not-issued"));
        String reason = "Người nộp không phải thân nhân của người đã mất; thiếu Giấy báo tử";
        act(Demo.RECEIVER, WARD, code, "refuse", Map.of("reason", reason)).statusCode(200);
        JsonPath d = dossier(code);
        String text = text(form(Demo.RECEIVER, code, "refusal"), "03-refusal", forms.lookupUrl(code));
        contains(text, "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "Mã hồ sơ: " + code,
                "Bộ phận tiếp nhận và trả kết quả Phường Điện Biên tiếp nhận hồ sơ của: Ông/Bà: " + APPLICANT,
                "Theo quy định tại Luật Hộ tịch số 60/2014/QH13; Nghị định số 123/2015/NĐ-CP; Thông tư số 04/2020/TT-BTP",
                reason, "Thời điểm từ chối: " + time(d.getString("history.find { it.action == 'refuse' }.at")),
                "Xin trân trọng thông báo!", "NGƯỜI TIẾP NHẬN HỒ SƠ", d.getString("history.find { it.action == 'refuse' }.by"));
        // A refused dossier was never received into processing: no apology, no stop notice.
        for (String none : List.of("apology", "stop-notice")) {
            form(Demo.RECEIVER, code, none).then().statusCode(409).body("type", equalTo("/problems/form-not-issued"));
        }
    }

    @Test
    void theApologyOfALateDossierGivesTheReasonAndTheNewAppointment() throws Exception {
        String code = submit();
        act(Demo.RECEIVER, WARD, code, "receive").statusCode(200);
        act(Demo.PROCESSOR, WARD, code, "assign").statusCode(200);
        String due = dossier(code).getString("dueAt");
        String reason = "Chờ Bệnh viện Bạch Mai xác minh giấy báo tử";
        OffsetDateTime appointment;
        // Sixty days later the dossier is late; the office apologizes and sets a new date.
        try (AutoCloseable later = Clocks.ahead(Duration.ofDays(60))) {
            appointment = OffsetDateTime.now(VIETNAM).plusDays(63).withHour(9).withMinute(30).withSecond(0).withNano(0);
            act(Demo.PROCESSOR, WARD, code, "apologize", Map.of("reason", reason, "appointment", appointment.toString())).statusCode(200);
        }
        String text = text(form(Demo.APPROVER, code, "apology"), "04-apology", forms.lookupUrl(code));
        contains(text, "ỦY BAN NHÂN DÂN PHƯỜNG ĐIỆN BIÊN", "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
                "Kính gửi: Ông/Bà " + APPLICANT,
                "Phường Điện Biên tiếp nhận hồ sơ của ông/bà vào lúc: " + time(dossier(code).getString("submittedAt")),
                "Thời hạn trả kết quả giải quyết hồ sơ: " + time(due), reason,
                "kết quả sẽ được trả cho ông/bà vào lúc: " + time(appointment.toString()), "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ");
    }

    @Test
    void theStopNoticeComesFromTheLeadersRejection() throws Exception {
        String code = submit();
        act(Demo.RECEIVER, WARD, code, "receive").statusCode(200);
        act(Demo.PROCESSOR, WARD, code, "assign").statusCode(200);
        act(Demo.PROCESSOR, WARD, code, "propose").statusCode(200);
        form(Demo.APPROVER, code, "stop-notice").then().statusCode(409);
        String reason = "Người mất đã được đăng ký khai tử tại Ủy ban nhân dân phường Kim Mã";
        act(Demo.APPROVER, WARD, code, "reject", Map.of("reason", reason)).statusCode(200);
        JsonPath d = dossier(code);
        String text = text(form(Demo.RECEIVER, code, "stop-notice"), "05-stop-notice", forms.lookupUrl(code));
        contains(text, "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", "Mã hồ sơ: " + code, "Kính gửi: Ông/Bà " + APPLICANT,
                "Vào lúc " + time(d.getString("history.find { it.action == 'reject' }.at")) + ", Phường Điện Biên dừng giải quyết hồ sơ nêu trên. Lý do:",
                reason, "Hồ sơ và văn bản trả lời được trả tại: Bộ phận tiếp nhận và trả kết quả Phường Điện Biên",
                d.getString("history.find { it.action == 'reject' }.by"));
    }

    @Test
    void theControlSlipFollowsEveryStepFromReceptionToReturn() throws Exception {
        String code = submit();
        act(Demo.RECEIVER, WARD, code, "receive").statusCode(200);
        act(Demo.PROCESSOR, WARD, code, "assign").statusCode(200);
        // Mid-way: the current step is in progress, the later ones not reached.
        String mid = text(form(Demo.RECEIVER, code, "control-slip"), "06-control-slip-open", forms.lookupUrl(code));
        contains(mid, "Đang giải quyết", "Chưa đến bước này");
        act(Demo.PROCESSOR, WARD, code, "propose").statusCode(200);
        act(Demo.APPROVER, WARD, code, "approve").statusCode(200);
        act(Demo.RECEIVER, WARD, code, "mark-result-ready").statusCode(200);
        act(Demo.RECEIVER, WARD, code, "return", Map.of("channel", "counter")).statusCode(200);
        JsonPath d = dossier(code);
        String text = text(form(Demo.DISTRICT_RECEIVER, code, "control-slip"), "06-control-slip", forms.lookupUrl(code));
        contains(text, "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Mã hồ sơ: " + code,
                "(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả)", "Cơ quan (bộ phận) giải quyết hồ sơ: Phường Điện Biên",
                "TÊN CƠ QUAN", "THỜI GIAN GIAO, NHẬN HỒ SƠ", "KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/đúng hạn/quá hạn)", "GHI CHÚ",
                "1. Giao: " + APPLICANT);
        List<Map<String, Object>> steps = d.getList("steps");
        assertTrue(steps.size() >= 3, "a workflow of several steps");
        for (int i = 0; i < steps.size(); i++) {
            Map<String, Object> s = steps.get(i);
            contains(text, "Bước " + (i + 1) + ": " + ((Map<?, ?>) s.get("name")).get("vi"), "2. Nhận: " + s.get("holder"),
                    "Hạn: " + time((String) s.get("dueAt")), "Hoàn thành lúc: " + time((String) s.get("endedAt")));
            assertTrue(!"late".equals(s.get("timeliness")), "no step was late");
        }
        assertFalse(text.contains("Quá hạn"), text);
        assertTrue(text.contains("Trước hạn") || text.contains("Đúng hạn"), text);
    }

    @Test
    void theTrackingBookListsWhatTheDeskReceivedWithTheNumbersOfTheSlips() throws Exception {
        String first = submit();
        String refused = submit();
        act(Demo.RECEIVER, WARD, refused, "refuse", Map.of("reason", "Hồ sơ không thuộc thẩm quyền")).statusCode(200);
        LocalDate today = LocalDate.now(VIETNAM);
        Response r = given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).queryParam("from", today.minusDays(1).toString())
                .queryParam("to", today.plusDays(1).toString()).get("/api/t/{t}/tracking-book.pdf", WARD);
        String text = text(r, "07-tracking-book", forms.lookupUrl(null));
        contains(text, "SỔ THEO DÕI HỒ SƠ", "Phường Điện Biên", "Quyển số: " + today.getYear(), "Số thứ tự", "Mã hồ sơ",
                "Tên thủ tục hành chính", "Cơ quan chủ trì giải quyết", "Nhận hồ sơ", "Hẹn trả kết quả", "Ký nhận", "Ghi chú",
                first, refused, APPLICANT, "Từ chối tiếp nhận");
        // The number the receipt slip gives the dossier is the one the book prints before its code.
        String slip = text(given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).get("/api/dossiers/{code}/receipt.pdf", first),
                "01-receipt", forms.lookupUrl(first));
        Matcher m = Pattern.compile("Quyển số: (\\d{4}), Số thứ tự: (\\d+)\\.").matcher(slip);
        assertTrue(m.find(), slip);
        assertEquals(Integer.toString(today.getYear()), m.group(1));
        assertTrue(Pattern.compile("(^|\\s)" + m.group(2) + "\\s*" + Pattern.quote(first)).matcher(text).find(),
                "entry " + m.group(2) + " of the book is " + first + ":\n" + text);
        // Through the console, as the officer's browser prints it.
        Response page = given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).queryParam("from", today.toString())
                .queryParam("to", today.toString()).get("/console/{t}/tracking-book.pdf", WARD);
        assertEquals(200, page.statusCode(), page::asString);
        assertEquals("default-src 'none'; frame-ancestors 'none'", page.header("Content-Security-Policy"));
        contains(text(page, "07-tracking-book-console", forms.lookupUrl(null)), first);
    }

    @Test
    void aBadPeriodIsRefusedFieldByField() {
        LocalDate today = LocalDate.now(VIETNAM);
        Map<String, String[]> cases = Map.of(
                "no dates", new String[] { null, null, "from", "to" },
                "not a date", new String[] { "2026-13-01", today.toString(), "from", null },
                "reversed", new String[] { today.toString(), today.minusDays(1).toString(), "to", null },
                "longer than a year", new String[] { today.minusDays(366).toString(), today.toString(), "to", null });
        cases.forEach((what, c) -> {
            var spec = given().auth().oauth2(Tokens.staff(Demo.RECEIVER));
            if (c[0] != null) {
                spec.queryParam("from", c[0]);
            }
            if (c[1] != null) {
                spec.queryParam("to", c[1]);
            }
            var body = spec.get("/api/t/{t}/tracking-book.pdf", WARD).then().statusCode(400)
                    .body("type", equalTo("/problems/validation-failed")).body("errors.field", hasItem(c[2]));
            if (c[3] != null) {
                body.body("errors.field", hasItem(c[3]));
            }
        });
        // A year exactly, leap day or not, is one print (at a ward with few dossiers, under the cap).
        given().auth().oauth2(Tokens.staff(Demo.OTHER_WARD_RECEIVER)).queryParam("from", today.minusDays(365).toString())
                .queryParam("to", today.toString()).get("/api/t/{t}/tracking-book.pdf", OTHER_WARD).then().statusCode(200);
    }

    @Test
    void onlyStaffWhoMayReadTheDeskPrintItsForms() {
        String code = submit();
        LocalDate today = LocalDate.now(VIETNAM);
        // Another ward's desk, a postal clerk and a citizen: neither the dossier's forms nor the ward's book.
        for (String officer : List.of(Demo.OTHER_WARD_RECEIVER, Demo.POSTAL_CLERK)) {
            int status = form(officer, code, "control-slip").statusCode();
            assertTrue(status == 403 || status == 404, officer + ": " + status);
            assertEquals(403, given().auth().oauth2(Tokens.staff(officer)).queryParam("from", today.toString())
                    .queryParam("to", today.toString()).get("/api/t/{t}/tracking-book.pdf", WARD).statusCode(), officer);
        }
        int citizen = given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).get("/api/t/{t}/dossiers/{code}/forms/receipt.pdf", WARD, code)
                .statusCode();
        assertTrue(citizen == 403 || citizen == 404, "a citizen: " + citizen);
        assertEquals(401, given().get("/api/t/{t}/dossiers/{code}/forms/receipt.pdf", WARD, code).statusCode());
        // The district above supervises the ward: it may print; a form that does not exist is 404, on the API and the console.
        assertEquals(200, form(Demo.DISTRICT_RECEIVER, code, "receipt").statusCode());
        form(Demo.RECEIVER, code, "tracking-book").then().statusCode(404);
        form(Demo.RECEIVER, code, "no-such-form").then().statusCode(404);
        assertEquals(404, given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).accept("text/html")
                .get("/console/{t}/dossiers/{code}/forms/{f}.pdf", WARD, code, "no-such-form").statusCode());
        Response page = given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).get("/console/{t}/dossiers/{code}/forms/receipt.pdf", WARD, code);
        assertEquals(200, page.statusCode(), page::asString);
        assertEquals("inline; filename=\"giay-tiep-nhan-" + code + ".pdf\"", page.header("Content-Disposition"));
        assertEquals("no-store", page.header("Cache-Control"));
    }
}
