package vn.motcua.tenant;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;

/**
 * The one-stop desk's opening hours (lịch tiếp nhận và trả kết quả): for each day of the week its sessions, in order.
 * A day that is absent is closed.
 */
public record DeskHours(Map<DayOfWeek, List<DeskSession>> week) {

    public DeskHours {
        week = Map.copyOf(week);
    }

    public List<DeskSession> on(DayOfWeek day) {
        return week.getOrDefault(day, List.of());
    }
}
