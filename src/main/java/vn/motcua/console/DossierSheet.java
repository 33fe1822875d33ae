package vn.motcua.console;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.TemplateData;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.domain.Deadlines;
import vn.motcua.dossier.domain.Dossier;
import vn.motcua.dossier.domain.DossierAction;
import vn.motcua.dossier.domain.DossierStatus;
import vn.motcua.dossier.domain.Exemption;
import vn.motcua.dossier.usecase.AttachmentService;
import vn.motcua.dossier.usecase.Digitization;
import vn.motcua.dossier.usecase.DossierRead;
import vn.motcua.staff.StaffDirectory;
import vn.motcua.tenant.Tenant;
import vn.motcua.tenant.TenantTree;

/**
 * The dossier page's sheet (phiếu hồ sơ trên màn hình cán bộ): what {@link ConsoleDossierPages} shows, built from a read
 * of the dossier in the page's language — the applicant's facts, the form's answers, the papers and their
 * digitization, the step timeline with its lateness, the history, the action forms (with what was typed when one was
 * refused) and the printed forms. Pure rendering of values the use cases returned: no access check, no I/O.
 */
@ApplicationScoped
public class DossierSheet {

    /** At most this many offices in the forward list: the levels above, then the competent ones nearest. */
    static final int MAX_FORWARD_CHOICES = 60;

    /** A label and its value. */
    @TemplateData
    public record Fact(String label, String value) {
    }

    /**
     * A paper of the procedure and its files; for a dossier handed in on paper, its digitization (Circular 03/2025):
     * the exemption in force, if any, and whether this officer may scan or exempt it now.
     */
    @TemplateData
    public record Paper(int number, String name, boolean optional, List<FileView> files, String exemption, String exemptionNote,
            boolean digitize, List<Choice> exemptions) {

        /** The field its errors are named by, and its element's id on the page. */
        public String field() {
            return "document-" + number;
        }
    }

    @TemplateData
    public record FileView(String href, String name, String size, boolean image, boolean pdf) {
    }

    /** A step of the timeline. */
    @TemplateData
    public record StepView(String name, String office, String role, String holder, String started, String ended, String due,
            String state, String late, String lateOf, boolean current) {
    }

    @TemplateData
    public record EventView(String at, String action, String by, String office, String reason) {
    }

    @TemplateData
    public record Choice(String value, String label, boolean selected) {
    }

    /**
     * One action's form: which fields it asks for, and what was typed when it was refused.
     *
     * @param code     the action's wire name, also the prefix of its fields' ids ({@code refuse-reason})
     * @param primary  the one button styled as the next step
     */
    @TemplateData
    public record ActionForm(String code, String label, String hint, boolean primary, boolean reason, boolean reasonRequired,
            List<Choice> colleagues, List<Choice> offices, List<Choice> channels, boolean appointment, List<Choice> documents,
            String typedReason, String typedAppointment) {

        public String id(String field) {
            return code + "-" + field;
        }
    }

    /** The page. */
    @TemplateData
    public record DossierView(Tenant tenant, String code, String procedure, String status, String timeliness, boolean late, String left,
            String notice, List<Fact> facts, List<Fact> form, List<Paper> papers, List<StepView> steps, List<EventView> history,
            List<ActionForm> actions, int version, String queue, boolean heldHere, String heldBy, boolean onPaper, long maxMegabytes,
            List<Fact> forms) {
    }

    private final CatalogService catalog;
    private final AttachmentService attachments;

    DossierSheet(CatalogService catalog, AttachmentService attachments) {
        this.catalog = catalog;
        this.attachments = attachments;
    }

    /** The page's view of {@code read} in {@code tenant}'s console, with the actions {@code open} to this officer. */
    DossierView view(String tenant, DossierRead read, List<DossierAction> open, TenantTree tree, WorkingCalendar calendar,
            List<StaffDirectory.Member> members, List<Digitization.ComponentState> states, boolean digitize, String notice,
            DossierAction refused, Map<String, String> typed, Locale locale) {
        Dossier d = read.dossier();
        OffsetDateTime now = read.at();
        Procedure.Version v = catalog.versionAt(d.procedureCode, d.procedureVersion);
        java.util.function.Function<String, String> office = t -> t == null ? null : tree.find(t).map(x -> x.name().in(locale)).orElse(t);
        Deadlines.Timeliness t = Deadlines.timeliness(d.dueAt, d.closedAt, now, d.paused());
        long left = d.paused() && d.minutesLeft != null ? d.minutesLeft : calendar.workingMinutesBetween(now, d.dueAt);

        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact(Desk.text(locale, "fact_applicant"), d.applicantName));
        add(facts, Desk.text(locale, "fact_citizen_id"), d.applicantId);
        add(facts, Desk.text(locale, "fact_phone"), d.applicantPhone);
        if (d.relationship != null && !"self".equals(d.relationship)) {
            add(facts, Desk.text(locale, "fact_submitted_by"), d.submittedByName + " (" + d.relationship + ")");
        }
        facts.add(new Fact(Desk.text(locale, "fact_channel"), Desk.text(locale, "channel_" + d.channel.replace('-', '_'))));
        facts.add(new Fact(Desk.text(locale, "fact_submitted"), Desk.at(d.submittedAt)));
        facts.add(new Fact(Desk.text(locale, "fact_received_by"), office.apply(d.receivedBy)));
        if (d.competentTenant != null && !d.competentTenant.equals(d.receivedBy)) {
            facts.add(new Fact(Desk.text(locale, "fact_competent"), office.apply(d.competentTenant)));
        }
        facts.add(new Fact(Desk.text(locale, "fact_held_by"), office.apply(d.tenantId)));
        facts.add(new Fact(Desk.text(locale, "fact_due"), Desk.at(d.dueAt)));
        add(facts, Desk.text(locale, "fact_appointment"), Desk.at(d.appointmentAt));
        add(facts, Desk.text(locale, "fact_delay_reason"), d.delayReason);
        facts.add(new Fact(Desk.text(locale, "fact_return"), Desk.text(locale, "return_" + d.returnChannel.replaceAll("[^a-z]", ""))));
        add(facts, Desk.text(locale, "fact_delivery_address"), d.deliveryAddress);
        facts.add(new Fact(Desk.text(locale, "fact_fee"), String.format(Locale.ROOT, "%,d đ", d.fee).replace(',', '.')));

        List<Fact> form = new ArrayList<>();
        flatten(form, v.form(), d.form == null ? Map.of() : d.form.getMap(), "", locale);

        List<Paper> papers = new ArrayList<>();
        for (int i = 0; i < v.documents().size(); i++) {
            int n = i + 1;
            Procedure.RequiredDocument doc = v.documents().get(i);
            Digitization.ComponentState st = states.stream().filter(x -> x.document() == n).findFirst().orElse(null);
            String exemption = st == null ? null : st.exemption();
            papers.add(new Paper(n, doc.name().in(locale), doc.optional(), read.files().stream().filter(f -> f.document() == n)
                    .map(f -> new FileView(ConsoleDossierPages.href(tenant, d.receiptCode) + "/files/" + f.id(), f.fileName(), size(f.storedBytes()), f.image(),
                            "application/pdf".equals(f.contentType())))
                    .toList(), exemption == null ? null : Desk.text(locale, "exemption_" + exemption.replace('-', '_')),
                    st == null ? null : st.note(), digitize,
                    java.util.Arrays.stream(Exemption.values()).map(x -> new Choice(x.wire(), Desk.text(locale, "exemption_"
                            + x.wire().replace('-', '_')), x.wire().equals(exemption))).toList()));
        }

        List<StepView> steps = new ArrayList<>();
        for (Dossier.Step s : d.steps) {
            boolean current = d.currentStep != null && d.currentStep == s.seq && d.closedAt == null;
            String state;
            String late = null;
            if (s.endedAt != null) {
                Deadlines.Timeliness st = Deadlines.timeliness(s.dueAt, s.endedAt, now, false);
                state = Desk.text(locale, "step_" + st.name().toLowerCase(Locale.ROOT));
                if (st == Deadlines.Timeliness.LATE) {
                    late = Desk.amount(calendar.workingMinutesBetween(s.dueAt, s.endedAt), locale);
                }
            } else if (current) {
                state = Desk.text(locale, d.paused() ? "step_paused" : "step_current");
                if (!d.paused() && s.dueAt != null && now.isAfter(s.dueAt)) {
                    late = Desk.amount(calendar.workingMinutesBetween(s.dueAt, now), locale);
                }
            } else {
                state = Desk.text(locale, "step_waiting");
            }
            steps.add(new StepView(DossierRead.stepName(v, s.code).in(locale), office.apply(s.tenantId), s.role == null ? null : ConsoleStaffResource.label(s.role, locale),
                    s.holderName, Desk.at(s.startedAt), Desk.at(s.endedAt), Desk.at(s.dueAt), state, late,
                    late == null ? null : office.apply(s.tenantId) + (s.holderName == null ? "" : " — " + s.holderName), current));
        }

        List<EventView> history = new ArrayList<>();
        List<DossierRead.HistoryEntry> entries = read.entries();
        for (int i = entries.size() - 1; i >= 0; i--) {
            DossierRead.HistoryEntry e = entries.get(i);
            history.add(new EventView(Desk.at(e.at()), MessagesOrCode.action(e.action(), locale), e.by(), office.apply(e.tenant()), e.reason()));
        }

        List<ActionForm> forms = new ArrayList<>();
        for (DossierAction a : open) {
            boolean again = a == refused;
            String typedReason = again ? typed.getOrDefault("reason", "") : "";
            forms.add(switch (a) {
                case ASSIGN -> form(a, locale, true, false, colleagues(members, d, again ? typed.get("assignee") : null, locale), List.of(),
                        List.of(), false, List.of(), typedReason, "");
                case REFUSE, REJECT -> form(a, locale, true, true, List.of(), List.of(), List.of(), false, List.of(), typedReason, "");
                case REQUEST_SUPPLEMENT -> form(a, locale, true, false, List.of(), List.of(), List.of(), false,
                        documents(v, again ? typed.get("documents") : null, locale), typedReason, "");
                case FORWARD -> form(a, locale, true, true, List.of(), offices(tree, v, d, again ? typed.get("to") : null, locale), List.of(),
                        false, List.of(), typedReason, "");
                case RETURN -> form(a, locale, false, false, List.of(), List.of(), channels(d, again ? typed.get("channel") : null, locale),
                        false, List.of(), "", "");
                case APOLOGIZE -> form(a, locale, true, true, List.of(), List.of(), List.of(), true, List.of(), typedReason,
                        again ? typed.getOrDefault("appointment", "") : "");
                default -> form(a, locale, false, false, List.of(), List.of(), List.of(), false, List.of(), "", "");
            });
        }
        return new DossierView(tree.find(tenant).orElseThrow(), d.receiptCode, v.name().in(locale), Desk.status(d.status, locale),
                Desk.text(locale, "timeliness_" + t.name().toLowerCase(Locale.ROOT)), t == Deadlines.Timeliness.LATE,
                d.closedAt == null ? Desk.left(left, d.paused(), locale) : null, notice, facts, form, papers, steps, history, forms, d.version,
                "/console/" + tenant + "/queue", d.tenantId.equals(tenant), d.tenantId.equals(tenant) ? null : office.apply(d.tenantId),
                Exemption.onPaper(d.channel), attachments.maxBytes() / (1024 * 1024), printable(tenant, read, locale));
    }

    /**
     * The printed forms of Circular 03/2025 this dossier has an event for (label, address): the receipt once received,
     * each letter once its event is in the history, the control slip always.
     */
    private static List<Fact> printable(String tenant, DossierRead read, Locale locale) {
        java.util.Set<String> done = read.entries().stream().map(DossierRead.HistoryEntry::action).collect(java.util.stream.Collectors.toSet());
        Dossier d = read.dossier();
        List<Fact> out = new ArrayList<>();
        String base = ConsoleDossierPages.href(tenant, d.receiptCode) + "/forms/";
        if (d.status != DossierStatus.SUBMITTED && d.status != DossierStatus.REFUSED) {
            out.add(new Fact(Desk.text(locale, "form_receipt"), base + "receipt.pdf"));
        }
        for (String[] f : new String[][] { { "request-supplement", "supplement-request" }, { "refuse", "refusal" }, { "apologize", "apology" },
                { "reject", "stop-notice" } }) {
            if (done.contains(f[0])) {
                out.add(new Fact(Desk.text(locale, "form_" + f[1].replace('-', '_')), base + f[1] + ".pdf"));
            }
        }
        out.add(new Fact(Desk.text(locale, "form_control_slip"), base + "control-slip.pdf"));
        return out;
    }

    private static ActionForm form(DossierAction a, Locale locale, boolean reason, boolean reasonRequired, List<Choice> colleagues,
            List<Choice> offices, List<Choice> channels, boolean appointment, List<Choice> documents, String typedReason, String typedDay) {
        String key = a.name().toLowerCase(Locale.ROOT);
        boolean primary = switch (a) {
            case RECEIVE, PROPOSE, APPROVE, MARK_RESULT_READY, RETURN -> true;
            default -> false;
        };
        return new ActionForm(a.wire(), Desk.text(locale, "action_" + key), Desk.text(locale, "hint_" + key), primary, reason, reasonRequired,
                colleagues, offices, channels, appointment, documents, typedReason, typedDay);
    }

    /** The colleagues whose role holds the current step (anyone of the office when the step names no role). */
    private static List<Choice> colleagues(List<StaffDirectory.Member> members, Dossier d, String typed, Locale locale) {
        String role = d.current().map(s -> s.role).orElse(null);
        List<Choice> out = new ArrayList<>();
        out.add(new Choice("", Desk.text(locale, "assign_myself"), typed == null || typed.isBlank()));
        members.stream().filter(m -> role == null || m.roles().contains(role)).forEach(m -> out.add(new Choice(m.username(),
                Desk.fullName(m.lastName(), m.firstName(), m.username()) + " (" + m.username() + ")", m.username().equals(typed))));
        return out;
    }

    /** Where a dossier may be forwarded: the offices above the one holding it, then the competent ones beside it. */
    private static List<Choice> offices(TenantTree tree, Procedure.Version v, Dossier d, String typed, Locale locale) {
        List<Tenant> candidates = new ArrayList<>(tree.ancestors(d.tenantId));
        java.util.Collections.reverse(candidates);
        tree.ancestors(d.tenantId).stream().reduce((first, second) -> second).ifPresent(parent -> tree.descendants(parent.code()).stream()
                .filter(x -> !x.code().equals(d.tenantId) && v.offeredAt(x)).forEach(candidates::add));
        List<Choice> out = new ArrayList<>();
        out.add(new Choice("", Desk.text(locale, "choose"), typed == null || typed.isBlank()));
        candidates.stream().distinct().limit(MAX_FORWARD_CHOICES)
                .forEach(x -> out.add(new Choice(x.code(), x.name().in(locale), x.code().equals(typed))));
        return out;
    }

    private static List<Choice> channels(Dossier d, String typed, Locale locale) {
        String chosen = typed == null || typed.isBlank() ? ("post".equals(d.returnChannel) ? "post" : "counter") : typed;
        return List.of("counter", "post").stream().map(c -> new Choice(c, Desk.text(locale, "return_" + c), c.equals(chosen))).toList();
    }

    private static List<Choice> documents(Procedure.Version v, String typed, Locale locale) {
        List<String> ticked = typed == null || typed.isBlank() ? List.of() : List.of(typed.split(","));
        List<Choice> out = new ArrayList<>();
        for (int i = 0; i < v.documents().size(); i++) {
            String n = String.valueOf(i + 1);
            out.add(new Choice(n, v.documents().get(i).name().in(locale), ticked.contains(n)));
        }
        return out;
    }

    /** The form's answers as label and value; a group's fields under its label. */
    @SuppressWarnings("unchecked")
    private static void flatten(List<Fact> out, List<Procedure.FormField> fields, Map<String, Object> values, String prefix, Locale locale) {
        for (Procedure.FormField f : fields) {
            Object value = values.get(f.name());
            if (value == null) {
                continue;
            }
            String label = prefix + f.label().in(locale);
            if (!f.fields().isEmpty() && value instanceof Map<?, ?> group) {
                flatten(out, f.fields(), (Map<String, Object>) group, label + " › ", locale);
            } else if (value instanceof io.vertx.core.json.JsonObject group && !f.fields().isEmpty()) {
                flatten(out, f.fields(), group.getMap(), label + " › ", locale);
            } else {
                String shown = String.valueOf(value);
                for (Procedure.Option o : f.options()) {
                    if (o.value().equals(shown)) {
                        shown = o.label().in(locale);
                    }
                }
                out.add(new Fact(label, shown));
            }
        }
    }

    private static void add(List<Fact> facts, String label, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(new Fact(label, value));
        }
    }

    private static String size(long bytes) {
        return bytes >= 1024 * 1024 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0) : Math.max(1, bytes / 1024) + " KB";
    }

    /** An event's action in the desk's words; an action the bundle does not name (a new one) shows its code. */
    static final class MessagesOrCode {
        private MessagesOrCode() {
        }

        static String action(String action, Locale locale) {
            String key = "event_" + action.replace('-', '_').replace('.', '_');
            return Desk.has(key) ? Desk.text(locale, key) : action;
        }
    }
}
