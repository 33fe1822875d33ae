package vn.motcua.notification;

import java.lang.reflect.Method;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import vn.motcua.calendar.VietnameseLunarCalendar;
import vn.motcua.notification.domain.NoticeKind;
import vn.motcua.notification.domain.SmsText;
import vn.motcua.platform.i18n.MessageKeys;

/**
 * Writes a notice (soạn thông báo) from its kind and facts, in the citizen's language, for every channel at once. The
 * words are the notice bundle's ({@link NoticeMessages}); the e-mail's HTML is a typed template that escapes them.
 */
@ApplicationScoped
public class NoticeTexts {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    /** The other destinations of the outbox, whose rows they name themselves. */
    private final Instance<OutboxDestination> destinations;

    NoticeTexts(Instance<OutboxDestination> destinations) {
        this.destinations = destinations;
    }

    /**
     * What a notice says.
     *
     * @param name      whom it is for (the applicant, or for an alert the officer holding the step)
     * @param date      the due time or the new appointment, or null
     * @param reason    the office's words (why refused, what to supplement, why late), or null
     */
    public record Facts(String name, String code, String procedure, String office, OffsetDateTime date, String reason, String link) {
    }

    @CheckedTemplate(basePath = "notification")
    static class Templates {
        static native TemplateInstance email(String lang, String subject, String greeting, String body, String follow, String signature);
    }

    public Rendered render(NoticeKind kind, Locale locale, Facts f) {
        String date = f.date() == null ? "" : DATE.format(f.date().atZoneSameInstant(VietnameseLunarCalendar.VIETNAM));
        Map<String, String> named = new LinkedHashMap<>();
        named.put("name", f.name());
        named.put("code", f.code());
        named.put("procedure", f.procedure());
        named.put("office", f.office());
        named.put("date", date);
        named.put("reason", f.reason() == null ? "" : f.reason());
        named.put("link", f.link());
        String subject = text(locale, kind.key() + "_subject", named);
        String body = text(locale, kind.key() + "_body", named);
        String greeting = text(locale, "greeting", named);
        String follow = text(locale, "follow", named);
        String signature = text(locale, "signature", named);
        String sms = SmsText.of(text(locale, kind.key() + "_sms", named));
        String plain = String.join("\n\n", greeting, body, follow, signature);
        String html = Templates.email(locale.getLanguage(), subject, greeting, body, follow, signature).render();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("customer_name", f.name());
        values.put("receipt_code", f.code());
        values.put("procedure", f.procedure());
        values.put("office", f.office());
        values.put("date", date);
        return new Rendered(subject, plain, html, sms, values);
    }

    /**
     * A notice's one line (its subject) in {@code locale}: the portal's list, the console's dead letters; another
     * destination's row (the national portal's) as that destination names it.
     */
    public String subject(String kind, Locale locale, String code) {
        return NoticeKind.parse(kind).map(k -> text(locale, k.key() + "_subject", java.util.Map.of("code", code == null ? "" : code)))
                .or(() -> destinations.stream().map(d -> d.subject(kind, locale, code == null ? "" : code))
                        .flatMap(java.util.Optional::stream).findFirst())
                .orElse(kind);
    }

    /** The message {@code key}, given the facts its method names (each text says only what it needs). */
    private static String text(Locale locale, String key, Map<String, String> named) {
        Method method = METHODS.get(key);
        List<String> args = Arrays.stream(method.getParameters()).map(p -> named.get(p.getName())).toList();
        return MessageKeys.text(NoticeMessages.class, locale, key, args);
    }

    private static final Map<String, Method> METHODS = Arrays.stream(NoticeMessages.class.getDeclaredMethods())
            .collect(java.util.stream.Collectors.toMap(Method::getName, m -> m));
}
