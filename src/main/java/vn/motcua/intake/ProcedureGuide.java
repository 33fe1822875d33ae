package vn.motcua.intake;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import vn.motcua.calendar.CalendarService;
import vn.motcua.calendar.VietnameseLunarCalendar;
import vn.motcua.catalog.CatalogGuide;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureSettings;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.platform.i18n.MessageKeys;
import vn.motcua.tenant.DeskSession;
import vn.motcua.tenant.Tenant;
import vn.motcua.tenant.TenantDirectory;
import vn.motcua.tenant.TenantTree;

/**
 * Finding and understanding a procedure (tra cứu thủ tục), for the portal's pages: the ways in (fields, life events),
 * a search that forgives, and a procedure's page in plain words — what you get, what to bring, the fee by channel,
 * how long in working days and as a date if submitted now at your office, where and when to come, whom to ask, what
 * happens next. Everything here is public and read from memory (catalog, tree, calendars): no transaction.
 */
@ApplicationScoped
public class ProcedureGuide {

    /** How many results a search shows; the catalog is a few hundred procedures at most. */
    static final int MAX_RESULTS = 50;
    /** The longest query read: the rest is ignored, never an error. */
    static final int MAX_QUERY = 200;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final CatalogService catalog;
    private final TenantDirectory tenants;
    private final CalendarService calendars;

    private final ProcedureSettings overrides;

    ProcedureGuide(CatalogService catalog, TenantDirectory tenants, CalendarService calendars, ProcedureSettings overrides) {
        this.overrides = overrides;
        this.catalog = catalog;
        this.tenants = tenants;
        this.calendars = calendars;
    }

    /** A way in: a field or a life event, with its name in the page's language. */
    @TemplateData
    public record Entry(String code, String name) {
    }

    /** The home page's ways in. */
    @TemplateData
    public record WaysIn(List<Entry> lifeEvents, List<Entry> fields) {
    }

    /** One procedure in a list of results. */
    @TemplateData
    public record Result(String code, String name, String level, String time, boolean online) {
    }

    /** A search's answer: what was asked, and what was found. */
    @TemplateData
    public record Results(String query, Entry field, Entry lifeEvent, List<Result> results, List<Entry> fields, List<Entry> lifeEvents) {
    }

    /** A fee for one channel, ready to print ("Miễn phí", "50.000 đ"). */
    @TemplateData
    public record FeeLine(String channel, String amount) {
    }

    /** A document to bring, and whether it is needed in every case. */
    @TemplateData
    public record Document(String name, String kind, int count, boolean optional) {
    }

    /** One day's desk hours ("Thứ Hai: 08:00–12:00, 13:30–17:00"). */
    @TemplateData
    public record DeskDay(String day, String hours) {
    }

    /** An office one may choose, under its district. */
    @TemplateData
    public record OfficeChoice(String code, String name, boolean chosen) {
    }

    /** The offices of one district, for a grouped choice. */
    @TemplateData
    public record OfficeGroup(String name, List<OfficeChoice> offices) {
    }

    /**
     * The competent office for the chosen ward or commune: where to go, when, whom to call, and the due time if the
     * dossier were submitted now.
     */
    @TemplateData
    public record Office(String code, String name, String address, String phone, String email, List<DeskDay> hours, String dueDate,
            String dueTime) {
    }

    /** A frequent question of the procedure's field, answered. */
    @TemplateData
    public record Faq(String question, String answer) {
    }

    /** A procedure's page. */
    @TemplateData
    public record Page(String code, String name, String field, String fieldName, String result, String guide, String contact,
            List<Document> documents, List<FeeLine> fees, String processingDays, List<String> steps, List<String> legalBasis,
            boolean online, String level, String ward, List<OfficeGroup> wards, Office office, boolean notOfferedThere,
            List<Faq> faq, boolean receivedAnywhere) {
    }

    /** The fields and life events of the guide, for the home page. */
    public WaysIn waysIn(Locale locale) {
        CatalogGuide g = catalog.guide();
        return new WaysIn(g.lifeEvents().stream().map(e -> new Entry(e.code(), e.name().in(locale))).toList(),
                g.fields().stream().map(f -> new Entry(f.code(), f.name().in(locale))).toList());
    }

    /**
     * Procedures in force today matching the query, of a field, or of a life event (in the event's order). An unknown
     * field or event is a 404: a stale link should say so rather than list everything.
     */
    public Uni<Results> search(String query, String field, String lifeEvent, Locale locale) {
        String q = query == null ? "" : query.strip();
        if (q.length() > MAX_QUERY) {
            q = q.substring(0, MAX_QUERY);
        }
        CatalogGuide g = catalog.guide();
        Optional<CatalogGuide.Area> area = blank(field) ? Optional.empty() : g.field(field);
        Optional<CatalogGuide.LifeEvent> event = blank(lifeEvent) ? Optional.empty() : g.lifeEvent(lifeEvent);
        if ((!blank(field) && area.isEmpty()) || (!blank(lifeEvent) && event.isEmpty())) {
            throw new ProblemException(ProblemType.NOT_FOUND);
        }
        String asked = q;
        WaysIn ways = waysIn(locale);
        return catalog.search(null, area.map(CatalogGuide.Area::code).orElse(null), asked, today()).chain(hits -> tenants.tree().map(tree -> {
            List<CatalogService.Hit> found = new ArrayList<>(hits);
            event.ifPresent(e -> {
                found.removeIf(h -> !e.procedures().contains(h.procedure().code()));
                found.sort(java.util.Comparator.comparingInt(h -> e.procedures().indexOf(h.procedure().code())));
            });
            List<Result> results = found.stream().limit(MAX_RESULTS).map(h -> new Result(h.procedure().code(),
                    h.version().name().in(locale), levels(tree, h.version(), locale), days(h.version().processingDays(), locale),
                    online(h.version()))).toList();
            return new Results(asked, area.map(a -> new Entry(a.code(), a.name().in(locale))).orElse(null),
                    event.map(e -> new Entry(e.code(), e.name().in(locale))).orElse(null), results, ways.fields(), ways.lifeEvents());
        }));
    }

    /**
     * A procedure's page; with {@code ward} (a ward or commune's tenant code), the competent office for someone living
     * there, its hours and the due date if submitted now. An unknown ward is ignored (the choice is asked again).
     */
    public Uni<Page> page(String code, String ward, Locale locale) {
        Procedure procedure = catalog.find(code).orElseThrow(() -> new ProblemException(ProblemType.PROCEDURE_NOT_FOUND, code));
        Procedure.Version v = procedure.versionAt(today())
                .orElseThrow(() -> new ProblemException(ProblemType.PROCEDURE_NOT_FOUND, code));
        return Uni.combine().all().unis(tenants.tree(), overrides.snapshot()).asTuple().chain(both -> {
            TenantTree tree = both.getItem1();
            Optional<Tenant> home = blank(ward) ? Optional.empty() : tree.find(ward).filter(t -> tree.children(t.code()).isEmpty());
            Optional<Tenant> competent = home.flatMap(h -> competentFor(tree, v, h.code()));
            // At a known office, its own fee and time (set by its administrators within the catalog's): what it charges.
            Optional<ProcedureSettings.Terms> terms = competent.map(c -> both.getItem2().terms(code, v, c, today()));
            Uni<Office> office = competent.isEmpty() ? Uni.createFrom().nullItem()
                    : office(competent.get(), terms.get().processingDays(), locale);
            return office.map(o -> {
                CatalogGuide.Area area = catalog.guide().field(v.field()).orElse(null);
                return new Page(procedure.code(), v.name().in(locale), v.field(), area == null ? v.field() : area.name().in(locale),
                        v.result().in(locale), v.guide().in(locale), v.contact().in(locale),
                        v.documents().stream().map(d -> new Document(d.name().in(locale), d.kind(), d.count(), d.optional())).toList(),
                        v.fees().stream().map(f -> new FeeLine(f.channel().wire(),
                                money(terms.map(t -> t.fee(f.channel())).orElse(f.amount()), locale))).toList(),
                        days(v.processingDays(), locale),
                        v.steps().stream().map(s -> s.name().in(locale)).toList(), v.legalBasis(), online(v), levels(tree, v, locale),
                        home.map(Tenant::code).orElse(null), wards(tree, home.map(Tenant::code).orElse(null), locale), o,
                        home.isPresent() && competent.isEmpty(), area == null ? List.of()
                                : area.faq().stream().map(q -> new Faq(q.q().in(locale), q.a().in(locale))).toList(),
                        v.receivedAnywhere());
            });
        });
    }

    /**
     * The office competent for someone living in {@code ward}: the nearest of the ward and its ancestors at one of
     * the procedure's levels (a ward procedure at the ward, a district one at its district).
     */
    public static Optional<Tenant> competentFor(TenantTree tree, Procedure.Version v, String ward) {
        List<Tenant> chain = new ArrayList<>();
        tree.find(ward).ifPresent(chain::add);
        // ancestors() lists from the root down: reversed, the nearest comes first.
        List<Tenant> up = new ArrayList<>(tree.ancestors(ward));
        java.util.Collections.reverse(up);
        chain.addAll(up);
        return chain.stream().filter(v::offeredAt).findFirst();
    }

    /** Every ward and commune, grouped under its district, for "where do you live". */
    public static List<OfficeGroup> wards(TenantTree tree, String chosen, Locale locale) {
        List<OfficeGroup> groups = new ArrayList<>();
        for (Tenant district : tree.children(tree.root().code())) {
            List<OfficeChoice> wards = tree.children(district.code()).stream()
                    .map(w -> new OfficeChoice(w.code(), w.name().in(locale), w.code().equals(chosen))).toList();
            if (!wards.isEmpty()) {
                groups.add(new OfficeGroup(district.name().in(locale), wards));
            }
        }
        return groups;
    }

    /**
     * Every one-stop desk of the province, for a procedure received anywhere (Decree 118/2025): the province's own,
     * then each district's and its wards', grouped by district.
     */
    public static List<OfficeGroup> desks(TenantTree tree, String chosen, Locale locale) {
        List<OfficeGroup> groups = new ArrayList<>();
        Tenant root = tree.root();
        groups.add(new OfficeGroup(root.name().in(locale), List.of(new OfficeChoice(root.code(), root.name().in(locale), root.code().equals(chosen)))));
        for (Tenant district : tree.children(root.code())) {
            List<OfficeChoice> offices = new ArrayList<>();
            offices.add(new OfficeChoice(district.code(), district.name().in(locale), district.code().equals(chosen)));
            tree.children(district.code()).forEach(w -> offices.add(new OfficeChoice(w.code(), w.name().in(locale), w.code().equals(chosen))));
            groups.add(new OfficeGroup(district.name().in(locale), offices));
        }
        return groups;
    }

    private Uni<Office> office(Tenant t, java.math.BigDecimal processingDays, Locale locale) {
        return calendars.of(t.code()).map(calendar -> {
            OffsetDateTime now = OffsetDateTime.now(VietnameseLunarCalendar.VIETNAM);
            OffsetDateTime due = calendar.dueAt(calendar.clockStart(now), processingDays)
                    .atZoneSameInstant(VietnameseLunarCalendar.VIETNAM).toOffsetDateTime();
            List<DeskDay> hours = new ArrayList<>();
            for (DayOfWeek d : DayOfWeek.values()) {
                List<DeskSession> sessions = t.deskHours().on(d);
                if (!sessions.isEmpty()) {
                    hours.add(new DeskDay(d.getDisplayName(TextStyle.FULL, locale), String.join(", ",
                            sessions.stream().map(s -> TIME.format(s.from()) + "–" + TIME.format(s.to())).toList())));
                }
            }
            return new Office(t.code(), t.name().in(locale), t.address(), t.phone(), t.email(), hours, DATE.format(due),
                    TIME.format(due));
        });
    }

    /** The levels that handle it, by name ("Phường, xã"). */
    private static String levels(TenantTree tree, Procedure.Version v, Locale locale) {
        return String.join(", ", v.levels().stream().map(l -> tree.level(l).map(x -> x.name().in(locale)).orElse(l)).toList());
    }

    /** Whether it can be submitted online at all (fully or partly). */
    public static boolean online(Procedure.Version v) {
        return v.channels().contains(Procedure.Channel.ONLINE_FULL) || v.channels().contains(Procedure.Channel.ONLINE_PARTIAL);
    }

    /** "0,5", "15": the legal time, in the page's number format. */
    public static String days(BigDecimal days, Locale locale) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(2);
        return f.format(days);
    }

    /** An amount in đồng, or the bundle's "free". */
    /** A file's size as people read it. */
    public static String size(long bytes) {
        return bytes >= 1024 * 1024 ? String.format("%.1f MB", bytes / 1048576.0) : Math.max(1, bytes / 1024) + " KB";
    }

    public static String money(long amount, Locale locale) {
        if (amount == 0) {
            return MessageKeys.text(PortalMessages.class, locale, "fee_free");
        }
        return NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi")).format(amount) + " đ";
    }

    private static LocalDate today() {
        return LocalDate.now(VietnameseLunarCalendar.VIETNAM);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
