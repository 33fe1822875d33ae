package vn.motcua.tenant;

import java.time.DayOfWeek;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The one-stop desk's opening hours (lịch tiếp nhận và trả kết quả): for each day of the week its sessions, in order.
 * A day that is absent is closed.
 */
public record DeskHours(Map<DayOfWeek, List<DeskSession>> week) {

    public DeskHours {
        // An EnumMap keeps Monday first, in every JVM: the tree's digest depends on a stable order.
        week = week.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(week));
    }

    public List<DeskSession> on(DayOfWeek day) {
        return week.getOrDefault(day, List.of());
    }
}
