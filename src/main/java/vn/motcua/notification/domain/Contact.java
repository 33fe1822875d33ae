package vn.motcua.notification.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Where a citizen hears about their dossier: the outside channels they chose, in their order of preference, and the
 * language. In-app is not among them: every notice is written there anyway.
 *
 * @param outside the chosen channels other than in-app, in order; empty when in-app was their only choice
 */
public record Contact(String email, String phone, List<Channel> outside, Locale language) {

    /** Vietnamese, the default language of a notice (a constant: parsing the tag costs more than the rest of the choice). */
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    public Contact {
        outside = List.copyOf(outside);
    }

    /**
     * The choice the submission recorded ({@code {"email", "channels", "language"}}), or, without one, SMS to the
     * applicant's phone, in Vietnamese.
     */
    public static Contact of(JsonObject choice, String phone) {
        if (choice == null) {
            return new Contact(null, phone, phone == null ? List.of() : List.of(Channel.SMS), VIETNAMESE);
        }
        List<Channel> outside = new ArrayList<>();
        JsonArray channels = choice.getJsonArray("channels", new JsonArray());
        for (Object o : channels) {
            Channel.parse(String.valueOf(o)).filter(c -> c != Channel.IN_APP && c != Channel.STAFF_EMAIL).ifPresent(outside::add);
        }
        Locale language = "en".equals(choice.getString("language")) ? Locale.ENGLISH : VIETNAMESE;
        return new Contact(choice.getString("email"), phone, outside, language);
    }

    /** The channel to try after {@code current} has used its attempts, if the citizen chose one more. */
    public java.util.Optional<Channel> after(Channel current) {
        int i = outside.indexOf(current);
        return i >= 0 && i + 1 < outside.size() ? java.util.Optional.of(outside.get(i + 1)) : java.util.Optional.empty();
    }
}
