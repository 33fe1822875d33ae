package vn.motcua.dossier.usecase;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The seven printed forms of the one-stop desk (biểu mẫu), Appendix I of Circular 03/2025/TT-VPCP, which replaced the
 * six of Circular 01/2018/TT-VPCP: each with its number in the appendix, the slug of its address
 * ({@code …/forms/<slug>.pdf}), the start of its file's name, and what its print is logged as when staff print it.
 * The tracking book ({@link #TRACKING_BOOK}) is a desk's, for a period; the six others are a dossier's.
 */
public enum OfficialForm {
    /** Mẫu số 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
    RECEIPT(1, "receipt", "giay-tiep-nhan", "dossier.receipt-slip"),
    /** Mẫu số 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
    SUPPLEMENT_REQUEST(2, "supplement-request", "phieu-yeu-cau-bo-sung", "dossier.form.supplement-request"),
    /** Mẫu số 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ. */
    REFUSAL(3, "refusal", "phieu-tu-choi", "dossier.form.refusal"),
    /** Mẫu số 04: Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết. */
    APOLOGY(4, "apology", "van-ban-xin-loi", "dossier.form.apology"),
    /** Mẫu số 05: Thông báo dừng giải quyết hồ sơ. */
    STOP_NOTICE(5, "stop-notice", "thong-bao-dung", "dossier.form.stop-notice"),
    /** Mẫu số 06: Phiếu kiểm soát quá trình giải quyết hồ sơ. */
    CONTROL_SLIP(6, "control-slip", "phieu-kiem-soat", "dossier.form.control-slip"),
    /** Mẫu số 07: Sổ theo dõi hồ sơ. */
    TRACKING_BOOK(7, "tracking-book", "so-theo-doi", "tracking-book.print");

    private final int number;
    private final String slug;
    private final String filePrefix;
    private final String auditAction;

    OfficialForm(int number, String slug, String filePrefix, String auditAction) {
        this.number = number;
        this.slug = slug;
        this.filePrefix = filePrefix;
        this.auditAction = auditAction;
    }

    /** Its number in the appendix (mẫu số). */
    public int number() {
        return number;
    }

    public String slug() {
        return slug;
    }

    /** What a staff member's print of it is logged as. */
    public String auditAction() {
        return auditAction;
    }

    /** The file's name for {@code key} (a receipt code, or a desk and period): ASCII letters, digits, dots and hyphens. */
    public String fileName(String key) {
        return filePrefix + "-" + key.replaceAll("[^A-Za-z0-9.-]", "_") + ".pdf";
    }

    /** The forms printed for one dossier: every one but the book. */
    public static List<OfficialForm> ofDossier() {
        return Arrays.stream(values()).filter(f -> f != TRACKING_BOOK).toList();
    }

    /** The dossier's form of this slug; empty for any other slug, the book's included. */
    public static Optional<OfficialForm> ofDossier(String slug) {
        return ofDossier().stream().filter(f -> f.slug.equals(slug)).findFirst();
    }
}
