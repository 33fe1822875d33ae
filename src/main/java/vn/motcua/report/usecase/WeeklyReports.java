package vn.motcua.report.usecase;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;
import vn.motcua.platform.i18n.MessageKeys;
import vn.motcua.report.ReportMessages;
import vn.motcua.report.store.ReportRows;
import vn.motcua.staff.StaffService;
import vn.motcua.tenant.Tenant;
import vn.motcua.tenant.TenantDirectory;

/**
 * The weekly report (báo cáo tuần): every Monday, each tenant's report of the week before (Monday to Sunday) as CSV
 * and PDF, kept in {@code report_weekly}, then e-mailed to the tenant's leaders with both files attached. Safe on
 * several replicas: a week already kept is skipped, the insert keeps the first one written if two replicas race, and
 * a week is e-mailed by the one replica that holds its row.
 */
@ApplicationScoped
public class WeeklyReports {

    private static final Logger LOG = Logger.getLogger(WeeklyReports.class);

    private final Reports reports;
    private final ReportRows rows;
    private final ScopedTransactions transactions;
    private final TenantDirectory tenants;
    private final StaffService staff;
    private final ReactiveMailer mailer;

    WeeklyReports(Reports reports, ReportRows rows, ScopedTransactions transactions, TenantDirectory tenants, StaffService staff,
            ReactiveMailer mailer) {
        this.staff = staff;
        this.mailer = mailer;
        this.reports = reports;
        this.rows = rows;
        this.transactions = transactions;
        this.tenants = tenants;
    }

    /** The Monday starting the last whole week before {@code today}. */
    public static LocalDate lastWeek(LocalDate today) {
        return today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
    }

    /** Writes the week starting {@code weekStart} for every tenant that has none yet: how many were written. */
    public Uni<Integer> write(LocalDate weekStart) {
        return tenants.tree().chain(tree -> {
            List<String> codes = tree.all().stream().map(Tenant::code).toList();
            return Multi.createFrom().iterable(codes).onItem().transformToUniAndConcatenate(code -> one(code, weekStart))
                    .collect().asList().map(done -> (int) done.stream().filter(b -> b).count());
        });
    }

    /** How far back a week's report not yet e-mailed is still sent: a report older than this is stale news. */
    static final int SEND_WEEKS = 2;

    /**
     * E-mails every weekly report of the last {@value #SEND_WEEKS} weeks not yet sent to its tenant's leaders, CSV and
     * PDF attached: how many were sent. Each is locked while it is sent ({@code SKIP LOCKED}: a replica sending one makes
     * the others pass it), then marked sent in the same transaction, so two replicas never send one twice; a failure is
     * recorded on the row and the next run tries again. A tenant without a leader with an e-mail address is marked sent
     * to nobody.
     */
    public Uni<Integer> send(LocalDate today) {
        LocalDate since = lastWeek(today).minusWeeks(SEND_WEEKS - 1);
        return tenants.tree().chain(tree -> Multi.createFrom().iterable(tree.all())
                .onItem().transformToUniAndConcatenate(t -> sendFor(t, since).onFailure().recoverWithItem(e -> {
                    LOG.warnf("weekly report of %s not e-mailed (%s); the next run tries again", t.code(), e.toString());
                    return 0;
                }))
                .collect().asList().map(done -> done.stream().mapToInt(Integer::intValue).sum()));
    }

    private Uni<Integer> sendFor(Tenant tenant, LocalDate since) {
        TenantScope scope = TenantScope.of(tenant.code()).as(RefreshReports.ACTOR);
        return transactions.onConnection(scope, conn -> rows.unsentWeeks(conn, tenant.code(), since)).chain(weeks -> weeks.isEmpty()
                ? Uni.createFrom().item(0)
                : staff.leaderAddresses(tenant.code()).chain(to -> Multi.createFrom().iterable(weeks).onItem()
                        .transformToUniAndConcatenate(week -> transactions.onConnection(scope, conn -> rows.lockUnsent(conn, tenant.code(), week)
                                .chain(found -> found.isEmpty() ? Uni.createFrom().item(0)
                                        : mail(tenant, found.get(), to).chain(() -> rows.weeklySent(conn, tenant.code(), week, to.size())).replaceWith(1)
                                                .onFailure().recoverWithUni(e -> rows.weeklyFailed(conn, tenant.code(), week, String.valueOf(e.getMessage()))
                                                        .replaceWith(0)))))
                        .collect().asList().map(done -> done.stream().mapToInt(Integer::intValue).sum())));
    }

    /** The e-mail of one week's report, in Vietnamese, the two files attached; nothing to send without an address. */
    private Uni<Void> mail(Tenant tenant, ReportRows.Unsent report, List<String> to) {
        if (to.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        java.util.Locale vi = java.util.Locale.forLanguageTag("vi");
        String from = report.weekStart().format(DAY);
        String until = report.weekStart().plusDays(6).format(DAY);
        String name = tenant.name().in(vi);
        String file = "bao-cao-tuan-" + tenant.code() + "-" + report.weekStart();
        Mail mail = new Mail().setTo(to)
                .setSubject(MessageKeys.text(ReportMessages.class, vi, "weekly_mail_subject", List.of(name, from, until)))
                .setText(String.join("\n\n", MessageKeys.text(ReportMessages.class, vi, "weekly_mail_greeting", List.of(name)),
                        MessageKeys.text(ReportMessages.class, vi, "weekly_mail_body", List.of(from, until)),
                        MessageKeys.text(ReportMessages.class, vi, "weekly_mail_footer")))
                .addAttachment(file + ".pdf", report.pdf(), "application/pdf")
                // The CSV as kept: UTF-8 with its byte-order mark, so a spreadsheet reads the Vietnamese right.
                .addAttachment(file + ".csv", report.csv().getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv; charset=UTF-8")
                // The same id on every attempt: a resend after a lost answer is recognizably the same message.
                .addHeader("Message-ID", "<weekly-" + tenant.code() + "-" + report.weekStart() + "@motcua>");
        return mailer.send(mail).ifNoItem().after(MAIL_TIMEOUT).fail();
    }

    static final java.time.Duration MAIL_TIMEOUT = java.time.Duration.ofSeconds(30);
    static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Uni<Boolean> one(String tenant, LocalDate weekStart) {
        TenantScope scope = TenantScope.of(tenant).as(RefreshReports.ACTOR);
        return transactions.onConnection(scope, conn -> rows.hasWeekly(conn, tenant, weekStart)).chain(has -> has
                ? Uni.createFrom().item(false)
                : reports.forService(tenant, weekStart, weekStart.plusDays(6)).chain(r -> ReportFiles.pdf(r)
                        .chain(pdf -> transactions.onConnection(scope, conn -> rows.keepWeekly(conn, tenant, weekStart, ReportFiles.csv(r), pdf)))));
    }
}
