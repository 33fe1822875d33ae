package vn.motcua.dossier.usecase;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import vn.motcua.dossier.domain.Dossier;
import vn.motcua.dossier.store.DossierQueries;
import vn.motcua.dossier.store.DossierRepository;
import vn.motcua.identity.AccessPolicy;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;

/**
 * Once only (khai thác dữ liệu đã có): the office working a dossier reads what the applicant's earlier dossiers, at
 * any office, hold — only with the consent given on this dossier, checked here and again by the database function
 * that reads across offices. Every such read is logged and shown to the citizen.
 */
@ApplicationScoped
public class ReusePriorData {

    private record Found(Dossier dossier, List<DossierQueries.Reusable> earlier) {
    }

    private final ScopedTransactions transactions;
    private final DossierRepository repository;
    private final DossierQueries queries;
    private final AccessPolicy policy;
    private final PersonalDataReads reads;

    ReusePriorData(ScopedTransactions transactions, DossierRepository repository, DossierQueries queries, AccessPolicy policy, PersonalDataReads reads) {
        this.transactions = transactions;
        this.repository = repository;
        this.queries = queries;
        this.policy = policy;
        this.reads = reads;
    }

    /** The earlier dossiers of the applicant of {@code receiptCode}, held by {@code tenant}; 403 without consent. */
    public Uni<List<DossierQueries.Reusable>> earlier(Actor actor, String tenant, String receiptCode, String remoteAddr) {
        return policy.authorize(actor, Permission.REUSE_PRIOR_DATA, tenant).chain(access -> transactions.onConnection(
                policy.actScope(actor).as(DossierWork.key(actor)), conn -> repository.find(conn, receiptCode, false).chain(found -> {
                    // The office holding it now; an office that forwarded it keeps its view, not this.
                    Dossier d = found.filter(x -> x.tenantId.equals(tenant))
                            .orElseThrow(() -> new ProblemException(ProblemType.DOSSIER_NOT_FOUND, receiptCode));
                    if (d.reuseConsentAt == null) {
                        throw new ProblemException(ProblemType.CONSENT_REQUIRED, receiptCode);
                    }
                    return queries.reusable(conn, d.id).map(list -> new Found(d, list));
                })))
                // Logged once the read has committed, in the audit log's own transaction.
                .call(f -> reads.reuse(actor, tenant, f.dossier(), f.earlier().stream().map(DossierQueries.Reusable::receiptCode).toList(),
                        remoteAddr))
                .map(Found::earlier);
    }
}
