package vn.motcua.dossier.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.motcua.platform.error.FieldIssue;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;

/**
 * What a print does when it cannot be made, and which periods the tracking book takes, without the service: a form
 * that fails to lay out or to render is 503 {@code unavailable} (to be tried again; nothing was written), never a 500.
 */
class OfficialFormsRenderTest {

    @Test
    void aFormThatFailsToRenderIsUnavailableNotAnInternalError() {
        for (java.util.function.Supplier<String> broken : List.<java.util.function.Supplier<String>>of(
                () -> {
                    throw new IllegalStateException("the template failed");
                },
                () -> "<html><body><p>not well-formed XHTML")) {
            Throwable e = assertThrows(Throwable.class,
                    () -> OfficialForms.render("x.pdf", broken).await().atMost(Duration.ofSeconds(30)));
            ProblemException p = assertInstanceOf(ProblemException.class, e);
            assertEquals(ProblemType.UNAVAILABLE, p.type());
            assertEquals(503, p.type().status());
            assertEquals(5, p.extensions().get("retryAfter"));
        }
        // A well-formed one renders.
        OfficialForms.Pdf pdf = OfficialForms.render("x.pdf", () -> """
                <html xmlns="http://www.w3.org/1999/xhtml" lang="vi"><head><title>x</title></head><body><p>Phiếu</p></body></html>""")
                .await().atMost(Duration.ofSeconds(30));
        assertTrue(new String(pdf.bytes(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII).startsWith("%PDF-"));
    }

    @Test
    void thePeriodIsADayToAYearInOrder() {
        LocalDate[] ok = OfficialForms.period("2026-01-01", "2026-12-31");
        assertEquals(LocalDate.parse("2026-01-01"), ok[0]);
        assertEquals(LocalDate.parse("2026-12-31"), ok[1]);
        OfficialForms.period("2024-01-01", "2024-12-31"); // 366 days, a leap year
        OfficialForms.period("2026-03-09", "2026-03-09");
        record Bad(String from, String to, List<String> fields, FieldIssue issue) {
        }
        for (Bad b : List.of(new Bad(null, " ", List.of("from", "to"), FieldIssue.REQUIRED),
                new Bad("09/03/2026", "2026-03-09", List.of("from"), FieldIssue.NOT_DATE),
                new Bad("2026-03-10", "2026-03-09", List.of("to"), FieldIssue.PERIOD_REVERSED),
                new Bad("2025-01-01", "2026-01-02", List.of("to"), FieldIssue.PERIOD_TOO_LONG))) {
            ProblemException e = assertThrows(ProblemException.class, () -> OfficialForms.period(b.from(), b.to()));
            assertEquals(ProblemType.VALIDATION_FAILED, e.type());
            assertEquals(b.fields(), e.fieldErrors().stream().map(ProblemException.FieldError::field).toList(), b.toString());
            assertTrue(e.fieldErrors().stream().allMatch(f -> f.issue() == b.issue()), b.toString());
        }
    }

    @Test
    void eachFormHasItsSlugAndAFileNameSafeInAHeader() {
        assertEquals(List.of("receipt", "supplement-request", "refusal", "apology", "stop-notice", "control-slip"),
                OfficialForm.ofDossier().stream().map(OfficialForm::slug).toList());
        assertTrue(OfficialForm.ofDossier("tracking-book").isEmpty(), "the book is a desk's, not a dossier's");
        assertTrue(OfficialForm.ofDossier("../receipt").isEmpty());
        assertEquals("phieu-kiem-soat-000.00.01.H26-261124-0007.pdf", OfficialForm.CONTROL_SLIP.fileName("000.00.01.H26-261124-0007"));
        assertEquals("so-theo-doi-ba-dinh_x__-2026.pdf", OfficialForm.TRACKING_BOOK.fileName("ba-dinh/x\"\r-2026"));
    }
}
