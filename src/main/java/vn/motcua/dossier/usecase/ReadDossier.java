package vn.motcua.dossier.usecase;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import vn.motcua.dossier.domain.Dossier;
import vn.motcua.dossier.store.DossierQueries;
import vn.motcua.dossier.store.AttachmentRecord;
import vn.motcua.dossier.store.DossierRepository;
import vn.motcua.identity.AccessPolicy;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.tenant.TenantDirectory;

/**
 * Reading a dossier (xem hồ sơ): by its applicant, or by staff who may see it, with its history, parts, files and the
 * applicant's rating.
 * Every read by staff is logged as a read of the applicant's personal data ({@link PersonalDataReads}), here and
 * nowhere else.
 */
@ApplicationScoped
public class ReadDossier {

    private final ScopedTransactions transactions;
    private final DossierRepository repository;
    private final DossierQueries queries;
    private final TenantDirectory tenants;
    private final AccessPolicy policy;
    private final PersonalDataReads reads;
    private final DossierWork work;

    ReadDossier(ScopedTransactions transactions, DossierRepository repository, DossierQueries queries, TenantDirectory tenants, AccessPolicy policy,
            PersonalDataReads reads, DossierWork work) {
        this.transactions = transactions;
        this.repository = repository;
        this.queries = queries;
        this.tenants = tenants;
        this.policy = policy;
        this.reads = reads;
        this.work = work;
    }

    /** A dossier its applicant or a staff member who may see it reads; 404 for anyone else. */
    public Uni<DossierRead> read(Actor actor, String receiptCode, String remoteAddr) {
        return load(actor, receiptCode)
                .call(r -> reads.staffRead(actor, r.dossier(), "dossier.read", r.dossier().receiptCode, remoteAddr));
    }

    /**
     * A dossier read through one tenant (an officer's page of that tenant): the officer must be able to read that
     * tenant's dossiers, and the dossier must have been held by it (404 when seen only through another of theirs).
     */
    public Uni<DossierRead> readAt(Actor actor, String tenant, String receiptCode, String remoteAddr) {
        return loadAt(actor, tenant, receiptCode).call(r -> reads.staffRead(actor, r.dossier(), "dossier.read", r.dossier().receiptCode, remoteAddr));
    }

    /** {@link #readAt}'s read, not logged: for the use cases that log what they read of it ({@link OfficialForms}). */
    Uni<DossierRead> loadAt(Actor actor, String tenant, String receiptCode) {
        return policy.authorize(actor, Permission.READ_DOSSIER, tenant).chain(access -> load(actor, receiptCode))
                .invoke(r -> DossierWork.seenThrough(r.dossier(), tenant));
    }

    /** The dossiers a citizen submitted or that name them, newest first. */
    public Uni<List<DossierRead>> mine(Actor actor, int limit) {
        return transactions.onConnection(TenantScope.none().as(DossierWork.key(actor)),
                conn -> queries.mine(conn, DossierWork.key(actor), limit))
                .map(list -> list.stream().map(d -> DossierRead.brief(d, false, work.now())).toList());
    }

    /**
     * The read itself, not logged: for the use cases that log what they read of it ({@link AttachmentService}).
     * Row-level security decides what the reader sees: staff their tenants and those below, anyone their own.
     */
    Uni<DossierRead> load(Actor actor, String receiptCode) {
        return tenants.tree().chain(tree -> {
            TenantScope scope = (actor.isStaff() ? policy.readScope(actor, tree) : TenantScope.none()).as(DossierWork.key(actor));
            return transactions.onConnection(scope, conn -> repository.find(conn, receiptCode, false).chain(found -> {
                Dossier d = found.orElseThrow(() -> new ProblemException(ProblemType.DOSSIER_NOT_FOUND, receiptCode));
                Uni<List<DossierRepository.Event>> history = repository.history(conn, d.id);
                Uni<List<Dossier>> parts = repository.parts(conn, d.id, false);
                Uni<Optional<Dossier>> parent = d.parentId == null ? Uni.createFrom().item(Optional.empty())
                        : repository.findById(conn, d.parentId);
                Uni<List<AttachmentRecord>> files = repository.attachments(conn, d.id);
                Uni<Optional<DossierRepository.Rating>> rating = repository.rating(conn, d.id);
                return Uni.combine().all().unis(history, parts, parent, files, rating)
                        .with((h, p, up, f, r) -> new DossierRead(d, h, p, up.orElse(null), f,
                                r.map(x -> new RatingView(x.score(), x.comment(), x.ratedAt())).orElse(null), actor.isStaff(), work.now()));
            }));
        });
    }
}
