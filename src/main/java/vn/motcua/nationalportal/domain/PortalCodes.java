package vn.motcua.nationalportal.domain;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import vn.motcua.calendar.VietnameseLunarCalendar;
import vn.motcua.dossier.domain.DossierStatus;

/**
 * Our words in the national portal's codes (mã của Cổng DVCQG): the dossier's status ({@code TrangThaiHoSo}), the
 * channel it came through ({@code KenhThucHien}), how its result goes back ({@code HinhThuc}) and the portal's time
 * format. The table is in docs/national-portal.md; pure.
 */
public final class PortalCodes {

    /** {@code yyyyMMddHHmmss} in Vietnam's time, as the portal's integration documents write every date. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private PortalCodes() {
    }

    /**
     * The portal's status code: 1 new (mới đăng ký), 2 received (được tiếp nhận), 3 not received (không được tiếp
     * nhận), 4 in progress (đang xử lý), 5 supplement requested (yêu cầu bổ sung), 9 processed (đã xử lý xong),
     * 10 result returned (đã trả kết quả). A decision, approving or rejecting, is "processed": the result (a licence or
     * a refusal letter) is ready to go back.
     */
    public static String status(DossierStatus s) {
        return switch (s) {
            case SUBMITTED -> "1";
            case RECEIVED -> "2";
            case REFUSED -> "3";
            case IN_PROGRESS, FORWARDED, AWAITING_APPROVAL -> "4";
            case SUPPLEMENT_REQUESTED -> "5";
            case APPROVED, REJECTED, RESULT_READY -> "9";
            case RETURNED -> "10";
        };
    }

    /** The portal's channel code: 1 at the desk (trực tiếp), 2 online (trực tuyến), 3 by post (bưu chính công ích). */
    public static String channel(String wire) {
        return switch (wire == null ? "" : wire) {
            case "counter" -> "1";
            case "postal" -> "3";
            default -> "2";
        };
    }

    /** How the result goes back: 0 at the desk or online, 1 by post. */
    public static String returnMode(String returnChannel) {
        return "post".equals(returnChannel) ? "1" : "0";
    }

    /** A time in the portal's format; empty for none. */
    public static String time(OffsetDateTime t) {
        return t == null ? "" : TIME.format(t.atZoneSameInstant(VietnameseLunarCalendar.VIETNAM));
    }
}
