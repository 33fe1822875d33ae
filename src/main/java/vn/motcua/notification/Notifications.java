package vn.motcua.notification;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import vn.motcua.audit.AuditService;
import vn.motcua.identity.AccessPolicy;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.notification.store.AlertRows;
import vn.motcua.notification.store.NoticeRows;
import vn.motcua.notification.store.OutboxRows;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.tenant.TenantDirectory;

/**
 * The notifications' use cases for people: a tenant's officers see its nearly-late dossiers and how many notices
 * could not be delivered; its administrators list those dead letters and send one again; a citizen reads the notices
 * of their dossier. Each authorizes, then reads or writes in a scoped transaction.
 */
@ApplicationScoped
public class Notifications {

    /** The most rows a list shows. */
    static final int LIST_LIMIT = 100;

    /** What the console's home and queue show a tenant's officers. */
    public record Banner(long deadLetters, List<NearlyLate> nearlyLate) {
    }

    private final AccessPolicy policy;
    private final ScopedTransactions transactions;
    private final OutboxRows outbox;
    private final AlertRows alerts;
    private final NoticeRows notices;
    private final TenantDirectory tenants;
    private final AuditService audit;
    private final NoticeTexts texts;

    Notifications(AccessPolicy policy, ScopedTransactions transactions, OutboxRows outbox, AlertRows alerts, NoticeRows notices,
            TenantDirectory tenants, AuditService audit, NoticeTexts texts) {
        this.texts = texts;
        this.policy = policy;
        this.transactions = transactions;
        this.outbox = outbox;
        this.alerts = alerts;
        this.notices = notices;
        this.tenants = tenants;
        this.audit = audit;
    }

    /** The nearly-late dossiers of {@code tenant}, and its dead letters' count when the actor may see them. */
    public Uni<Banner> banner(Actor actor, String tenant) {
        return policy.authorize(actor, Permission.READ_QUEUE, tenant).chain(access -> transactions.onConnection(TenantScope.of(tenant),
                conn -> alerts.open(conn, tenant, LIST_LIMIT).chain(open -> Permission.MANAGE_NOTIFICATIONS.grantedTo(actor)
                        ? outbox.deadCount(conn, tenant).map(n -> new Banner(n, open))
                        : Uni.createFrom().item(new Banner(0, open)))));
    }

    /** The notices of {@code tenant} that no chosen channel delivered. */
    public Uni<List<DeadLetter>> deadLetters(Actor actor, String tenant) {
        return policy.authorize(actor, Permission.MANAGE_NOTIFICATIONS, tenant).chain(access -> transactions.onConnection(
                TenantScope.of(tenant), conn -> outbox.deadLetters(conn, tenant, LIST_LIMIT)));
    }

    /** Sends a dead letter again, from the citizen's first channel; 404 when {@code id} is not one of the tenant's. */
    public Uni<Void> retry(Actor actor, String tenant, String letter, String remoteAddress) {
        return policy.authorize(actor, Permission.MANAGE_NOTIFICATIONS, tenant).chain(access -> {
            long id = letterId(letter);
            return transactions.onConnection(TenantScope.of(tenant), conn -> outbox.retry(conn, id, tenant).invoke(done -> {
                    if (!done) {
                        throw new ProblemException(ProblemType.NOT_FOUND, letter);
                    }
                }));
        }).call(() -> audit.record(actor, tenant, "notification.retry", letter, remoteAddress)).replaceWithVoid();
    }

    /** A dead letter's id as typed in a path: a positive whole number, or nothing is found. */
    private static long letterId(String letter) {
        if (letter == null || !letter.matches("[0-9]{1,18}")) {
            throw new ProblemException(ProblemType.NOT_FOUND, "");
        }
        return Long.parseLong(letter);
    }

    /** A notice as a page shows it: when, what (in the page's language) and the office's words. */
    public record Line(java.time.OffsetDateTime at, String text, String reason) {
    }

    /** The notices of a dossier, as lines in {@code locale}, newest first. */
    public Uni<List<Line>> linesOf(Actor actor, String receiptCode, java.util.Locale locale) {
        return ofDossier(actor, receiptCode).map(list -> list.stream()
                .map(n -> new Line(n.createdAt(), texts.subject(n.kind(), locale, n.receiptCode()), n.reason())).toList());
    }

    /** The notices of a dossier the citizen may read (row-level security: their own). */
    public Uni<List<NoticeRows.Notice>> ofDossier(Actor actor, String receiptCode) {
        policy.authorizeSelf(actor, Permission.READ_OWN);
        return tenants.tree().chain(tree -> transactions.onConnection(
                policy.readScope(actor, tree).as(actor.realm().id() + ":" + actor.subject()),
                conn -> notices.ofDossier(conn, receiptCode, LIST_LIMIT)));
    }
}
