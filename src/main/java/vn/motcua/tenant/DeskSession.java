package vn.motcua.tenant;

import java.time.LocalTime;

/** One working session of the one-stop desk (buổi làm việc), e.g. 07:30–11:30. */
public record DeskSession(LocalTime from, LocalTime to) {

    @Override
    public String toString() {
        return from + "-" + to;
    }
}
