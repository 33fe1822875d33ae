package vn.motcua.nationalportal.domain;

import java.time.OffsetDateTime;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.motcua.dossier.domain.DossierStatus;

/**
 * The bodies of the national portal's sync services (thông điệp đồng bộ), in the shape its integration platform takes
 * them: {@code {service, data: [ … ]}}, to which the client adds the session and the unit code. Pure; the shapes and
 * where they come from are in docs/national-portal.md.
 *
 * <ul>
 * <li>{@code DongBoHoSoMC}: the dossier as it stands (created, or updated with {@code isUpdating: "True"});</li>
 * <li>{@code CapNhatTienDoHoSoMC}: one step of its progress, who did what when;</li>
 * <li>{@code DongBoDanhGiaHoSo}: the applicant's rating (our design: the portal's own service for it is not public).</li>
 * </ul>
 */
public final class PortalMessages {

    /** The dossier's facts the messages carry, read when the message is sent. */
    public record Snapshot(String receiptCode, String portalId, String procedureCode, String procedureName, String channel,
            String returnChannel, String applicantName, String applicantPhone, OffsetDateTime submittedAt, OffsetDateTime dueAt,
            OffsetDateTime resultAt, OffsetDateTime closedAt, String officeCode, String officeName) {
    }

    /** One change of the dossier's history: its status after, when, by whom, what was done and why. */
    public record Change(DossierStatus status, String action, OffsetDateTime at, String by, String what, String reason) {
    }

    private PortalMessages() {
    }

    /** {@code DongBoHoSoMC}: the dossier, with the status of {@code change}; a new one on the portal only at submission. */
    public static JsonObject dossier(Snapshot s, Change change) {
        JsonObject d = new JsonObject()
                .put("MaHoSo", s.receiptCode())
                .put("MaTTHC", s.procedureCode())
                .put("TenTTHC", s.procedureName())
                .put("ChuHoSo", s.applicantName())
                .put("LoaiDoiTuong", "1")
                .put("SoDienThoai", s.applicantPhone() == null ? "" : s.applicantPhone())
                .put("KenhThucHien", PortalCodes.channel(s.channel()))
                .put("NgayTiepNhan", PortalCodes.time(s.submittedAt()))
                .put("NgayHenTra", PortalCodes.time(s.dueAt()))
                .put("TrangThaiHoSo", PortalCodes.status(change.status()))
                .put("NgayCoKetQua", PortalCodes.time(s.resultAt()))
                .put("NgayTra", PortalCodes.time(change.status() == DossierStatus.RETURNED ? s.closedAt() : null))
                .put("HinhThuc", PortalCodes.returnMode(s.returnChannel()))
                .put("MaDonViXuLy", s.officeCode())
                .put("DonViXuLy", s.officeName());
        if (s.portalId() != null) {
            d.put("MaHoSoQG", s.portalId());
        }
        return new JsonObject().put("service", "DongBoHoSoMC").put("isUpdating", "submit".equals(change.action()) ? "False" : "True")
                .put("data", new JsonArray().add(d));
    }

    /** {@code CapNhatTienDoHoSoMC}: the step {@code change} records. */
    public static JsonObject progress(Snapshot s, Change change) {
        String what = change.reason() == null || change.reason().isBlank() ? change.what() : change.what() + ": " + change.reason();
        JsonObject p = new JsonObject()
                .put("MaHoSo", s.receiptCode())
                .put("NguoiXuLy", change.by() == null ? "" : change.by())
                .put("ChucDanh", "")
                .put("ThoiDiemXuLy", PortalCodes.time(change.at()))
                .put("PhongBanXuLy", s.officeName())
                .put("NoiDungXuLy", what)
                .put("TrangThai", PortalCodes.status(change.status()))
                .put("NgayBatDau", PortalCodes.time(s.submittedAt()))
                .put("NgayKetThucTheoQuyDinh", PortalCodes.time(s.dueAt()));
        return new JsonObject().put("service", "CapNhatTienDoHoSoMC").put("data", new JsonArray().add(p));
    }

    /** {@code DongBoDanhGiaHoSo}: the applicant's rating, 1 to 5, and comment. */
    public static JsonObject rating(Snapshot s, int score, String comment, OffsetDateTime at) {
        JsonObject r = new JsonObject()
                .put("MaHoSo", s.receiptCode())
                .put("MaTTHC", s.procedureCode())
                .put("DiemDanhGia", score)
                .put("NoiDungDanhGia", comment == null ? "" : comment)
                .put("NgayDanhGia", PortalCodes.time(at));
        if (s.portalId() != null) {
            r.put("MaHoSoQG", s.portalId());
        }
        return new JsonObject().put("service", "DongBoDanhGiaHoSo").put("data", new JsonArray().add(r));
    }

    /** Whether the portal's answer says it took the message: {@code error_code} 0 or "00". */
    public static boolean accepted(JsonObject answer) {
        if (answer == null) {
            return false;
        }
        Object code = answer.getValue("error_code");
        return code != null && code.toString().strip().matches("0+");
    }
}
