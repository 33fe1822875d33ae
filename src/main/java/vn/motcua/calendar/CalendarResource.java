package vn.motcua.calendar;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import vn.motcua.identity.Permission;
import vn.motcua.platform.error.FieldIssue;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemException.FieldError;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.tenant.LocalizedText;

/** Public working-calendar questions, for the portal (when is it due?) and for tenant administrators (which days are off?). */
@Path("/api/calendar")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "calendar", description = "Working days, holidays and due times")
public class CalendarResource {

    /** A day that is not worked. */
    public record Off(LocalDate date, DayOfWeek weekday, DayOff.Kind kind, LocalizedText reason) {
        static Off of(DayOff d) {
            return new Off(d.date(), d.date().getDayOfWeek(), d.kind(), d.reason());
        }
    }

    /** A weekend day that is worked. */
    public record Worked(LocalDate date, DayOfWeek weekday, LocalizedText reason) {
    }

    public record Holidays(String tenant, int year, List<Off> nonWorkingDays, List<Worked> workedWeekendDays) {
    }

    /**
     * @param clockStartsAt when the deadline starts counting: the reception itself, or the next working session
     * @param skipped       the days off between the start and the due time, each with its reason
     */
    public record Due(String tenant, OffsetDateTime receivedAt, OffsetDateTime clockStartsAt, BigDecimal workingDays,
            OffsetDateTime dueAt, String cutoff, List<Off> skipped) {
    }

    private static final BigDecimal MAX_DAYS = BigDecimal.valueOf(365);
    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 2199;

    private final CalendarService calendars;

    CalendarResource(CalendarService calendars) {
        this.calendars = calendars;
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "public")
    @GET
    @Path("/due")
    @Operation(summary = "If a dossier is received at 'from' by this tenant, when are 'days' working days up?")
    public Uni<Due> due(@QueryParam("tenant") String tenant,
            @Parameter(description = "Reception time, ISO 8601 (e.g. 2026-03-09T09:00:00+07:00); Vietnam time if no offset; now if absent")
            @QueryParam("from") String from,
            @Parameter(description = "Working days, halves allowed (e.g. 2.5)") @QueryParam("days") String days) {
        List<FieldError> errors = new ArrayList<>();
        if (tenant == null || tenant.isBlank()) {
            errors.add(FieldError.of("tenant", FieldIssue.REQUIRED));
        }
        OffsetDateTime received = parseTime(from, errors);
        BigDecimal count = parseDays(days, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, errors, errors.size());
        }
        return calendars.of(tenant).map(c -> {
            OffsetDateTime start = c.clockStart(received);
            OffsetDateTime dueAt = c.dueAt(start, count);
            return new Due(tenant, received.withOffsetSameInstant(dueAt.getOffset()), start, count, dueAt,
                    c.cutoff() == null ? null : c.cutoff().toString(),
                    c.daysOffBetween(received.withOffsetSameInstant(dueAt.getOffset()).toLocalDate(), dueAt.toLocalDate())
                            .stream().map(Off::of).toList());
        });
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "public")
    @GET
    @Path("/holidays")
    @Operation(summary = "Every non-working day of a year for a tenant, with its reason; and the weekend days worked")
    public Uni<Holidays> holidays(@QueryParam("tenant") String tenant, @QueryParam("year") String year) {
        List<FieldError> errors = new ArrayList<>();
        if (tenant == null || tenant.isBlank()) {
            errors.add(FieldError.of("tenant", FieldIssue.REQUIRED));
        }
        int y = 0;
        if (year == null || year.isBlank()) {
            errors.add(FieldError.of("year", FieldIssue.REQUIRED));
        } else {
            try {
                y = Integer.parseInt(year.strip());
                if (y < MIN_YEAR || y > MAX_YEAR) {
                    errors.add(FieldError.of("year", FieldIssue.OUT_OF_RANGE, MIN_YEAR, MAX_YEAR));
                }
            } catch (NumberFormatException e) {
                errors.add(FieldError.of("year", FieldIssue.NOT_NUMBER));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, errors, errors.size());
        }
        int theYear = y;
        return calendars.of(tenant).map(c -> new Holidays(tenant, theYear,
                c.nonWorkingDays(theYear).stream().map(Off::of).toList(),
                c.workedWeekendDays(theYear).entrySet().stream()
                        .map(e -> new Worked(e.getKey(), e.getKey().getDayOfWeek(), e.getValue())).toList()));
    }

    private static OffsetDateTime parseTime(String from, List<FieldError> errors) {
        if (from == null || from.isBlank()) {
            return OffsetDateTime.now(VietnameseLunarCalendar.VIETNAM);
        }
        OffsetDateTime t;
        try {
            t = OffsetDateTime.parse(from.strip());
        } catch (DateTimeParseException e) {
            try {
                t = LocalDateTime.parse(from.strip()).atOffset(VietnameseLunarCalendar.VIETNAM);
            } catch (DateTimeParseException e2) {
                errors.add(FieldError.of("from", FieldIssue.NOT_TIME));
                return null;
            }
        }
        // The calendar knows the years it has data for; a time far outside them (+999999999-12-31) would overflow.
        if (t.getYear() < MIN_YEAR || t.getYear() > MAX_YEAR) {
            errors.add(FieldError.of("from", FieldIssue.OUT_OF_RANGE, MIN_YEAR, MAX_YEAR));
            return null;
        }
        return t;
    }

    private static BigDecimal parseDays(String days, List<FieldError> errors) {
        if (days == null || days.isBlank()) {
            errors.add(FieldError.of("days", FieldIssue.REQUIRED));
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(days.strip());
            if (d.signum() > 0 && d.compareTo(MAX_DAYS) <= 0 && d.scale() <= 2) {
                return d;
            }
        } catch (NumberFormatException e) {
            // Told below, with what is expected.
        }
        errors.add(FieldError.of("days", FieldIssue.WORKING_DAYS, MAX_DAYS.intValue()));
        return null;
    }
}
