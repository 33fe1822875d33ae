package vn.motcua.calendar;

import java.util.List;

import vn.motcua.platform.data.DataFileException;

/** The calendar files cannot be used; start-up stops with every problem listed (file, field, reason). */
public class CalendarDataException extends DataFileException {

    public CalendarDataException(List<String> problems) {
        super("calendar data", problems);
    }
}
