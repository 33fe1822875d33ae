package vn.motcua.dossier.usecase;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;

import vn.motcua.dossier.domain.Ratings;
import vn.motcua.dossier.store.DossierRepository;
import vn.motcua.identity.AccessPolicy;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;

/**
 * The applicant rates the service once the result is returned (đánh giá mức độ hài lòng): 1 to 5 and an optional
 * comment, once per dossier ({@link Ratings}). Whoever may supplement the dossier may rate it: the citizen who
 * submitted it or for whom it was submitted; anyone else finds no such dossier (404). The rating is written with a
 * history row and an outbox row ({@code rating}) for the national portal, in the dossier's tenants, widened inside
 * the transaction as for a supplement.
 */
@ApplicationScoped
public class RateDossier {

    private final ScopedTransactions transactions;
    private final DossierRepository repository;
    private final AccessPolicy policy;
    private final DossierWork work;

    RateDossier(ScopedTransactions transactions, DossierRepository repository, AccessPolicy policy, DossierWork work) {
        this.transactions = transactions;
        this.repository = repository;
        this.policy = policy;
        this.work = work;
    }

    /** Rates the dossier without the client's address in its history. */
    public Uni<RatingView> rate(Actor actor, String receiptCode, RatingInput input) {
        return rate(actor, receiptCode, input, null);
    }

    /** Rates the dossier; {@code remoteAddr} is where the request came from, kept in the history row. */
    public Uni<RatingView> rate(Actor actor, String receiptCode, RatingInput input, String remoteAddr) {
        policy.authorizeSelf(actor, Permission.RATE_OWN);
        DossierWork.By by = DossierWork.By.of(actor, null, remoteAddr);
        RatingInput in = input == null ? new RatingInput(null, null) : input;
        return transactions.onConnection(TenantScope.none().as(by.key()), conn -> work.load(conn, receiptCode)
                .map(d -> DossierWork.ownedBy(d, by.key()))
                .chain(d -> repository.rating(conn, d.id).chain(existing -> {
                    Ratings.Accepted a = Ratings.rate(d, existing.isPresent(), in.score(), in.comment());
                    // As PostgreSQL keeps it: what this answers is what every later read shows.
                    OffsetDateTime now = work.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
                    DossierRepository.Rating rating = new DossierRepository.Rating(d.id, d.tenantId, a.score(), a.comment(), by.key(), now);
                    DossierRepository.Event event = new DossierRepository.Event(d.id, d.tenantId, now, by.key(), by.name(), "rate",
                            d.status, d.status, null, new JsonObject().put("score", a.score()), by.remote());
                    DossierRepository.Outbox sync = new DossierRepository.Outbox(d.id, d.tenantId, "rating", new JsonObject()
                            .put("score", a.score()).put("comment", a.comment()).put("ratedAt", now.toString()));
                    // The history and the outbox rows are the dossier's tenants'.
                    return ScopedTransactions.widen(conn, TenantScope.of(d.tenants.toArray(String[]::new)))
                            .chain(() -> Uni.combine().all().unis(repository.insertRating(conn, rating), repository.insertEvent(conn, event),
                                    DossierRepository.insertOutbox(conn, List.of(sync))).discardItems())
                            .replaceWith(new RatingView(a.score(), a.comment(), now));
                })))
                .onFailure(RateDossier::isSecondRating)
                .transform(t -> new ProblemException(ProblemType.RATING_EXISTS, receiptCode));
    }

    /** Two ratings of one dossier at the same instant: the table's key refuses the second. */
    private static boolean isSecondRating(Throwable t) {
        return t instanceof PgException pg && "23505".equals(pg.getSqlState()) && DossierRepository.RATING_KEY.equals(pg.getConstraint());
    }
}
