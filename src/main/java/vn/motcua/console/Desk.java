package vn.motcua.console;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import vn.motcua.calendar.VietnameseLunarCalendar;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.domain.DossierStatus;
import vn.motcua.platform.i18n.MessageKeys;

/**
 * How the desk's pages write what they show (cách bàn làm việc hiển thị): times in Vietnam's zone, working time left
 * or overdue, states and steps in the officers' words ({@link DeskMessages}, {@link DeskDossierMessages},
 * {@link DeskActionMessages}). Rendering only.
 */
final class Desk {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** The working minutes of a working day (8 hours), as the time left is written in days and hours. */
    static final long MINUTES_PER_DAY = 8 * 60;

    private Desk() {
    }

    /**
     * The desk's words, in three bundles by page: the queue's and the shared ones, a dossier's page, the actions. The
     * pages read keyed families ({@code state_<status>}, {@code action_<action>}, …) without knowing which bundle holds
     * them; no key is in two of them ({@code ConsoleWordsTest}).
     */
    static final List<Class<?>> BUNDLES = List.of(DeskMessages.class, DeskDossierMessages.class, DeskActionMessages.class);

    static String text(Locale locale, String key) {
        return MessageKeys.text(bundleOf(key), locale, key);
    }

    static String text(Locale locale, String key, List<?> args) {
        return MessageKeys.text(bundleOf(key), locale, key, args);
    }

    /** Whether one of the desk's bundles has a message keyed {@code key}. */
    static boolean has(String key) {
        return BUNDLES.stream().anyMatch(b -> MessageKeys.has(b, key));
    }

    /** The desk's bundle that holds {@code key}; when none does, the first, which refuses the key by name. */
    private static Class<?> bundleOf(String key) {
        for (Class<?> bundle : BUNDLES) {
            if (MessageKeys.has(bundle, key)) {
                return bundle;
            }
        }
        return BUNDLES.get(0);
    }

    /** A state as the desk says it: short ("Chờ tiếp nhận"), unlike the applicant's sentence. */
    static String status(DossierStatus s, Locale locale) {
        return text(locale, "state_" + s.name().toLowerCase(Locale.ROOT));
    }

    static String at(OffsetDateTime t) {
        return t == null ? null : WHEN.format(t.atZoneSameInstant(VietnameseLunarCalendar.VIETNAM));
    }

    static String time(OffsetDateTime t) {
        return CLOCK.format(t.atZoneSameInstant(VietnameseLunarCalendar.VIETNAM));
    }

    /** "còn 2 ngày 3 giờ", "quá hạn 5 giờ 20 phút", "tạm dừng (còn 1 ngày)": in working time, as the law counts it. */
    static String left(long minutes, boolean stopped, Locale locale) {
        String amount = amount(Math.abs(minutes), locale);
        if (stopped) {
            return text(locale, "left_stopped", List.of(amount));
        }
        return text(locale, minutes < 0 ? "left_late" : "left_on_time", List.of(amount));
    }

    /** An amount of working time: days and hours, or hours and minutes under a day. */
    static String amount(long minutes, Locale locale) {
        if (minutes >= MINUTES_PER_DAY) {
            return text(locale, "amount_days", List.of(minutes / MINUTES_PER_DAY, (minutes % MINUTES_PER_DAY) / 60));
        }
        return text(locale, "amount_hours", List.of(minutes / 60, minutes % 60));
    }

    /** The procedure's name in the version the dossier follows (its code when the catalog no longer has it). */
    static String procedureName(CatalogService catalog, String code, LocalDate version, Locale locale) {
        return catalog.find(code).flatMap(p -> p.versionAt(version)).map(v -> v.name().in(locale)).orElse(code);
    }

    static String stepName(CatalogService catalog, String code, LocalDate version, String step, Locale locale) {
        return catalog.find(code).flatMap(p -> p.versionAt(version))
                .flatMap(v -> v.steps().stream().filter(s -> s.code().equals(step)).map(Procedure.Step::name).findFirst())
                .map(n -> n.in(locale)).orElse(step);
    }

    /** Family name then given name, as Vietnamese names are written; the username when the directory has neither. */
    static String fullName(String lastName, String firstName, String username) {
        String name = ((lastName == null ? "" : lastName.strip()) + " " + (firstName == null ? "" : firstName.strip())).strip();
        return name.isEmpty() ? username : name;
    }
}
