package vn.motcua.calendar;

import java.time.LocalDate;

import vn.motcua.tenant.LocalizedText;

/**
 * A day of a tenant's calendar set by its administrators in the console (ngày nghỉ, ngày làm việc của đơn vị), over
 * the national calendar and the calendar files.
 *
 * @param paired for a swapped day, the other day of the swap; {@code null} otherwise
 */
public record CalendarDay(LocalDate date, Kind kind, LocalDate paired, LocalizedText reason) {

    public enum Kind {
        /** A local closure (e.g. a flood, an election): a working day that is not worked. */
        CLOSED("closed"),
        /** An extra working day: a day off (a weekend day) that is worked, with the weekdays' sessions. */
        WORKING("working"),
        /** The working day given off in a swap. */
        SWAPPED_OFF("swapped-off"),
        /** The day off worked instead in a swap. */
        SWAPPED_ON("swapped-on");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        public static Kind of(String wire) {
            for (Kind k : values()) {
                if (k.wire.equals(wire)) {
                    return k;
                }
            }
            return null;
        }

        /** Whether the day is worked once this entry applies. */
        public boolean worked() {
            return this == WORKING || this == SWAPPED_ON;
        }
    }
}
