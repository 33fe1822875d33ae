package vn.motcua.calendar;

import java.util.List;

import vn.motcua.platform.data.DataFileException;
import vn.motcua.platform.data.DataProblem;

/** The calendar files cannot be used; start-up stops with every problem listed ({@code file:line field: reason}). */
public class CalendarDataException extends DataFileException {

    public CalendarDataException(List<DataProblem> problems) {
        super("calendar data", problems);
    }
}
