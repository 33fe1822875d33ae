package vn.motcua.payment.usecase;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import vn.motcua.dossier.domain.DossierStatus;
import vn.motcua.dossier.usecase.DossierStatuses;
import vn.motcua.payment.PaymentConfig;
import vn.motcua.payment.domain.Payment;
import vn.motcua.payment.domain.PaymentState;
import vn.motcua.payment.gateway.VnpayGateway;
import vn.motcua.tenant.Tenant;
import vn.motcua.tenant.TenantDirectory;

/**
 * Reconciliation (đối soát) with the gateway, on a timer on every replica (each payment is re-read and locked before it
 * moves, so two replicas never move one twice):
 * <ol>
 * <li>a pending online payment older than a minute is asked about ({@code querydr}): paid there → paid here, with its
 * receipt (the callback that never came); failed there → failed; still nothing after its expiry → expired;</li>
 * <li>a paid online payment whose dossier the desk refused (từ chối tiếp nhận) is refunded: refund requested first
 * (recorded), then the gateway's {@code refund}; refunded once the gateway accepts, retried on the next run
 * otherwise.</li>
 * </ol>
 */
@ApplicationScoped
public class Reconciliation {

    private static final Logger LOG = Logger.getLogger(Reconciliation.class);
    static final int BATCH = 200;

    /** What one run did, for the tests and the log. */
    public record Run(int paid, int failed, int expired, int refundRequested, int refunded) {
    }

    private final Payments payments;
    private final VnpayGateway gateway;
    private final DossierStatuses dossiers;
    private final TenantDirectory tenants;
    private final PaymentConfig config;

    Reconciliation(Payments payments, VnpayGateway gateway, DossierStatuses dossiers, TenantDirectory tenants, PaymentConfig config) {
        this.payments = payments;
        this.gateway = gateway;
        this.dossiers = dossiers;
        this.tenants = tenants;
        this.config = config;
    }

    void start(@Observes StartupEvent ev, Vertx vertx) {
        long every = config.reconcileEvery().toMillis();
        if (every > 0) {
            vertx.setPeriodic(every, id -> run().subscribe().with(r -> LOG.debugf("payments reconciled: %s", r),
                    t -> LOG.warn("payment reconciliation failed; next run retries", t)));
        }
    }

    /** One run over every tenant. */
    public Uni<Run> run() {
        return run(payments.now());
    }

    /** One run as of an instant (the tests' clock: a payment must be a minute old before it is asked about). */
    public Uni<Run> run(OffsetDateTime now) {
        return tenants.tree().chain(tree -> {
            Set<String> all = tree.all().stream().map(Tenant::code).collect(Collectors.toSet());
            return payments.open(all, PaymentState.PENDING, now.minusMinutes(1), BATCH)
                    .chain(pending -> Multi.createFrom().iterable(pending).filter(Payment::online)
                            .onItem().transformToUniAndConcatenate(p -> query(p, now)).collect().asList())
                    .chain(moved -> refunds(all, now).map(refunds -> {
                        int paid = (int) moved.stream().filter(s -> s == PaymentState.PAID).count();
                        int failed = (int) moved.stream().filter(s -> s == PaymentState.FAILED).count();
                        int expired = (int) moved.stream().filter(s -> s == PaymentState.EXPIRED).count();
                        return new Run(paid, failed, expired, refunds[0], refunds[1]);
                    }));
        });
    }

    /** Asks the gateway about one pending payment, and moves it by its answer; its state after (or null: unchanged). */
    Uni<PaymentState> query(Payment p, OffsetDateTime now) {
        return gateway.query(p, now).chain(a -> {
            if (!a.signed() || !"00".equals(a.responseCode()) || !String.valueOf(p.amount() * 100).equals(a.body().getString("vnp_Amount"))) {
                return expireIfDue(p, now);
            }
            JsonObject detail = new JsonObject().put("vnp_TransactionStatus", a.transactionStatus()).put("vnp_ResponseCode", a.responseCode());
            String status = a.transactionStatus();
            if ("00".equals(status)) {
                return payments.move(p, PaymentState.PENDING, PaymentState.PAID, a.body().getString("vnp_TransactionNo"),
                        a.body().getString("vnp_BankCode"), a.body().getString("vnp_PayDate"), "querydr", detail).map(m -> state(m));
            }
            if ("02".equals(status)) {
                return payments.move(p, PaymentState.PENDING, PaymentState.FAILED, null, null, null, "querydr", detail).map(m -> state(m));
            }
            return expireIfDue(p, now);
        }).onFailure().recoverWithItem(t -> {
            LOG.warnf("querydr for %s failed (%s); next run retries", p.txnRef(), t.getMessage());
            return null;
        });
    }

    private Uni<PaymentState> expireIfDue(Payment p, OffsetDateTime now) {
        if (p.expiresAt() == null || p.expiresAt().plusMinutes(15).isAfter(now)) {
            return Uni.createFrom().nullItem();
        }
        return payments.move(p, PaymentState.PENDING, PaymentState.EXPIRED, null, null, null, "expiry", new JsonObject()).map(m -> state(m));
    }

    private static PaymentState state(Optional<Payment> moved) {
        return moved.map(Payment::state).orElse(null);
    }

    /** Refunds the paid online payments of refused dossiers; returns {requested, refunded}. */
    Uni<int[]> refunds(Set<String> all, OffsetDateTime now) {
        Uni<List<Payment>> paid = payments.open(all, PaymentState.PAID, now.plusSeconds(1), BATCH);
        Uni<List<Payment>> requested = payments.open(all, PaymentState.REFUND_REQUESTED, now.plusSeconds(1), BATCH);
        return Uni.combine().all().unis(paid, requested).asTuple().chain(t -> {
            List<Payment> online = new ArrayList<>(t.getItem1().stream().filter(Payment::online).toList());
            List<UUID> ids = online.stream().map(Payment::dossierId).distinct().toList();
            return dossiers.of(all, ids).chain(statuses -> {
                List<Payment> toRefund = online.stream().filter(p -> statuses.get(p.dossierId()) == DossierStatus.REFUSED
                        || paidTwice(p, t.getItem1())).toList();
                return Multi.createFrom().iterable(toRefund)
                        .onItem().transformToUniAndConcatenate(p -> payments.move(p, PaymentState.PAID, PaymentState.REFUND_REQUESTED,
                                p.gatewayTxnNo(), p.bankCode(), p.gatewayDate(), "refund", new JsonObject().put("reason", paidTwice(p, t.getItem1()) ? "paid-twice" : "dossier-refused")))
                        .collect().asList()
                        .chain(moved -> {
                            List<Payment> toSend = new ArrayList<>(t.getItem2());
                            moved.forEach(m -> m.ifPresent(toSend::add));
                            return Multi.createFrom().iterable(toSend).onItem().transformToUniAndConcatenate(p -> refund(p, now))
                                    .collect().asList()
                                    .map(done -> new int[] { (int) moved.stream().filter(Optional::isPresent).count(),
                                            (int) done.stream().filter(Boolean::booleanValue).count() });
                        });
            });
        });
    }

    /**
     * An online payment the gateway confirmed after the same dossier's fee was already paid (at the counter while the
     * citizen was on the gateway's page, say): the later one goes back.
     */
    static boolean paidTwice(Payment p, List<Payment> paid) {
        return paid.stream().anyMatch(o -> !o.id().equals(p.id()) && o.dossierId().equals(p.dossierId()) && o.paidAt() != null
                && p.paidAt() != null && o.paidAt().isBefore(p.paidAt()));
    }

    /** Sends one refund to the gateway; refunded once it says {@code 00}. */
    private Uni<Boolean> refund(Payment p, OffsetDateTime now) {
        return gateway.refund(p, "motcua", now).chain(a -> {
            if (a.signed() && "00".equals(a.responseCode())) {
                return payments.move(p, PaymentState.REFUND_REQUESTED, PaymentState.REFUNDED, p.gatewayTxnNo(), p.bankCode(), p.gatewayDate(),
                        "refund", new JsonObject().put("vnp_ResponseCode", a.responseCode())
                                .put("vnp_TransactionNo", a.body().getString("vnp_TransactionNo")))
                        .map(Optional::isPresent);
            }
            LOG.warnf("refund of %s not accepted (%s); next run retries", p.txnRef(), a.signed() ? a.responseCode() : "bad checksum");
            return Uni.createFrom().item(false);
        }).onFailure().recoverWithItem(t -> {
            LOG.warnf("refund of %s failed (%s); next run retries", p.txnRef(), t.getMessage());
            return false;
        });
    }

}
