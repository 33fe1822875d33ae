package vn.motcua.platform.web;

import java.util.Locale;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

import vn.motcua.platform.i18n.Languages;

/**
 * What the layout needs on every page: the language, and who is signed in (if anyone) with where their sign-out goes.
 *
 * @param user the signed-in person's display name, or {@code null}
 */
public record Page(Locale locale, String lang, String user, String userHref, String signOutHref) {

    public static Page anonymous(Locale locale) {
        return new Page(locale, locale.getLanguage(), null, null, null);
    }

    public static Page citizen(Locale locale, String name) {
        return new Page(locale, locale.getLanguage(), name, "/me", "/logout");
    }

    public static Page staff(Locale locale, String name) {
        return new Page(locale, locale.getLanguage(), name, "/console", "/console/logout");
    }

    /** The page language from the {@code lang} parameter, then the cookie, else Vietnamese. */
    public static Locale locale(UriInfo uri, HttpHeaders headers) {
        var cookie = headers.getCookies().get(Languages.COOKIE);
        return Languages.forPage(uri.getQueryParameters().getFirst("lang"), cookie == null ? null : cookie.getValue());
    }
}
