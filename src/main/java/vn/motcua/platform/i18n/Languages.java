package vn.motcua.platform.i18n;

import java.util.Locale;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * The two languages of the service and how a request picks one: pages follow the {@code lang} query parameter, then
 * the {@code lang} cookie the switch sets, and default to Vietnamese; the API follows {@code Accept-Language}.
 */
public final class Languages {

    public static final Locale VI = Locale.forLanguageTag("vi");
    public static final Locale EN = Locale.ENGLISH;
    public static final String COOKIE = "lang";

    private static volatile Messages viMessages;
    private static volatile Messages enMessages;

    private Languages() {
    }

    /** The supported locale for a language tag, or {@code null} when it is not one we speak. */
    public static Locale parse(String tag) {
        if (tag == null) {
            return null;
        }
        String t = tag.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("en")) {
            return EN;
        }
        if (t.startsWith("vi")) {
            return VI;
        }
        return null;
    }

    /** For pages: explicit choice first, Vietnamese otherwise. */
    public static Locale forPage(String queryLang, String cookieLang) {
        Locale chosen = parse(queryLang);
        if (chosen == null) {
            chosen = parse(cookieLang);
        }
        return chosen == null ? VI : chosen;
    }

    /** For the API: the first language of {@code Accept-Language} that we speak, Vietnamese otherwise. */
    public static Locale forApi(String acceptLanguage) {
        if (acceptLanguage != null) {
            for (String part : acceptLanguage.split(",")) {
                Locale l = parse(part.split(";")[0]);
                if (l != null) {
                    return l;
                }
            }
        }
        return VI;
    }

    public static Messages messages(Locale locale) {
        if (EN.getLanguage().equals(locale.getLanguage())) {
            Messages m = enMessages;
            if (m == null) {
                m = MessageBundles.get(Messages.class, Localized.Literal.of("en"));
                enMessages = m;
            }
            return m;
        }
        Messages m = viMessages;
        if (m == null) {
            m = MessageBundles.get(Messages.class);
            viMessages = m;
        }
        return m;
    }
}
