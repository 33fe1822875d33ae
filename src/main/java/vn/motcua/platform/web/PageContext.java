package vn.motcua.platform.web;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemTexts;
import vn.motcua.platform.i18n.Languages;
import vn.motcua.platform.i18n.Messages;

/**
 * What every page of this request shares (ngữ cảnh trang): the language, the signed-in person, the form's
 * anti-forgery token and, after a refused form, its errors. One per request, worked out once: templates read it as
 * {@code {inject:page.…}}, page methods inject it, and the template engine sets each template's locale from it
 * ({@link PageTemplates}), so no page method builds any of this.
 *
 * <p>The person is filled in by {@link PageFilters} before the page method runs (the identity may need the session
 * cookie verified, which is asynchronous); the language is read from the request when first asked.
 */
@RequestScoped
@Named("page")
public class PageContext {

    private final CurrentVertxRequest current;
    private final CsrfGuard csrf;

    private Locale locale;
    private SecurityIdentity identity;
    private PageUser user;
    private String token;
    private List<ProblemException.FieldError> errors = List.of();

    PageContext(CurrentVertxRequest current, CsrfGuard csrf) {
        this.current = current;
        this.csrf = csrf;
    }

    /** Called once per page request, by {@link PageFilters}, with the request's identity. */
    void signedIn(SecurityIdentity identity, PageUser user) {
        this.identity = identity;
        this.user = user;
    }

    /** The page language: the {@code lang} parameter, then the cookie the switch sets, else Vietnamese. */
    public Locale locale() {
        if (locale == null) {
            HttpServerRequest request = current.getCurrent() == null ? null : current.getCurrent().request();
            String query = request == null ? null : request.getParam("lang");
            Cookie cookie = request == null ? null : request.getCookie(Languages.COOKIE);
            locale = Languages.forPage(query, cookie == null ? null : cookie.getValue());
        }
        return locale;
    }

    /** The language tag for {@code <html lang>}. */
    public String lang() {
        return locale().getLanguage();
    }

    /** The platform's words in the page language. */
    public Messages messages() {
        return Languages.messages(locale());
    }

    /** A feature's own words (its message bundle) in the page language. */
    public <T> T messages(Class<T> bundle) {
        return Languages.bundle(bundle, locale());
    }

    /** The signed-in person, or {@code null}. */
    public PageUser user() {
        return user;
    }

    /** The identity behind the page, or {@code null} when {@link PageFilters} did not run (an unmatched route). */
    public SecurityIdentity identity() {
        return identity;
    }

    /** This session's anti-forgery token, for the hidden field of every form; {@code null} when not signed in. */
    public String csrf() {
        if (token == null && identity != null && !identity.isAnonymous()) {
            token = csrf.token(identity);
        }
        return token;
    }

    /** The name of the hidden field that carries {@link #csrf()}. */
    public String csrfField() {
        return CsrfGuard.FIELD;
    }

    /**
     * The page shows a form refused for these errors: the layout prefixes the title with "Lỗi: " and puts the error
     * summary, each error linked to its field, at the top. The messages are put in the page language here.
     */
    public void refused(ProblemException problem) {
        this.errors = problem.localized(locale()).fieldErrors();
    }

    /**
     * The same, for a refusal that is about one field without naming it (e.g. "this username is taken"): its detail
     * becomes that field's error.
     */
    public void refused(ProblemException problem, String field) {
        refused(problem, field, java.util.Map.of());
    }

    /**
     * The same, for a form whose fields the page names otherwise than the use case does (an action's
     * {@code refuse-reason} for the use case's {@code reason}, a manifest's {@code m1234-note}): each field error under
     * the name {@code onPage} gives it; a refusal naming no field becomes {@code field}'s error.
     */
    public void refusedAs(ProblemException problem, java.util.function.UnaryOperator<String> onPage, String field) {
        if (problem.fieldErrors().isEmpty()) {
            refused(problem, field);
            return;
        }
        this.errors = problem.localized(locale()).fieldErrors().stream()
                .map(f -> new ProblemException.FieldError(onPage.apply(f.field()), f.message(), null, List.of())).toList();
    }

    /**
     * The same, each error named by its field's label ({@code labels}, field → the label the form shows), so that
     * the summary at the top says which field is wrong ("Tên: Mục này bắt buộc."), as GOV.UK's does.
     */
    public void refused(ProblemException problem, String field, java.util.Map<String, String> labels) {
        if (!problem.fieldErrors().isEmpty()) {
            refused(problem);
            this.errors = errors.stream().map(e -> labels.containsKey(e.field())
                    ? new ProblemException.FieldError(e.field(), labels.get(e.field()) + ": " + e.message(), e.issue(), e.args())
                    : e).toList();
            return;
        }
        ProblemException p = problem.localized(locale());
        this.errors = List.of(new ProblemException.FieldError(field, ProblemTexts.detail(p.type(), locale(), p.args()), null,
                List.of()));
    }

    /** The errors of a refused form, in the page language; empty otherwise. */
    public List<ProblemException.FieldError> errors() {
        return errors;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The error of one field, or {@code null}: what a form shows beside that field. */
    public String errorOf(String field) {
        for (ProblemException.FieldError e : errors) {
            if (e.field().equals(field)) {
                return e.message();
            }
        }
        return null;
    }
}
