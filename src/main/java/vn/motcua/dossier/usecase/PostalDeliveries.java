package vn.motcua.dossier.usecase;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import vn.motcua.dossier.domain.Dossier;
import vn.motcua.dossier.domain.DossierCommands;
import vn.motcua.dossier.domain.DossierStatus;
import vn.motcua.dossier.domain.TrackingNumbers;
import vn.motcua.dossier.store.DossierRepository;
import vn.motcua.dossier.store.PostalRows;
import vn.motcua.identity.AccessPolicy;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;
import vn.motcua.platform.error.FieldIssue;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.tenant.TenantDirectory;

/**
 * Deliveries of results by post (phát trả kết quả): when the postman picks a ready result up, the clerk records its
 * tracking number; then it is delivered, which returns the dossier by post ({@link PostalDossiers#returnByPost}), or
 * it failed, with the reason, and the dossier stays result-ready for the desk to see and the office to send again.
 * Each step is written to the dossier's history.
 */
@ApplicationScoped
public class PostalDeliveries {

    /** A failure's reason, at most this long. */
    public static final int MAX_REASON = 500;

    /** One result on the office's round and where it is: its latest delivery, if any. */
    public record OnRound(PostalItem item, PostalDelivery latest) {
    }

    private final ScopedTransactions transactions;
    private final PostalRows rows;
    private final TenantDirectory tenants;
    private final AccessPolicy policy;
    private final DossierWork work;
    private final PostalDossiers postal;

    PostalDeliveries(ScopedTransactions transactions, PostalRows rows, TenantDirectory tenants, AccessPolicy policy, DossierWork work,
            PostalDossiers postal) {
        this.transactions = transactions;
        this.rows = rows;
        this.tenants = tenants;
        this.policy = policy;
        this.work = work;
        this.postal = postal;
    }

    /** The results {@code office} must deliver and has not, oldest first, each with its latest delivery. */
    public Uni<List<OnRound>> round(Actor actor, String office) {
        return tenants.tree().chain(tree -> {
            policy.authorizeOffice(actor, Permission.POSTAL_LIST, office, tree);
            return transactions.onConnection(TenantScope.none().withOffices(Set.of(office)).as(DossierWork.key(actor)),
                    conn -> rows.round(conn, office, 200))
                    .map(list -> list.stream().map(r -> new OnRound(PostalItem.of(r.dossier(), true), view(r.latest()))).toList());
        });
    }

    /** The office's deliveries, newest first. */
    public Uni<List<PostalDelivery>> ofOffice(Actor actor, String office) {
        return tenants.tree().chain(tree -> {
            policy.authorizeOffice(actor, Permission.POSTAL_LIST, office, tree);
            return transactions.onConnection(TenantScope.none().withOffices(Set.of(office)).as(DossierWork.key(actor)),
                    conn -> rows.deliveries(conn, office, true, PostalManifests.LIST_LIMIT))
                    .map(list -> list.stream().map(PostalDeliveries::view).toList());
        });
    }

    /** The results of {@code tenant} sent by post and where they are, newest first: what its desk sees. */
    public Uni<List<PostalDelivery>> ofTenant(Actor actor, String tenant) {
        return tenants.tree().chain(tree -> {
            policy.decide(actor, Permission.READ_QUEUE, tenant, tree);
            TenantScope scope = policy.readScope(actor, tree).narrowTo(tenant).as(DossierWork.key(actor));
            return transactions.onConnection(scope, conn -> rows.deliveries(conn, tenant, false, PostalManifests.LIST_LIMIT))
                    .map(list -> list.stream().map(PostalDeliveries::view).toList());
        });
    }

    /** The postman took the result: its tracking number, while the dossier is result-ready and nothing else is on its way. */
    public Uni<PostalDelivery> send(Actor actor, String office, String receiptCode, String tracking, String remoteAddr) {
        String number = TrackingNumbers.normalize(tracking, "tracking");
        return step(actor, office, receiptCode, remoteAddr, (conn, d, by, now, tree) -> rows.onItsWay(conn, d.id).chain(onItsWay -> {
            if (onItsWay.isPresent()) {
                throw new ProblemException(ProblemType.CONCURRENT_CHANGE, d.receiptCode);
            }
            readyOrRefused(d);
            PostalRows.Delivery x = new PostalRows.Delivery(UUID.randomUUID(), d.id, d.receiptCode, office, d.tenantId, number,
                    PostalDelivery.SENT, null, now, by.key(), by.name(), null, null, null);
            return rows.insertDelivery(conn, x).chain(() -> DossierRepository.insertEvents(conn, List.of(PostalManifests.event(d, now, by,
                    "postal-sent", null, new JsonObject().put("tracking", number).put("office", office))))).replaceWith(x);
        }));
    }

    /** Delivered to the applicant: the delivery ends and the dossier is returned by post. */
    public Uni<PostalDelivery> delivered(Actor actor, String office, String receiptCode, String note, String remoteAddr) {
        String text = PostalManifests.note(note, "note");
        return step(actor, office, receiptCode, remoteAddr, (conn, d, by, now, tree) -> onItsWay(conn, d).chain(x -> rows
                .end(conn, x.id(), PostalDelivery.DELIVERED, null, now, by.key(), by.name())
                .chain(() -> work.load(conn, d.receiptCode))
                .chain(loaded -> postal.returnByPost(conn, loaded, office, text == null ? "Số hiệu bưu gửi " + x.tracking()
                        : text + " (số hiệu bưu gửi " + x.tracking() + ")", by, now, tree))
                .replaceWith(() -> withState(x, PostalDelivery.DELIVERED, null, now, by))));
    }

    /** Not delivered, and why: the dossier stays result-ready; the desk sees the reason. */
    public Uni<PostalDelivery> failed(Actor actor, String office, String receiptCode, String reason, String remoteAddr) {
        if (reason == null || reason.isBlank()) {
            throw DossierCommands.validation("reason", FieldIssue.REQUIRED);
        }
        if (reason.length() > MAX_REASON) {
            throw DossierCommands.validation("reason", FieldIssue.TOO_LONG, MAX_REASON);
        }
        String why = PostalManifests.note(reason, "reason");
        return step(actor, office, receiptCode, remoteAddr, (conn, d, by, now, tree) -> onItsWay(conn, d).chain(x -> rows
                .end(conn, x.id(), PostalDelivery.FAILED, why, now, by.key(), by.name())
                .chain(() -> DossierRepository.insertEvents(conn, List.of(PostalManifests.event(d, now, by, "postal-failed", why,
                        new JsonObject().put("tracking", x.tracking()).put("office", office)))))
                .replaceWith(() -> withState(x, PostalDelivery.FAILED, why, now, by))));
    }

    private interface Step {
        Uni<PostalRows.Delivery> apply(io.vertx.mutiny.sqlclient.SqlConnection conn, Dossier d, DossierWork.By by, OffsetDateTime now,
                vn.motcua.tenant.TenantTree tree);
    }

    private Uni<PostalDelivery> step(Actor actor, String office, String receiptCode, String remoteAddr, Step step) {
        if (receiptCode == null || receiptCode.isBlank() || receiptCode.length() > 40) {
            throw new ProblemException(ProblemType.DOSSIER_NOT_FOUND, "");
        }
        return tenants.tree().chain(tree -> {
            policy.authorizeOffice(actor, Permission.POSTAL_DELIVER, office, tree);
            DossierWork.By by = DossierWork.By.of(actor, null, remoteAddr);
            OffsetDateTime now = work.now();
            return transactions.onConnection(TenantScope.none().withOffices(Set.of(office)).as(by.key()),
                    conn -> rows.toDeliver(conn, office, receiptCode.strip()).chain(found -> step.apply(conn,
                            found.orElseThrow(() -> new ProblemException(ProblemType.DOSSIER_NOT_FOUND, receiptCode.strip())), by, now, tree)))
                    .map(PostalDeliveries::view);
        });
    }

    private Uni<PostalRows.Delivery> onItsWay(io.vertx.mutiny.sqlclient.SqlConnection conn, Dossier d) {
        return rows.onItsWay(conn, d.id).map(found -> found.orElseThrow(() -> {
            readyOrRefused(d);
            return new ProblemException(ProblemType.CONCURRENT_CHANGE, d.receiptCode);
        }));
    }

    private static void readyOrRefused(Dossier d) {
        if (d.status != DossierStatus.RESULT_READY) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, d.status.wire(), "return", "—").with("state", d.status.wire());
        }
    }

    private static PostalRows.Delivery withState(PostalRows.Delivery x, String state, String reason, OffsetDateTime at, DossierWork.By by) {
        return new PostalRows.Delivery(x.id(), x.dossierId(), x.receiptCode(), x.office(), x.tenantId(), x.tracking(), state, reason,
                x.sentAt(), x.sentBy(), x.sentByName(), at, by.key(), by.name());
    }

    static PostalDelivery view(PostalRows.Delivery x) {
        return x == null ? null : new PostalDelivery(x.receiptCode(), x.office(), x.tenantId(), x.tracking(), x.state(), x.reason(),
                x.sentAt(), x.sentByName(), x.endedAt(), x.endedByName());
    }
}
