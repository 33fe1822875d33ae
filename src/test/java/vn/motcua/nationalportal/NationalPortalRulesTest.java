package vn.motcua.nationalportal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonObject;
import vn.motcua.dossier.domain.DossierStatus;
import vn.motcua.nationalportal.domain.IntakeSignature;
import vn.motcua.nationalportal.domain.PortalCodes;
import vn.motcua.nationalportal.domain.PortalDossier;
import vn.motcua.nationalportal.domain.PortalMessages;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;

/** The national portal's pure rules: its codes, its messages' shape, the delivery's signature and fields. */
class NationalPortalRulesTest {

    static final OffsetDateTime AT = OffsetDateTime.of(2026, 12, 2, 1, 2, 3, 0, ZoneOffset.UTC);

    @Test
    void everyStatusHasThePortalsCodeAndTheTableIsTheDocumentedOne() {
        for (DossierStatus s : DossierStatus.values()) {
            assertTrue(PortalCodes.status(s).matches("\\d{1,2}"), s.name());
        }
        assertEquals("1", PortalCodes.status(DossierStatus.SUBMITTED));
        assertEquals("2", PortalCodes.status(DossierStatus.RECEIVED));
        assertEquals("3", PortalCodes.status(DossierStatus.REFUSED));
        assertEquals("5", PortalCodes.status(DossierStatus.SUPPLEMENT_REQUESTED));
        assertEquals("9", PortalCodes.status(DossierStatus.RESULT_READY));
        assertEquals("10", PortalCodes.status(DossierStatus.RETURNED));
        assertEquals("1", PortalCodes.channel("counter"));
        assertEquals("2", PortalCodes.channel("online-partial"));
        assertEquals("3", PortalCodes.channel("postal"));
        assertEquals("1", PortalCodes.returnMode("post"));
        // Vietnam's time, the portal's format.
        assertEquals("20261202080203", PortalCodes.time(AT));
        assertEquals("", PortalCodes.time(null));
    }

    @Test
    void theMessagesHaveThePortalsShape() {
        PortalMessages.Snapshot s = new PortalMessages.Snapshot("000.00.01.H26-261202-0001", null, "1.000656", "Đăng ký khai tử",
                "online-full", "post", "Nguyễn Văn An", "0912 345 678", AT, AT.plusDays(3), null, null, "000.00.01.H26", "Phường Điện Biên");
        PortalMessages.Change submitted = new PortalMessages.Change(DossierStatus.SUBMITTED, "submit", AT, "Nguyễn Văn An", "Đã nộp", null);
        JsonObject dossier = PortalMessages.dossier(s, submitted);
        assertEquals("DongBoHoSoMC", dossier.getString("service"));
        assertEquals("False", dossier.getString("isUpdating"));
        JsonObject d = dossier.getJsonArray("data").getJsonObject(0);
        assertEquals("000.00.01.H26-261202-0001", d.getString("MaHoSo"));
        assertEquals("1", d.getString("TrangThaiHoSo"));
        assertEquals("1", d.getString("HinhThuc"));
        assertEquals("20261205080203", d.getString("NgayHenTra"));
        assertFalse(d.containsKey("MaHoSoQG"));
        PortalMessages.Change refused = new PortalMessages.Change(DossierStatus.REFUSED, "refuse", AT, "Cán bộ", "Từ chối", "Thiếu giấy");
        JsonObject p = PortalMessages.progress(s, refused).getJsonArray("data").getJsonObject(0);
        assertEquals("3", p.getString("TrangThai"));
        assertEquals("Từ chối: Thiếu giấy", p.getString("NoiDungXuLy"));
        assertEquals("True", PortalMessages.dossier(s, refused).getString("isUpdating"));
        JsonObject r = PortalMessages.rating(s, 4, null, AT).getJsonArray("data").getJsonObject(0);
        assertEquals(4, r.getInteger("DiemDanhGia"));
        assertEquals("", r.getString("NoiDungDanhGia"));
        assertTrue(PortalMessages.accepted(new JsonObject().put("error_code", "00")));
        assertTrue(PortalMessages.accepted(new JsonObject().put("error_code", 0)));
        assertFalse(PortalMessages.accepted(new JsonObject().put("error_code", "-1")));
        assertFalse(PortalMessages.accepted(new JsonObject()));
    }

    @Test
    void aDeliveryIsGenuineOnlyWithTheSecretsSignatureAndAFreshTimestamp() {
        byte[] body = "{\"MaHoSoQG\":\"G22\"}".getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        String ts = "1800000000";
        String sig = IntakeSignature.sign("bi-mat", ts, body);
        Duration skew = Duration.ofMinutes(5);
        assertTrue(IntakeSignature.genuine("bi-mat", ts, sig, body, now, skew));
        assertTrue(IntakeSignature.genuine("bi-mat", ts, sig.toUpperCase(), body, now.plusSeconds(299), skew));
        assertFalse(IntakeSignature.genuine("bi-mat", ts, sig, body, now.plusSeconds(301), skew), "stale");
        assertFalse(IntakeSignature.genuine("khac", ts, sig, body, now, skew), "another secret");
        assertFalse(IntakeSignature.genuine("bi-mat", ts, sig, "{}".getBytes(StandardCharsets.UTF_8), now, skew), "another body");
        assertFalse(IntakeSignature.genuine("bi-mat", "1800000001", sig, body, now, skew), "another time");
        assertFalse(IntakeSignature.genuine("bi-mat", null, sig, body, now, skew));
        assertFalse(IntakeSignature.genuine("bi-mat", ts, "x", body, now, skew));
        assertFalse(IntakeSignature.genuine("", ts, sig, body, now, skew), "no secret, nothing genuine");
        assertFalse(IntakeSignature.genuine("bi-mat", "99999999999999999999", sig, body, now, skew));
    }

    @Test
    void aDeliverysOwnFieldsAreBoundedAndItsErrorsUseThePortalsNames() {
        PortalDossier bad = new PortalDossier("x".repeat(61), "1.000656'--", null, null, "bo-cau", null, null);
        ProblemException e = assertThrows(ProblemException.class, bad::check);
        assertEquals(ProblemType.VALIDATION_FAILED, e.type());
        assertEquals(List.of("MaHoSoQG", "MaTTHC", "MaDonVi", "ChuHoSo", "HinhThucNhanKetQua"),
                e.fieldErrors().stream().map(ProblemException.FieldError::field).toList());
        ProblemException ours = new ProblemException(ProblemType.VALIDATION_FAILED, List.of(
                ProblemException.FieldError.of("applicant.fullName", vn.motcua.platform.error.FieldIssue.REQUIRED),
                ProblemException.FieldError.of("form.deceased.citizenId", vn.motcua.platform.error.FieldIssue.PATTERN),
                ProblemException.FieldError.of("tenant", vn.motcua.platform.error.FieldIssue.NOT_A_TENANT)), 3);
        assertEquals(List.of("ChuHoSo.HoTen", "DuLieuBieuMau.deceased.citizenId", "MaDonVi"),
                PortalDossier.inPortalTerms(ours).fieldErrors().stream().map(ProblemException.FieldError::field).toList());
        PortalDossier good = new PortalDossier("G22.99-0001", "1.000656", "000.00.01.H26",
                new PortalDossier.Applicant("Lê Thị Hoa", null, "0913222333", null), null, null, null);
        good.check();
        assertEquals("dvcqg-G22.99-0001", good.idempotencyKey());
        assertEquals("counter", good.submission("ba-dinh-dien-bien", "online-full").returnChannel());
    }
}
