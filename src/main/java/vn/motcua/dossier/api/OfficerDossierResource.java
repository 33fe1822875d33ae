package vn.motcua.dossier.api;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import vn.motcua.dossier.api.DossierViews.DossierView;
import vn.motcua.dossier.api.DossierViews.QueuePage;
import vn.motcua.dossier.usecase.ActOnDossier;
import vn.motcua.dossier.usecase.ReadDossier;
import vn.motcua.dossier.usecase.ReusePriorData;
import vn.motcua.dossier.usecase.WorkQueue;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.platform.error.FieldIssue;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.platform.web.ClientAddress;
import vn.motcua.platform.web.PageLimit;
import vn.motcua.dossier.DossierConfig;
import vn.motcua.dossier.domain.DossierAction;
import vn.motcua.dossier.domain.DossierCommands;
import vn.motcua.dossier.domain.DossierStatus;
import vn.motcua.dossier.usecase.DossierRequests;

/**
 * The officers' side: a tenant's work queue and the actions on its dossiers. The class sits at {@code /api} like the
 * other API classes, because a more specific class path ({@code /api/t/{tenant}}) would hide theirs.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "dossiers", description = "Submit a dossier and follow it")
public class OfficerDossierResource {

    /** The largest queue page a client may ask for. */
    static final int MAX_PAGE = 200;

    private final SecurityIdentity identity;
    private final ActOnDossier actions;
    private final ReadDossier reads;
    private final ReusePriorData reuse;
    private final WorkQueue queue;
    private final DossierPresenter presenter;
    private final DossierConfig config;
    private final vn.motcua.dossier.usecase.Digitization digitization;

    OfficerDossierResource(SecurityIdentity identity, ActOnDossier actions, ReadDossier reads, ReusePriorData reuse, WorkQueue queue,
            DossierPresenter presenter, DossierConfig config, vn.motcua.dossier.usecase.Digitization digitization) {
        this.digitization = digitization;
        this.identity = identity;
        this.actions = actions;
        this.reads = reads;
        this.reuse = reuse;
        this.queue = queue;
        this.presenter = presenter;
        this.config = config;
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "dossier.{action}")
    @POST
    @Path("/t/{tenant}/dossiers/{receiptCode}/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "An officer's action on a dossier their tenant holds",
            description = "receive, refuse, assign, request-supplement, forward, propose, approve, reject, mark-result-ready, "
                    + "return, apologize, supplement (handed in at the desk). 409 names the current state and the allowed actions.")
    public Uni<DossierView> act(@PathParam("tenant") String tenant, @PathParam("receiptCode") String receiptCode,
            @PathParam("action") String action, DossierRequests.Action request, @Context io.vertx.core.http.HttpServerRequest http) {
        DossierAction a = DossierAction.of(action);
        if (a == null) {
            throw new ProblemException(ProblemType.NOT_FOUND);
        }
        return actions.act(Actor.from(identity), tenant, receiptCode, a, request, ClientAddress.of(http)).chain(presenter::view);
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "dossier.read")
    @GET
    @Path("/t/{tenant}/dossiers/{receiptCode}")
    @Operation(summary = "A dossier of this tenant (or one it supervises), with its history")
    public Uni<DossierView> get(@PathParam("tenant") String tenant, @PathParam("receiptCode") String receiptCode,
            @Context io.vertx.core.http.HttpServerRequest request) {
        return reads.readAt(Actor.from(identity), tenant, receiptCode, ClientAddress.of(request)).chain(presenter::view);
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "dossier.reuse")
    @GET
    @Path("/t/{tenant}/dossiers/{receiptCode}/reusable")
    @Operation(summary = "Once only: what the applicant's earlier dossiers hold, at any office, when they consented",
            description = "403 consent-required when the applicant did not consent on this dossier. Every such read is logged "
                    + "and shown to the citizen.")
    public Uni<List<DossierViews.Reusable>> reusable(@PathParam("tenant") String tenant, @PathParam("receiptCode") String receiptCode,
            @Context io.vertx.core.http.HttpServerRequest request) {
        return reuse.earlier(Actor.from(identity), tenant, receiptCode, ClientAddress.of(request))
                .map(earlier -> earlier.stream().map(e -> new DossierViews.Reusable(e.receiptCode(), e.procedureCode(), e.tenantId(),
                        e.submittedAt(), e.status(), e.form().getMap())).toList());
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "queue.read")
    @GET
    @Path("/t/{tenant}/queue")
    @Operation(summary = "The tenant's open dossiers, soonest due first, keyset-paged",
            description = "Each with its working time left and whether it is on time or late. Pass `next` back as `after`.")
    public Uni<QueuePage> queue(@PathParam("tenant") String tenant,
            @Parameter(description = "One of the desk's queues: all, online, receive, process, approve, return, waiting, soon, late, "
                    + "for-others") @QueryParam("tab") String tab,
            @Parameter(description = "Only dossiers in this state, e.g. received") @QueryParam("state") String state,
            @Parameter(description = "late: past due; today: due before the end of today; week: within 7 days") @QueryParam("due") String due,
            @Parameter(description = "A receipt code, an ID number, a part of the applicant's or the procedure's name (at most 100 "
                    + "characters)") @QueryParam("q") String q,
            @Parameter(description = "The cursor of the previous page's `next`") @QueryParam("after") String after,
            @Parameter(description = "Dossiers per page, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200"))
            @QueryParam(PageLimit.PARAMETER) String limit) {
        WorkQueue.Query query = new WorkQueue.Query(parseTab(tab), parseState(state), parseDue(due), q);
        int size = PageLimit.parse(limit, config.queuePageSize(), MAX_PAGE);
        return queue.page(Actor.from(identity), tenant, query, after, size)
                .map(page -> new QueuePage(page.entries().stream().map(DossierPresenter::item).toList(), page.next()));
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "queue.read")
    @GET
    @Path("/t/{tenant}/queue/counts")
    @Operation(summary = "How many open dossiers each of the desk's queues holds now",
            description = "all, online (new online), receive, process, approve, return, waiting (for a supplement), soon (due within "
                    + "a working day), late, forOthers (received here for another office, Decree 118/2025/NĐ-CP).")
    public Uni<WorkQueue.Counts> counts(@PathParam("tenant") String tenant) {
        return queue.counts(Actor.from(identity), tenant);
    }

    /** What an officer sends to mark a paper component exempt from scanning, or to withdraw the mark (no exemption). */
    public record ExemptionRequest(String exemption, String note) {
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "dossier.attach")
    @PUT
    @Path("/t/{tenant}/dossiers/{receiptCode}/documents/{document}/exemption")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Digitization at reception (Circular 03/2025/TT-VPCP): mark a paper component exempt from scanning",
            description = "exemption: submitted-online, shown-only, agency-result, confidential; absent or blank withdraws the mark. "
                    + "A dossier handed in on paper (counter, postal) is received only once each required component has a file or "
                    + "an exemption (400, errors on document-<n>). Answers each component's state.")
    public Uni<List<vn.motcua.dossier.usecase.Digitization.ComponentState>> exempt(@PathParam("tenant") String tenant,
            @PathParam("receiptCode") String receiptCode, @PathParam("document") String document, ExemptionRequest body,
            @Context io.vertx.core.http.HttpServerRequest http) {
        int n;
        try {
            n = Integer.parseInt(document);
        } catch (NumberFormatException e) {
            n = -1; // no such paper: said after who may ask is checked
        }
        return digitization.mark(Actor.from(identity), tenant, receiptCode, n, body == null ? null : body.exemption(),
                body == null ? null : body.note(), ClientAddress.of(http));
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "queue.read")
    @GET
    @Path("/t/{tenant}/digitization")
    @Operation(summary = "The share of paper components digitized in the paper dossiers this desk received over a period",
            description = "from and to are days (YYYY-MM-DD), at most 366 days apart. Components required, scanned, exempt by "
                    + "exemption, missing, and the share digitized (scanned or exempt).")
    public Uni<vn.motcua.dossier.usecase.Digitization.Share> digitization(@PathParam("tenant") String tenant,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return digitization.share(Actor.from(identity), tenant, from, to);
    }

    private static WorkQueue.Tab parseTab(String tab) {
        if (tab == null || tab.isBlank()) {
            return WorkQueue.Tab.ALL;
        }
        return WorkQueue.Tab.of(tab.strip()).orElseThrow(() -> DossierCommands.validation("tab", FieldIssue.NOT_AN_OPTION,
                String.join(", ", java.util.Arrays.stream(WorkQueue.Tab.values()).map(WorkQueue.Tab::wire).toList())));
    }

    private static DossierStatus parseState(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return DossierStatus.of(state.strip());
        } catch (IllegalArgumentException e) {
            throw DossierCommands.validation("state", FieldIssue.NOT_AN_OPTION,
                    String.join(", ", java.util.Arrays.stream(DossierStatus.values()).map(DossierStatus::wire).toList()));
        }
    }

    private static WorkQueue.Due parseDue(String due) {
        if (due == null || due.isBlank()) {
            return null;
        }
        return switch (due.strip()) {
            case "late" -> WorkQueue.Due.LATE;
            case "today" -> WorkQueue.Due.TODAY;
            case "week" -> WorkQueue.Due.WEEK;
            default -> throw DossierCommands.validation("due", FieldIssue.NOT_AN_OPTION, "late, today, week");
        };
    }
}
