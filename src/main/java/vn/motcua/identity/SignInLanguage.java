package vn.motcua.identity;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.OidcRedirectFilter;
import io.quarkus.oidc.Redirect;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import vn.motcua.platform.i18n.Languages;

/**
 * Keycloak's sign-in page speaks the language of the page the visitor came from: Vietnamese unless they switched to
 * English, whatever their browser's own language (many shared and commune PCs are set to English).
 */
@ApplicationScoped
@Unremovable
@Redirect(Redirect.Location.OIDC_AUTHORIZATION)
public class SignInLanguage implements OidcRedirectFilter {

    @Override
    public void filter(OidcRedirectContext context) {
        RoutingContext rc = context.routingContext();
        Cookie cookie = rc.request().getCookie(Languages.COOKIE);
        Locale locale = Languages.forPage(rc.request().getParam("lang"), cookie == null ? null : cookie.getValue());
        context.additionalQueryParams().set("ui_locales", locale.getLanguage());
    }
}
