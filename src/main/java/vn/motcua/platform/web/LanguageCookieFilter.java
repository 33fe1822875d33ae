package vn.motcua.platform.web;

import java.util.Locale;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.NewCookie;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import vn.motcua.platform.i18n.Languages;

/** Remembers the language chosen with the switch ({@code ?lang=en}) for the following pages, for a year. */
public class LanguageCookieFilter {

    @ServerResponseFilter
    public void remember(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getUriInfo().getPath().startsWith("/api/")) {
            return; // before the query is parsed: this filter runs on every response, the API's hot reads included
        }
        Locale chosen = Languages.parse(request.getUriInfo().getQueryParameters().getFirst("lang"));
        if (chosen != null) {
            response.getHeaders().add("Set-Cookie", new NewCookie.Builder(Languages.COOKIE).value(chosen.getLanguage())
                    .path("/").maxAge(365 * 24 * 3600).sameSite(NewCookie.SameSite.LAX).httpOnly(true).build());
        }
    }
}
