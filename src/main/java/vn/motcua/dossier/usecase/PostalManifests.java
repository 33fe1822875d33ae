package vn.motcua.dossier.usecase;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import vn.motcua.dossier.domain.Dossier;
import vn.motcua.dossier.domain.DossierCommands;
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
import vn.motcua.tenant.TenantTree;

/**
 * Hand-over manifests (biên bản bàn giao hồ sơ): a post office hands the dossiers it took in for one tenant to that
 * tenant's desk as a batch; the desk confirms what arrived, noting what did not. A dossier is in at most one manifest
 * that is open or that delivered it; one noted missing may be handed over again. Each step is written to the history
 * of every dossier it concerns.
 */
@ApplicationScoped
public class PostalManifests {

    /** At most this many dossiers in one manifest: a page's worth, a bag's worth. */
    public static final int MAX_ITEMS = 100;

    /** A note on a manifest or its confirmation, at most this long. */
    public static final int MAX_NOTE = 1000;

    /** The rows a list shows. */
    public static final int LIST_LIMIT = 50;

    private final ScopedTransactions transactions;
    private final PostalRows rows;
    private final TenantDirectory tenants;
    private final AccessPolicy policy;
    private final DossierWork work;

    PostalManifests(ScopedTransactions transactions, PostalRows rows, TenantDirectory tenants, AccessPolicy policy, DossierWork work) {
        this.transactions = transactions;
        this.rows = rows;
        this.tenants = tenants;
        this.policy = policy;
        this.work = work;
    }

    /** What {@code office} took in and has not handed over yet, by tenant then oldest first. */
    public Uni<List<PostalItem>> notHandedOver(Actor actor, String office) {
        return officeScope(actor, office, Permission.POSTAL_LIST).chain(scope -> transactions.onConnection(scope,
                conn -> rows.notHandedOver(conn, office, MAX_ITEMS * 2)).map(list -> list.stream().map(d -> PostalItem.of(d, false)).toList()));
    }

    /** The office's manifests, newest first. */
    public Uni<List<PostalManifest>> ofOffice(Actor actor, String office) {
        return officeScope(actor, office, Permission.POSTAL_LIST).chain(scope -> transactions.onConnection(scope,
                conn -> rows.manifests(conn, office, true, false, LIST_LIMIT)).map(list -> list.stream().map(m -> view(m, List.of())).toList()));
    }

    /** One of the office's manifests with its dossiers (404 when it is not the office's). */
    public Uni<PostalManifest> readAtOffice(Actor actor, String office, String manifestId) {
        UUID id = id(manifestId);
        return officeScope(actor, office, Permission.POSTAL_LIST).chain(scope -> transactions.onConnection(scope, conn -> read(conn, id, false)
                .map(m -> {
                    if (!m.office().equals(office)) {
                        throw new ProblemException(ProblemType.NOT_FOUND);
                    }
                    return m;
                })));
    }

    /**
     * A manifest of these dossiers, which {@code office} took in for {@code tenant} and has not handed over: every
     * code must be one of them (400 naming those that are not), at least one and at most {@link #MAX_ITEMS}.
     */
    public Uni<PostalManifest> make(Actor actor, String office, String tenant, List<String> codes, String note, String remoteAddr) {
        List<String> chosen = codes == null ? List.of()
                : codes.stream().filter(c -> c != null && !c.isBlank()).map(String::strip).distinct().toList();
        if (tenant == null || tenant.isBlank() || tenant.length() > 40) {
            throw DossierCommands.validation("tenant", FieldIssue.REQUIRED);
        }
        if (chosen.isEmpty()) {
            throw DossierCommands.validation("codes", FieldIssue.REQUIRED);
        }
        if (chosen.size() > MAX_ITEMS || chosen.stream().anyMatch(c -> c.length() > 40)) {
            throw DossierCommands.validation("codes", FieldIssue.OUT_OF_RANGE, 1, MAX_ITEMS);
        }
        String text = note(note, "note");
        return tenants.tree().chain(tree -> {
            policy.authorizeOffice(actor, Permission.POSTAL_LIST, office, tree);
            if (tree.find(tenant.strip()).isEmpty()) {
                throw DossierCommands.validation("tenant", FieldIssue.NOT_A_TENANT, tenant.strip());
            }
            DossierWork.By by = DossierWork.By.of(actor, null, remoteAddr);
            OffsetDateTime now = work.now();
            String to = tenant.strip();
            return transactions.onConnection(TenantScope.none().withOffices(Set.of(office)).as(by.key()),
                    conn -> rows.lockForManifest(conn, office, to, chosen).chain(found -> {
                        List<String> foundCodes = found.stream().map(d -> d.receiptCode).toList();
                        List<String> not = chosen.stream().filter(c -> !foundCodes.contains(c)).toList();
                        if (!not.isEmpty()) {
                            throw DossierCommands.validation("codes", FieldIssue.NOT_AN_OPTION, String.join(", ", not));
                        }
                        UUID id = UUID.randomUUID();
                        PostalRows.Manifest m = new PostalRows.Manifest(id, office, to, now, by.key(), by.name(), now, null, null, null,
                                text, null, found.size(), 0, 0);
                        List<DossierRepository.Event> events = found.stream().map(d -> event(d, now, by, "postal-handed-over", null,
                                new JsonObject().put("manifest", PostalManifest.number(id)).put("office", office))).toList();
                        return rows.insertManifest(conn, m, found).chain(() -> DossierRepository.insertEvents(conn, events))
                                .chain(() -> read(conn, id, false));
                    }));
        });
    }

    /** The manifests sent to {@code tenant}'s desk: those to confirm, then the latest confirmed, each with its dossiers. */
    public Uni<List<PostalManifest>> toTenant(Actor actor, String tenant) {
        return tenants.tree().chain(tree -> {
            policy.decide(actor, Permission.READ_QUEUE, tenant, tree);
            TenantScope scope = policy.readScope(actor, tree).narrowTo(tenant).as(DossierWork.key(actor));
            return transactions.onConnection(scope, conn -> rows.manifests(conn, tenant, false, false, LIST_LIMIT).chain(list -> {
                List<Uni<PostalManifest>> each = new ArrayList<>();
                for (PostalRows.Manifest m : list) {
                    each.add(m.confirmed() ? Uni.createFrom().item(view(m, List.of())) : lines(conn, m));
                }
                return each.isEmpty() ? Uni.createFrom().item(List.<PostalManifest>of())
                        : Uni.join().all(each).andFailFast().map(l -> l.stream().toList());
            }));
        });
    }

    /**
     * The desk confirms a manifest sent to it: the dossiers in {@code received} arrived, the others are noted missing
     * (and may be handed over again). Once only: a second confirmation is told the first happened (409).
     */
    public Uni<PostalManifest> confirm(Actor actor, String tenant, String manifestId, List<String> received, String note, String remoteAddr) {
        UUID id = id(manifestId);
        List<String> arrived = received == null ? List.of()
                : received.stream().filter(c -> c != null && !c.isBlank()).map(String::strip).distinct().limit(MAX_ITEMS + 1L).toList();
        if (arrived.size() > MAX_ITEMS) {
            throw DossierCommands.validation("received", FieldIssue.OUT_OF_RANGE, 0, MAX_ITEMS);
        }
        String text = note(note, "note");
        return tenants.tree().chain(tree -> {
            policy.decide(actor, Permission.POSTAL_CONFIRM, tenant, tree);
            DossierWork.By by = DossierWork.By.of(actor, tenant, remoteAddr);
            OffsetDateTime now = work.now();
            TenantScope scope = policy.actScope(actor).narrowTo(tenant).as(by.key());
            return transactions.onConnection(scope, conn -> rows.manifest(conn, id, true).chain(found -> {
                PostalRows.Manifest m = found.filter(x -> x.tenantId().equals(tenant)).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND));
                if (m.confirmed()) {
                    throw new ProblemException(ProblemType.CONCURRENT_CHANGE, PostalManifest.number(id));
                }
                return rows.items(conn, id).chain(items -> {
                    List<String> codes = items.stream().map(PostalRows.Item::receiptCode).toList();
                    List<String> unknown = arrived.stream().filter(c -> !codes.contains(c)).toList();
                    if (!unknown.isEmpty()) {
                        throw DossierCommands.validation("received", FieldIssue.NOT_AN_OPTION, String.join(", ", unknown));
                    }
                    List<UUID> ids = items.stream().filter(i -> arrived.contains(i.receiptCode())).map(PostalRows.Item::dossierId).toList();
                    List<DossierRepository.Event> events = items.stream().map(i -> new DossierRepository.Event(i.dossierId(), tenant, now,
                            by.key(), by.name(), arrived.contains(i.receiptCode()) ? "postal-received" : "postal-missing", i.status(), i.status(),
                            arrived.contains(i.receiptCode()) ? null : text, new JsonObject().put("manifest", PostalManifest.number(id)),
                            by.remote())).toList();
                    return rows.confirm(conn, id, now, by.key(), by.name(), text, ids).chain(ok -> {
                        if (!ok) {
                            throw new ProblemException(ProblemType.CONCURRENT_CHANGE, PostalManifest.number(id));
                        }
                        return DossierRepository.insertEvents(conn, events).chain(() -> read(conn, id, false));
                    });
                });
            }));
        });
    }

    private Uni<TenantScope> officeScope(Actor actor, String office, Permission permission) {
        return tenants.tree().map(tree -> {
            policy.authorizeOffice(actor, permission, office, tree);
            return TenantScope.none().withOffices(Set.of(office)).as(DossierWork.key(actor));
        });
    }

    private Uni<PostalManifest> read(SqlConnection conn, UUID id, boolean lock) {
        return rows.manifest(conn, id, lock).chain(found -> lines(conn,
                found.orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND))));
    }

    private Uni<PostalManifest> lines(SqlConnection conn, PostalRows.Manifest m) {
        return rows.items(conn, m.id()).map(items -> view(m, items.stream().map(i -> new PostalManifest.Line(i.receiptCode(), i.received(),
                i.applicantName(), i.procedureCode(), i.procedureVersion(), i.submittedAt(), i.status().wire())).toList()));
    }

    static PostalManifest view(PostalRows.Manifest m, List<PostalManifest.Line> lines) {
        return new PostalManifest(m.id(), PostalManifest.number(m.id()), m.office(), m.tenantId(), m.handedAt(), m.createdByName(),
                m.confirmedAt(), m.confirmedByName(), m.note(), m.confirmNote(), m.items(), m.received(), m.missing(), lines);
    }

    static DossierRepository.Event event(Dossier d, OffsetDateTime now, DossierWork.By by, String action, String reason, JsonObject detail) {
        return new DossierRepository.Event(d.id, d.tenantId, now, by.key(), by.name(), action, d.status, d.status, reason, detail, by.remote());
    }

    /** A manifest's id from a path: anything that is not one is simply not found. */
    static UUID id(String s) {
        if (s == null || s.length() != 36) {
            throw new ProblemException(ProblemType.NOT_FOUND);
        }
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.NOT_FOUND);
        }
    }

    static String note(String note, String field) {
        if (note == null || note.isBlank()) {
            return null;
        }
        if (note.length() > MAX_NOTE) {
            throw DossierCommands.validation(field, FieldIssue.TOO_LONG, MAX_NOTE);
        }
        if (note.indexOf('\u0000') >= 0) {
            throw DossierCommands.validation(field, FieldIssue.NOT_TEXT);
        }
        return note.strip();
    }
}
