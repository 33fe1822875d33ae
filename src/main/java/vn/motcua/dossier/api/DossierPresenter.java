package vn.motcua.dossier.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import vn.motcua.calendar.CalendarService;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.usecase.WorkQueue;
import vn.motcua.dossier.api.DossierViews.AttachmentView;
import vn.motcua.dossier.api.DossierViews.DossierView;
import vn.motcua.dossier.api.DossierViews.EventView;
import vn.motcua.dossier.api.DossierViews.PartView;
import vn.motcua.dossier.api.DossierViews.QueueItem;
import vn.motcua.dossier.api.DossierViews.StepView;
import vn.motcua.tenant.LocalizedText;
import vn.motcua.tenant.Tenant;
import vn.motcua.tenant.TenantDirectory;
import vn.motcua.tenant.TenantTree;
import vn.motcua.dossier.domain.Deadlines;
import vn.motcua.dossier.domain.Dossier;
import vn.motcua.dossier.domain.DossierAction;
import vn.motcua.dossier.domain.DossierCommands;
import vn.motcua.dossier.store.DossierRepository;
import vn.motcua.dossier.usecase.DossierRead;
import vn.motcua.dossier.usecase.RatingView;

/** Turns dossiers into what the API shows: names from the catalog and the tree, time left on the tenant's calendar. */
@ApplicationScoped
public class DossierPresenter {

    private final CatalogService catalog;
    private final TenantDirectory tenants;
    private final CalendarService calendars;

    DossierPresenter(CatalogService catalog, TenantDirectory tenants, CalendarService calendars) {
        this.catalog = catalog;
        this.tenants = tenants;
        this.calendars = calendars;
    }

    /** The dossier as the reader of {@code read} sees it. */
    public Uni<DossierView> view(DossierRead read) {
        Dossier d = read.dossier();
        OffsetDateTime now = read.at();
        boolean officer = read.officer();
        return Uni.combine().all().unis(tenants.tree(), calendars.of(d.tenantId)).with((tree, calendar) -> {
            Procedure.Version version = catalog.versionAt(d.procedureCode, d.procedureVersion);
            boolean hasParts = !d.isPart() && version.interconnected();
            List<String> allowed = officer ? DossierCommands.allowed(d, hasParts).stream().map(DossierAction::wire).toList() : null;
            List<PartView> parts = read.parts().isEmpty() ? null : read.parts().stream().map(p -> new PartView(p.receiptCode,
                    p.procedureCode, p.partAgency, p.tenantId, p.status.wire(), p.dueAt)).toList();
            List<EventView> history = read.history().stream().map(e -> new EventView(e.at(), e.action(),
                    e.from() == null ? null : e.from().wire(), e.to().wire(), officer ? e.actorName() : publicName(e), e.tenantId(),
                    e.reason(), e.detail() == null ? null : officer ? e.detail().getMap() : withoutNames(e.detail().getMap()))).toList();
            List<AttachmentView> files = read.attachments().stream().map(a -> new AttachmentView(a.id().toString(), a.document(),
                    a.fileName(), a.contentType(), a.sizeBytes(), a.storedBytes(), a.sha256(), a.uploadedAt())).toList();
            return build(d, version, tree, calendar, now, allowed, parts, history, files,
                    read.parent() == null ? null : read.parent().receiptCode, officer, read.rating());
        });
    }

    private DossierView build(Dossier d, Procedure.Version version, TenantTree tree, WorkingCalendar calendar, OffsetDateTime now,
            List<String> allowed, List<PartView> parts, List<EventView> history, List<AttachmentView> files, String parent,
            boolean officer, RatingView rating) {
        List<StepView> steps = d.steps.stream().map(s -> {
            LocalizedText name = DossierRead.stepName(version, s.code);
            Deadlines.Timeliness t = s.endedAt == null && s.startedAt == null ? null
                    : Deadlines.timeliness(s.dueAt, s.endedAt, now, d.paused());
            // Applicants see which office holds each step (its tenant), not the officer's name.
            return new StepView(s.seq, s.code, name, s.role, s.tenantId, officer ? s.holderName : null, s.dueAt, s.startedAt, s.endedAt, t,
                    d.currentStep != null && d.currentStep == s.seq);
        }).toList();
        Long left = d.closedAt != null ? null : d.paused() && d.minutesLeft != null ? d.minutesLeft : calendar.workingMinutesBetween(now, d.dueAt);
        return new DossierView(d.receiptCode, d.status.wire(), d.procedureCode, version.name(), d.procedureVersion, d.channel,
                d.tenantId, name(tree, d.tenantId), d.receivedBy, name(tree, d.receivedBy), d.competentTenant,
                name(tree, d.competentTenant), new DossierViews.Applicant(d.applicantName, d.applicantId, d.applicantPhone),
                d.relationship, d.returnChannel, d.fee,
                d.processingDays, d.submittedAt, d.clockStart, d.dueAt, Deadlines.timeliness(d.dueAt, d.closedAt, now, d.paused()),
                left, d.paused(), d.delayReason, d.appointmentAt, d.outcome, d.closedAt, parent, steps, allowed, parts,
                d.form == null ? Map.of() : d.form.getMap(), history.isEmpty() ? null : history, files.isEmpty() ? null : files,
                rating, d.version);
    }

    private static LocalizedText name(TenantTree tree, String tenant) {
        return tree.find(tenant).map(Tenant::name).orElse(null);
    }

    /** A row of the work queue. */
    public static QueueItem item(WorkQueue.Entry d) {
        return new QueueItem(d.receiptCode(), d.procedureCode(), d.status().wire(), d.applicantName(), d.submittedAt(), d.dueAt(),
                d.workingMinutesLeft(), d.timeliness(), d.stepCode(), d.holderName(), d.clockStopped());
    }

    /** An event's detail as an applicant sees it: without the officer an assignment named. */
    private static Map<String, Object> withoutNames(Map<String, Object> detail) {
        if (!detail.containsKey("holder")) {
            return detail;
        }
        Map<String, Object> copy = new java.util.LinkedHashMap<>(detail);
        copy.remove("holder");
        return copy;
    }

    /** Applicants see which office acted, not the officer's name. */
    private static String publicName(DossierRepository.Event e) {
        return e.actor().startsWith("citizens:") ? e.actorName() : null;
    }
}
