package vn.motcua.calendar;

import java.time.LocalDate;

import vn.motcua.tenant.LocalizedText;

/** A day that is not a working day, and why. */
public record DayOff(LocalDate date, Kind kind, LocalizedText reason) {

    public enum Kind {
        /** Weekly rest (nghỉ hằng tuần). */
        WEEKEND,
        /** A public holiday fixed by the Labour Code, solar or lunar (nghỉ lễ, Tết). */
        PUBLIC_HOLIDAY,
        /** A holiday fell on a weekly rest day and is taken the next working day (nghỉ bù). */
        COMPENSATORY,
        /** A day off decided for the year, usually swapped with a worked weekend day (hoán đổi ngày làm việc). */
        DECIDED,
        /** A closure of this tenant only (e.g. a flood, an election). */
        LOCAL_CLOSURE
    }
}
