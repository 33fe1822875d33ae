package vn.motcua.calendar;

import java.util.List;

/** The calendar files cannot be used; start-up stops with every problem listed (file, field, reason). */
public class CalendarDataException extends RuntimeException {

    private final List<String> problems;

    public CalendarDataException(List<String> problems) {
        super("Invalid calendar data (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "):\n  "
                + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
