package vn.motcua.payment.usecase;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import vn.motcua.audit.AuditService;
import vn.motcua.dossier.domain.Dossier;
import vn.motcua.dossier.domain.DossierStatus;
import vn.motcua.dossier.usecase.ReadDossier;
import vn.motcua.identity.AccessPolicy;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.payment.domain.Payment;
import vn.motcua.payment.domain.PaymentState;
import vn.motcua.payment.domain.Vnpay;
import vn.motcua.payment.gateway.VnpayGateway;
import vn.motcua.payment.store.PaymentRows;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;
import vn.motcua.platform.error.FieldIssue;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;

/**
 * Paying a dossier's fee (nộp lệ phí): reading where it stands, starting an online payment, the gateway's callback,
 * the citizen's return, and a payment taken at the counter. Each operation authorizes (through the dossier's own
 * read, which decides who may see the dossier), then works in one transaction scoped to the tenant that charges the
 * fee, writes the payment's history, and hands back a view.
 *
 * <p>The amount due is the dossier's fee, fixed when it was submitted from the catalog's fee for its channel (online
 * fees may be lower) and the competent office's own override (never above the catalog's): see docs/payments.md.
 */
@ApplicationScoped
public class Payments {

    private static final Logger LOG = Logger.getLogger(Payments.class);
    /** The gateway's actor in histories and row-level security settings. */
    static final String GATEWAY_ACTOR = "gateway:vnpay";

    private final ScopedTransactions transactions;
    private final PaymentRows rows;
    private final ReadDossier dossiers;
    private final AccessPolicy policy;
    private final AuditService audit;
    private final VnpayGateway gateway;
    Clock clock = Clock.systemUTC();

    Payments(ScopedTransactions transactions, PaymentRows rows, ReadDossier dossiers, AccessPolicy policy, AuditService audit,
            VnpayGateway gateway) {
        this.transactions = transactions;
        this.rows = rows;
        this.dossiers = dossiers;
        this.policy = policy;
        this.audit = audit;
        this.gateway = gateway;
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    static String key(Actor actor) {
        return actor.realm().id() + ":" + actor.subject();
    }

    /** The tenant that charges a dossier's fee: its competent office. */
    static String chargingTenant(Dossier d) {
        return d.competentTenant != null ? d.competentTenant : d.tenantId;
    }

    /** A dossier's payment, for its applicant (or an officer reading it across tenants). */
    public Uni<PaymentView> ofOwnDossier(Actor actor, String receiptCode, String remoteAddr) {
        return dossiers.read(actor, receiptCode, remoteAddr).chain(r -> view(r.dossier(), !actor.isStaff()));
    }

    /** A dossier's payment read through one of the officer's tenants. */
    public Uni<PaymentView> ofDossierAt(Actor actor, String tenant, String receiptCode, String remoteAddr) {
        return dossiers.readAt(actor, tenant, receiptCode, remoteAddr).chain(r -> view(r.dossier(), false));
    }

    /**
     * The payment of a dossier another use case has just read for this reader (its page): the read is the
     * authorization; its applicant may pay online.
     */
    public Uni<PaymentView> of(vn.motcua.dossier.usecase.DossierRead read) {
        return view(read.dossier(), !read.officer());
    }

    private Uni<PaymentView> view(Dossier d, boolean canPayOnline) {
        String tenant = chargingTenant(d);
        return transactions.onConnection(TenantScope.of(tenant), conn -> rows.ofDossier(conn, d.id, false)
                .chain(list -> histories(conn, list)
                        .map(h -> PaymentView.of(d.receiptCode, d.channel, d.fee, list, h, canPayOnline && payableStatus(d.status)))));
    }

    private Uni<List<List<PaymentRows.Event>>> histories(SqlConnection conn, List<Payment> list) {
        if (list.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.join().all(list.stream().map(p -> rows.history(conn, p.id())).toList()).andFailFast();
    }

    /** A dossier the office refused or closed takes no new payment. */
    static boolean payableStatus(DossierStatus s) {
        return !s.closed() && s != DossierStatus.REJECTED;
    }

    /** Where the citizen's browser goes next: the gateway's page, signed. */
    public record Redirect(String url, String txnRef) {
    }

    /**
     * Starts an online payment of the dossier's fee: a new pending payment (a new gateway reference each time: the
     * gateway takes a reference once) and the signed redirect. Refused (409 {@code nothing-to-pay}) when the fee is 0
     * or already paid, and for a dossier that is closed.
     */
    public Uni<Redirect> startOnline(Actor actor, String receiptCode, String clientIp, String locale) {
        policy.authorizeSelf(actor, Permission.PAY_OWN);
        OffsetDateTime now = now();
        return dossiers.read(actor, receiptCode, clientIp).chain(r -> {
            Dossier d = r.dossier();
            if (d.fee <= 0 || !payableStatus(d.status)) {
                throw new ProblemException(ProblemType.NOTHING_TO_PAY, d.receiptCode);
            }
            String tenant = chargingTenant(d);
            UUID id = UUID.randomUUID();
            Payment p = new Payment(id, tenant, d.id, d.receiptCode, id.toString().replace("-", ""), Payment.GATEWAY, d.channel, d.fee,
                    PaymentState.PENDING, null, null, null, null, null, key(actor), null, null, now, now.plus(gateway.expireAfter()));
            return transactions.onConnection(TenantScope.of(tenant).as(key(actor)), conn -> rows.ofDossier(conn, d.id, true)
                    .chain(existing -> {
                        requireUnpaid(existing, d.receiptCode);
                        return rows.insert(conn, p).chain(() -> rows.event(conn, p, "start", null, key(actor), actor.displayName(),
                                new JsonObject().put("amount", p.amount()).put("channel", p.channel())));
                    }))
                    .map(v -> new Redirect(gateway.payUrl(p, clientIp, locale, now), p.txnRef()));
        });
    }

    /**
     * The gateway's server-to-server callback (IPN). Its signature first (a forged one changes nothing and is
     * logged), then the payment by its reference, the amount against the stored one, and once only: a repeated
     * callback is answered {@code 02} and changes nothing. A successful payment gets its electronic receipt number in
     * the same transaction.
     */
    public Uni<Vnpay.IpnAnswer> ipn(Map<String, String> params, String remoteAddr) {
        if (!gateway.verify(params)) {
            LOG.warnf("payment callback refused, bad signature: txnRef=%s from %s", clean(params.get("vnp_TxnRef")), remoteAddr);
            return Uni.createFrom().item(Vnpay.IpnAnswer.INVALID_SIGNATURE);
        }
        String txnRef = params.get("vnp_TxnRef");
        if (txnRef == null || !txnRef.matches("[A-Za-z0-9]{1,40}")) {
            return Uni.createFrom().item(Vnpay.IpnAnswer.ORDER_NOT_FOUND);
        }
        OffsetDateTime now = now();
        return transactions.onConnection(TenantScope.none(), conn -> rows.tenantOf(conn, txnRef)).chain(tenant -> {
            if (tenant.isEmpty()) {
                LOG.warnf("payment callback for an unknown reference %s from %s", txnRef, remoteAddr);
                return Uni.createFrom().item(Vnpay.IpnAnswer.ORDER_NOT_FOUND);
            }
            return transactions.onConnection(TenantScope.of(tenant.get()).as(GATEWAY_ACTOR), conn -> rows.lockByTxnRef(conn, txnRef)
                    .chain(found -> {
                        Vnpay.IpnDecision decision = Vnpay.decide(found, params);
                        if (decision.answer() != Vnpay.IpnAnswer.CONFIRMED) {
                            LOG.warnf("payment callback for %s answered %s (%s) from %s", txnRef, decision.answer().code,
                                    decision.answer().message, remoteAddr);
                        }
                        if (decision.moveTo().isEmpty()) {
                            return Uni.createFrom().item(decision.answer());
                        }
                        Payment p = found.get();
                        JsonObject detail = gatewayDetail(params);
                        return settle(conn, p, decision.moveTo().get(), params.get("vnp_TransactionNo"), params.get("vnp_BankCode"),
                                params.get("vnp_PayDate"), "ipn", GATEWAY_ACTOR, "VNPAY", detail, now).replaceWith(decision.answer());
                    }));
        });
    }

    /** Moves a payment to {@code to}, with a receipt number when it becomes paid, and writes its history. */
    Uni<Payment> settle(SqlConnection conn, Payment p, PaymentState to, String txnNo, String bank, String date, String source,
            String actor, String actorName, JsonObject detail, OffsetDateTime now) {
        if (!p.state().canMoveTo(to)) {
            throw new IllegalStateException(p.state() + " → " + to);
        }
        Uni<Payment> next = to == PaymentState.PAID
                ? rows.nextReceiptNumber(conn, p.tenant(), now.atZoneSameInstant(Vnpay.VIETNAM).getYear())
                        .map(no -> p.paid(bounded(txnNo), bounded(bank), date != null && date.matches("\\d{14}") ? date : null, no, now))
                : Uni.createFrom().item(p.withState(to));
        return next.call(n -> rows.update(conn, n)).call(n -> rows.event(conn, n, source, p.state(), actor, actorName, detail));
    }

    /** What the return page shows: the payment as stored (the parameters only name it; they change nothing). */
    public record Outcome(boolean signed, String receiptCode, PaymentState state, long amount, String eReceiptNo, String gatewayCode) {
    }

    /**
     * The citizen's browser back from the gateway. The signature is checked so that a forged link shows nothing, but
     * the state shown is the stored one: only the callback or the reconciliation moves a payment.
     */
    public Uni<Outcome> returned(Map<String, String> params) {
        String txnRef = params.get("vnp_TxnRef");
        if (!gateway.verify(params) || txnRef == null || !txnRef.matches("[A-Za-z0-9]{1,40}")) {
            return Uni.createFrom().item(new Outcome(false, null, null, 0, null, null));
        }
        return transactions.onConnection(TenantScope.none(), conn -> rows.tenantOf(conn, txnRef)).chain(tenant -> tenant.isEmpty()
                ? Uni.createFrom().item(new Outcome(false, null, null, 0, null, null))
                : transactions.onConnection(TenantScope.of(tenant.get()), conn -> rows.byTxnRef(conn, txnRef))
                        .map(found -> found.map(p -> new Outcome(true, p.receiptCode(), p.state(), p.amount(), p.eReceiptNo(),
                                clean(params.get("vnp_ResponseCode")))).orElse(new Outcome(false, null, null, 0, null, null))));
    }

    /** The counter-payment form's read: for an officer who may record one here (403 otherwise). */
    public Uni<PaymentView> forCounter(Actor actor, String tenant, String receiptCode, String remoteAddr) {
        return policy.authorize(actor, Permission.RECORD_PAYMENT, tenant).chain(access -> ofDossierAt(actor, tenant, receiptCode, remoteAddr));
    }

    /** What an officer posts for a counter payment: the method ({@code cash} or {@code pos}) and the amount taken. */
    public record CounterInput(String method, String amount) {
    }

    /**
     * A fee paid at the desk: cash or card terminal, the amount (which must be the dossier's fee), taken by the
     * officer, with its electronic receipt number issued at once. Pending online attempts are left to the gateway;
     * the dossier takes no second payment.
     */
    public Uni<PaymentView> recordCounter(Actor actor, String tenant, String receiptCode, CounterInput input, String remoteAddr) {
        return policy.authorize(actor, Permission.RECORD_PAYMENT, tenant)
                .chain(access -> dossiers.readAt(actor, tenant, receiptCode, remoteAddr)).chain(r -> {
                    Dossier d = r.dossier();
                    CounterInput in = input == null ? new CounterInput(null, null) : input;
                    List<ProblemException.FieldError> errors = new ArrayList<>();
                    String method = in.method() == null ? "" : in.method().strip();
                    if (method.isEmpty()) {
                        errors.add(ProblemException.FieldError.of("method", FieldIssue.REQUIRED));
                    } else if (!method.equals(Payment.CASH) && !method.equals(Payment.POS)) {
                        errors.add(ProblemException.FieldError.of("method", FieldIssue.NOT_AN_OPTION));
                    }
                    String amount = in.amount() == null ? "" : in.amount().strip().replace(".", "").replace(",", "").replace(" ", "");
                    if (amount.isEmpty()) {
                        errors.add(ProblemException.FieldError.of("amount", FieldIssue.REQUIRED));
                    } else if (!amount.matches("\\d{1,10}")) {
                        errors.add(ProblemException.FieldError.of("amount", FieldIssue.NOT_WHOLE_NUMBER));
                    } else if (Long.parseLong(amount) != d.fee) {
                        errors.add(ProblemException.FieldError.of("amount", FieldIssue.NOT_THE_FEE, d.fee));
                    }
                    if (!errors.isEmpty()) {
                        throw new ProblemException(ProblemType.VALIDATION_FAILED, errors);
                    }
                    if (d.fee <= 0) {
                        throw new ProblemException(ProblemType.NOTHING_TO_PAY, d.receiptCode);
                    }
                    String charging = chargingTenant(d);
                    OffsetDateTime now = now();
                    UUID id = UUID.randomUUID();
                    Payment p = new Payment(id, charging, d.id, d.receiptCode, id.toString().replace("-", ""), method, d.channel, d.fee,
                            PaymentState.PENDING, null, null, null, null, null, key(actor), key(actor), actor.displayName(), now, null);
                    return transactions.onConnection(TenantScope.of(charging).as(key(actor)), conn -> rows.ofDossier(conn, d.id, true)
                            .chain(existing -> {
                                requireUnpaid(existing, d.receiptCode);
                                return rows.insert(conn, p)
                                        .chain(() -> settle(conn, p, PaymentState.PAID, null, null, null, "counter", key(actor),
                                                actor.displayName(), new JsonObject().put("method", method).put("amount", d.fee), now))
                                        .call(paid -> audit.recordChange(conn, actor, charging, "payment.record-counter", d.receiptCode,
                                                new JsonObject().put("method", method).put("amount", d.fee).put("eReceipt", paid.eReceiptNo()),
                                                remoteAddr));
                            }))
                            .chain(v -> view(d, false));
                });
    }

    /** A dossier is paid once: refused (409) when one of its payments was made (even if refunded since). */
    static void requireUnpaid(List<Payment> existing, String receiptCode) {
        if (existing.stream().anyMatch(e -> e.state().settled() || e.state() == PaymentState.REFUNDED)) {
            throw new ProblemException(ProblemType.NOTHING_TO_PAY, receiptCode);
        }
    }

    static JsonObject gatewayDetail(Map<String, String> params) {
        JsonObject detail = new JsonObject();
        for (String k : List.of("vnp_ResponseCode", "vnp_TransactionStatus", "vnp_TransactionNo", "vnp_BankCode", "vnp_PayDate", "vnp_Amount")) {
            String v = clean(params.get(k));
            if (v != null) {
                detail.put(k, v);
            }
        }
        return detail;
    }

    /** A gateway value fit for a log line or a column: letters, digits and a few marks, at most 40. */
    static String clean(String s) {
        if (s == null) {
            return null;
        }
        String c = s.replaceAll("[^A-Za-z0-9._-]", "");
        return c.length() > 40 ? c.substring(0, 40) : c;
    }

    static String bounded(String s) {
        return clean(s);
    }

    /** For the reconciliation: the payments of a state created before an instant, in these tenants. */
    Uni<List<Payment>> open(java.util.Set<String> tenants, PaymentState state, OffsetDateTime before, int limit) {
        return transactions.onConnection(new TenantScope(tenants), conn -> rows.inState(conn, state, before, limit));
    }

    /** Moves one payment under its tenant's scope, re-read and locked, if it is still in {@code from}. */
    Uni<Optional<Payment>> move(Payment p, PaymentState from, PaymentState to, String txnNo, String bank, String date, String source,
            JsonObject detail) {
        OffsetDateTime now = now();
        return transactions.onConnection(TenantScope.of(p.tenant()).as(GATEWAY_ACTOR), conn -> rows.lockByTxnRef(conn, p.txnRef())
                .chain(found -> found.isEmpty() || found.get().state() != from || !from.canMoveTo(to)
                        ? Uni.createFrom().item(Optional.<Payment>empty())
                        : settle(conn, found.get(), to, txnNo, bank, date, source, "system:reconciliation", "Đối soát", detail, now)
                                .map(Optional::of)));
    }
}
