package vn.motcua.platform.error;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.resteasy.reactive.server.runtime.exceptionmappers.UnauthorizedExceptionMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import vn.motcua.platform.i18n.Languages;
import vn.motcua.platform.web.PageContext;
import vn.motcua.platform.web.SignInServer;

/**
 * The one exception mapper: every error leaves as an RFC 9457 problem ({@code application/problem+json}) on the
 * API and as a plain-language page elsewhere, with a stable {@code type} and never a class name or stack trace.
 * Unexpected errors are logged with an incident id that the response shows, so support can find the log line.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    private static final UnauthorizedExceptionMapper SIGN_IN_CHALLENGE = new UnauthorizedExceptionMapper();

    /** Seconds a visitor is asked to wait when the sign-in server is down. */
    static final String SIGN_IN_RETRY_AFTER = "30";

    private final PageContext page;
    private final SignInServer signIn;

    ProblemMapper(PageContext page, SignInServer signIn) {
        this.page = page;
        this.signIn = signIn;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, HttpHeaders headers) {
        return respond(e, uri, headers);
    }

    /**
     * Not signed in: the API answers a 401 problem; a page starts the sign-in instead (the OIDC code flow's
     * redirect to Keycloak), through Quarkus's own challenge. While Keycloak does not answer, the page says sign-in
     * is unavailable for now (503, {@code sign-in-unavailable}) rather than sending the browser to a dead address.
     */
    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class, NotAuthorizedException.class })
    public Uni<Response> unauthorized(Exception e, UriInfo uri, HttpHeaders headers, RoutingContext context) {
        if (!isApi(uri.getPath())) {
            return signIn.available().chain(up -> up
                    ? SIGN_IN_CHALLENGE.handle(context).onFailure().recoverWithItem(f -> {
                        // The realm's discovery failed between the check and the challenge: the same page.
                        LOG.warnf("Sign-in could not start on %s: %s", uri.getPath(), f.toString());
                        return signInUnavailable(uri, headers);
                    })
                    : Uni.createFrom().item(signInUnavailable(uri, headers)));
        }
        Response r = respond(Problems.notSignedIn(), uri, headers);
        return Uni.createFrom().item(Response.fromResponse(r).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
    }

    private Response signInUnavailable(UriInfo uri, HttpHeaders headers) {
        return Response.fromResponse(respond(new ProblemException(ProblemType.SIGN_IN_UNAVAILABLE), uri, headers))
                .header("Retry-After", SIGN_IN_RETRY_AFTER).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return respond(Problems.forbidden(), uri, headers);
    }

    /** JSON that does not parse; or that parses, with a value of the wrong type in a field: that field's error. */
    @ServerExceptionMapper({ JsonProcessingException.class, MismatchedInputException.class })
    public Response unreadable(Exception e, UriInfo uri, HttpHeaders headers) {
        return respond(JsonFieldErrors.of(e).orElseGet(() -> new ProblemException(ProblemType.BAD_REQUEST, "JSON")), uri, headers);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        ProblemException p = switch (e) {
            case NotFoundException n -> new ProblemException(ProblemType.NOT_FOUND);
            case NotAllowedException n -> new ProblemException(ProblemType.METHOD_NOT_ALLOWED, String.join(", ", n.getResponse().getAllowedMethods()));
            case NotAcceptableException n -> new ProblemException(ProblemType.NOT_ACCEPTABLE);
            case NotSupportedException n -> new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE);
            default -> switch (e.getResponse().getStatus()) {
                // Quarkus REST wraps some JSON errors (a number too large for its field) in a plain 400.
                case 400 -> JsonFieldErrors.of(e.getCause()).orElseGet(() -> new ProblemException(ProblemType.BAD_REQUEST, ""));
                case 401 -> Problems.notSignedIn();
                case 403 -> Problems.forbidden();
                case 404 -> new ProblemException(ProblemType.NOT_FOUND);
                case 503 -> new ProblemException(ProblemType.UNAVAILABLE);
                default -> null;
            };
        };
        return p == null ? unexpected(e, uri, headers) : respond(p, uri, headers);
    }

    /**
     * PostgreSQL refused a row the transaction's scope does not cover (SQLSTATE 42501, row-level security): the
     * second wall held where the first should have. A refusal, logged loudly, never a 500.
     */
    @ServerExceptionMapper
    public Response database(io.vertx.pgclient.PgException e, UriInfo uri, HttpHeaders headers) {
        if ("42501".equals(e.getSqlState())) {
            LOG.warnf("Row-level security refused a write on %s: %s", uri.getPath(), e.getErrorMessage());
            return respond(Problems.forbidden(), uri, headers);
        }
        return unexpected(e, uri, headers);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        ProblemException refused = clientsFault(e);
        if (refused != null) {
            return respond(refused, uri, headers);
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "Incident %s on %s", incident, uri.getPath());
        return respond(new ProblemException(ProblemType.INTERNAL, incident), uri, headers);
    }

    /**
     * Failures that are the client's input however deep they surface: text PostgreSQL cannot store (a NUL, U+0000),
     * wrapped by Hibernate or not; a form with more parts than Quarkus REST reads (its limit is 1,000). A 400, not an
     * incident.
     */
    static ProblemException clientsFault(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = t instanceof io.vertx.pgclient.PgException pg ? pg.getSqlState()
                    : t instanceof java.sql.SQLException sql ? sql.getSQLState() : null;
            if ("22021".equals(state) || "22P05".equals(state)) {
                return new ProblemException(ProblemType.BAD_REQUEST, "U+0000");
            }
            StackTraceElement[] at = t.getStackTrace();
            if (at.length > 0 && at[0].getClassName().equals("org.jboss.resteasy.reactive.server.core.multipart.FormData")) {
                return new ProblemException(ProblemType.BAD_REQUEST, "multipart");
            }
        }
        return null;
    }

    private Response respond(ProblemException problem, UriInfo uri, HttpHeaders headers) {
        ProblemType type = problem.type();
        String path = uri.getPath();
        if (wantsPage(path, headers)) {
            Locale locale = page.locale();
            ProblemException e = problem.localized(locale);
            String html = ErrorPages.error(ProblemTexts.title(type, locale), ProblemTexts.detail(type, locale, e.args()), type,
                    e.fieldErrors())
                    .render();
            return Response.status(type.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
        }
        Locale locale = Languages.forApi(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        ProblemException e = problem.localized(locale);
        ProblemDocument doc = new ProblemDocument(type.uri(), ProblemTexts.title(type, locale), type.status(),
                ProblemTexts.detail(type, locale, e.args()), path, e.extensions().isEmpty() ? Map.of() : e.extensions());
        Response.ResponseBuilder out = Response.status(type.status()).type(ProblemDocument.MEDIA_TYPE).entity(doc);
        if (e.extensions().get("retryAfter") != null) {
            out.header("Retry-After", e.extensions().get("retryAfter"));
        }
        return out.build();
    }

    static boolean isApi(String path) {
        return path.startsWith("/api/") || path.equals("/api");
    }

    /** Pages for people (anything outside /api that a browser asks for as HTML); problem+json for programs. */
    static boolean wantsPage(String path, HttpHeaders headers) {
        if (isApi(path)) {
            return false;
        }
        return headers.getAcceptableMediaTypes().stream().anyMatch(t -> t.isCompatible(MediaType.TEXT_HTML_TYPE) && !t.isWildcardType());
    }
}
