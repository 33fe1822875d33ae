package vn.motcua.platform.i18n;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    private static final Map<String, Object> BUNDLES = new ConcurrentHashMap<>();

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

    /** The platform's words in {@code locale}. */
    public static Messages messages(Locale locale) {
        return bundle(Messages.class, locale);
    }

    /** A bundle's words (the platform's or a feature's) in {@code locale}: English, or else Vietnamese, the default. */
    @SuppressWarnings("unchecked")
    public static <T> T bundle(Class<T> type, Locale locale) {
        boolean en = EN.getLanguage().equals(locale.getLanguage());
        return (T) BUNDLES.computeIfAbsent(type.getName() + (en ? "/en" : "/vi"),
                k -> en ? MessageBundles.get(type, Localized.Literal.of(EN.getLanguage())) : MessageBundles.get(type));
    }
}
