package vn.motcua.tenant;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Desk hours as stored in the {@code tenant.desk_hours} column and shown by the API: {@code {"MONDAY": ["07:30-11:30"]}}. */
final class DeskHoursJson {

    private DeskHoursJson() {
    }

    static Map<String, List<String>> view(DeskHours hours) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            List<DeskSession> s = hours.on(d);
            if (!s.isEmpty()) {
                out.put(d.name(), s.stream().map(DeskSession::toString).toList());
            }
        }
        return out;
    }

    static JsonObject toJson(DeskHours hours) {
        JsonObject o = new JsonObject();
        view(hours).forEach((day, sessions) -> o.put(day, new JsonArray(sessions)));
        return o;
    }

    static DeskHours fromJson(JsonObject o) {
        Map<DayOfWeek, List<DeskSession>> week = new EnumMap<>(DayOfWeek.class);
        for (String day : o.fieldNames()) {
            List<DeskSession> sessions = new ArrayList<>();
            for (Object s : o.getJsonArray(day)) {
                String[] parts = s.toString().split("-");
                sessions.add(new DeskSession(LocalTime.parse(parts[0]), LocalTime.parse(parts[1])));
            }
            week.put(DayOfWeek.valueOf(day), sessions);
        }
        return new DeskHours(week);
    }
}
