package vn.motcua.console;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import vn.motcua.calendar.VietnameseLunarCalendar;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.usecase.Drafts;
import vn.motcua.identity.Actor;
import vn.motcua.intake.IntakeFlow;
import vn.motcua.intake.IntakeSite;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.platform.i18n.MessageKeys;
import vn.motcua.platform.web.PageContext;
import vn.motcua.platform.web.Redirects;

/**
 * The first page of taking a dossier in for a person who came in (tiếp nhận trực tiếp), at a one-stop desk
 * ({@link ConsoleCounterPages}) or a post office ({@link PostalTakeInPages}): find the procedure, begin, or go on with a
 * draft begun earlier. The pages after it are the portal's own question pages ({@link IntakeFlow}) at the site's
 * address. Rendering only: the rules are {@link Drafts}'.
 */
@ApplicationScoped
class TakeIn {

    /** Procedures a page lists: enough for a desk, which usually types a word or two first. */
    static final int MAX_RESULTS = 50;
    /** The longest search read: the rest is ignored. */
    static final int MAX_QUERY = 200;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance takein(StartView view);
    }

    /** A procedure one may begin. */
    @TemplateData
    public record ProcedureRow(String code, String name, boolean anywhere) {
    }

    /** A draft begun here by this officer or clerk. */
    @TemplateData
    public record DraftRow(String href, String discard, String line) {
    }

    /** The page; {@code desk}: a one-stop desk's (else a post office's). */
    @TemplateData
    public record StartView(boolean desk, String home, String homeName, String action, String q, List<ProcedureRow> results, boolean more,
            List<DraftRow> drafts, String notice) {
    }

    private final CatalogService catalog;
    private final Drafts drafts;
    private final PageContext page;

    TakeIn(CatalogService catalog, Drafts drafts, PageContext page) {
        this.catalog = catalog;
        this.drafts = drafts;
        this.page = page;
    }

    /**
     * The start page at {@code site}: the procedures {@code offered} there matching {@code q}, and the actor's drafts of
     * this site.
     */
    Uni<Response> start(IntakeSite site, Actor actor, String home, vn.motcua.tenant.LocalizedText homeName, String q, java.util.function.Predicate<Procedure.Version> offered,
            String notice, Response.Status status) {
        Locale locale = page.locale();
        String query = q == null ? "" : q.strip();
        if (query.length() > MAX_QUERY) {
            query = query.substring(0, MAX_QUERY);
        }
        String typed = query;
        return Uni.combine().all().unis(catalog.search(null, null, query, today()), drafts.open(actor)).asTuple().map(both -> {
            List<ProcedureRow> all = both.getItem1().stream().filter(h -> offered.test(h.version()))
                    .map(h -> new ProcedureRow(h.procedure().code(), h.version().name().in(locale), h.version().receivedAnywhere()))
                    .limit(MAX_RESULTS + 1L).toList();
            List<DraftRow> mine = both.getItem2().stream().filter(d -> site.holds(d.data())).map(d -> {
                String applicant = d.data().getJsonObject("applicant", new io.vertx.core.json.JsonObject()).getString("fullName");
                String name = catalog.find(d.procedureCode()).flatMap(p -> p.versionAt(today())).map(v -> v.name().in(locale))
                        .orElse(d.procedureCode());
                return new DraftRow(site.page(d.id(), "check"), site.page(d.id(), "discard"), text(locale, "draft_line", List.of(name,
                        applicant == null || applicant.isBlank() ? text(locale, "draft_no_applicant", List.of()) : applicant,
                        WHEN.format(d.updatedAt().atZoneSameInstant(VietnameseLunarCalendar.VIETNAM)))));
            }).toList();
            StartView view = new StartView(site.seat() == Drafts.Seat.COUNTER, home, homeName.in(locale), site.base(), typed,
                    all.size() > MAX_RESULTS ? all.subList(0, MAX_RESULTS) : all, all.size() > MAX_RESULTS, mine, notice);
            return Response.status(status).entity(Templates.takein(view)).header("Cache-Control", "no-store").build();
        });
    }

    /** A new draft begun, on its first page; a procedure not taken in here is said on the start page. */
    Uni<Response> begin(IntakeSite site, Uni<Drafts.DraftView> started, IntakeFlow flow, java.util.function.Supplier<Uni<Response>> again) {
        return started.map(d -> Redirects.seeOther(flow.first(site, d)))
                .onFailure(e -> e instanceof ProblemException p && p.type() == ProblemType.PROCEDURE_NOT_FOUND).recoverWithUni(e -> {
                    page.refused((ProblemException) e, "q", java.util.Map.of("q", text(page.locale(), "procedure_label", List.of())));
                    return again.get();
                });
    }

    private static String text(Locale locale, String key, List<?> args) {
        return MessageKeys.text(CounterMessages.class, locale, key, args);
    }

    private static LocalDate today() {
        return LocalDate.now(VietnameseLunarCalendar.VIETNAM);
    }
}
