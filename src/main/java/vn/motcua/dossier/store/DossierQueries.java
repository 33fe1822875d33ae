package vn.motcua.dossier.store;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.motcua.dossier.domain.Dossier;
import vn.motcua.dossier.domain.DossierStatus;

/**
 * The dossier table's lists, each read in one statement on the connection of a scoped transaction: a tenant's work
 * queue, a citizen's own dossiers, a post office's, the public look-up and the applicant's earlier dossiers for
 * once-only reuse. {@link DossierRepository} loads and writes single dossiers.
 */
@ApplicationScoped
public class DossierQueries {

    /** A row of the work queue: what an officer's list shows, read from the dossier table alone. */
    public record QueueRow(UUID id, String receiptCode, String procedureCode, DossierStatus status, String applicantName,
            OffsetDateTime submittedAt, OffsetDateTime dueAt, boolean paused, Long minutesLeft, String stepCode,
            String holderName) {
    }

    /**
     * One page of a tenant's open dossiers, soonest due first, after the keyset {@code (afterDue, afterId)}. The
     * partial index on {@code (tenant_id, due_at, id)} serves it without sorting, however long the queue grows.
     */
    public Uni<List<QueueRow>> queue(SqlConnection conn, String tenant, DossierStatus status, OffsetDateTime dueBefore,
            OffsetDateTime afterDue, UUID afterId, int limit) {
        StringBuilder sql = new StringBuilder("""
                select d.id, d.receipt_code, d.procedure_code, d.status, d.applicant_name, d.submitted_at, d.due_at,
                       d.minutes_left, d.step_code, d.holder_name
                  from dossier d where d.tenant_id = $1 and d.closed_at is null""");
        List<Object> args = new ArrayList<>(List.of(tenant));
        if (status != null) {
            args.add(status.wire());
            sql.append(" and d.status = $").append(args.size());
        }
        if (dueBefore != null) {
            args.add(dueBefore);
            sql.append(" and d.due_at < $").append(args.size());
        }
        if (afterDue != null) {
            args.add(afterDue);
            args.add(afterId);
            sql.append(" and (d.due_at, d.id) > ($").append(args.size() - 1).append(", $").append(args.size()).append(")");
        }
        args.add(limit);
        sql.append(" order by d.due_at, d.id limit $").append(args.size());
        return conn.preparedQuery(sql.toString()).execute(Tuple.tuple(args)).map(rows -> {
            List<QueueRow> out = new ArrayList<>();
            rows.forEach(r -> {
                DossierStatus st = DossierStatus.of(r.getString("status"));
                out.add(new QueueRow(r.getUUID("id"), r.getString("receipt_code"), r.getString("procedure_code"), st,
                        r.getString("applicant_name"), r.getOffsetDateTime("submitted_at"), r.getOffsetDateTime("due_at"),
                        st == DossierStatus.SUPPLEMENT_REQUESTED, r.getLong("minutes_left"), r.getString("step_code"),
                        r.getString("holder_name")));
            });
            return out;
        });
    }

    /** The dossiers an actor submitted or that name them as applicant, newest first. */
    public Uni<List<Dossier>> mine(SqlConnection conn, String actor, int limit) {
        return conn.preparedQuery("select " + DossierRows.SELECT + " from dossier d where (d.submitted_by = $1 or d.applicant_actor = $1) "
                + "and d.parent_id is null order by d.submitted_at desc limit $2").execute(Tuple.of(actor, limit))
                .map(rows -> {
                    List<Dossier> out = new ArrayList<>();
                    rows.forEach(r -> out.add(DossierRows.map(r)));
                    return out;
                });
    }

    /** What the public look-up shows of a dossier: where it stands, nothing personal. */
    public record LookupRow(String receiptCode, DossierStatus status, String procedureCode, LocalDate procedureVersion,
            String stepCode, String stepTenant, OffsetDateTime stepDueAt, OffsetDateTime dueAt, OffsetDateTime submittedAt,
            OffsetDateTime closedAt, String delayReason, OffsetDateTime appointmentAt) {
    }

    /** The public look-up: a few fields, only when both the code and the phone match. */
    public Uni<Optional<LookupRow>> lookup(SqlConnection conn, String key, String phoneKey) {
        return conn.preparedQuery("select * from dossier_lookup($1, $2)").execute(Tuple.of(key, phoneKey))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row r = rows.iterator().next();
                    return Optional.of(new LookupRow(r.getString("receipt_code"), DossierStatus.of(r.getString("status")),
                            r.getString("procedure_code"), r.getLocalDate("procedure_version"), r.getString("step_code"),
                            r.getString("step_tenant") != null ? r.getString("step_tenant") : r.getString("tenant_id"),
                            r.getOffsetDateTime("step_due_at"), r.getOffsetDateTime("due_at"), r.getOffsetDateTime("submitted_at"),
                            r.getOffsetDateTime("closed_at"), r.getString("delay_reason"), r.getOffsetDateTime("appointment_at")));
                });
    }

    /**
     * The dossiers a post office took in or must deliver, newest first: row-level security (the transaction's
     * {@code app.offices}) decides which; the filter only picks the office's role.
     */
    public Uni<List<Dossier>> ofPostOffice(SqlConnection conn, String office, boolean delivery, OffsetDateTime before, int limit) {
        String column = delivery ? "d.delivery_office" : "d.intake_office";
        return conn.preparedQuery("select " + DossierRows.SELECT + " from dossier d where " + column + " = $1 and d.submitted_at < $2"
                + " order by d.submitted_at desc, d.id desc limit $3")
                .execute(Tuple.of(office, before, limit))
                .map(rows -> {
                    List<Dossier> out = new ArrayList<>();
                    rows.forEach(r -> out.add(DossierRows.map(r)));
                    return out;
                });
    }

    /** One of the applicant's earlier dossiers, as the office working a consented dossier may read it. */
    public record Reusable(String receiptCode, String procedureCode, String tenantId, OffsetDateTime submittedAt, String status,
            JsonObject form) {
    }

    /** The applicant's earlier dossiers, through the consent-checking database function (empty without consent). */
    public Uni<List<Reusable>> reusable(SqlConnection conn, UUID dossierId) {
        return conn.preparedQuery("select * from reusable_dossiers($1)").execute(Tuple.of(dossierId)).map(rows -> {
            List<Reusable> out = new ArrayList<>();
            rows.forEach(r -> out.add(new Reusable(r.getString("receipt_code"), r.getString("procedure_code"), r.getString("tenant_id"),
                    r.getOffsetDateTime("submitted_at"), r.getString("status"), r.getJsonObject("form"))));
            return out;
        });
    }
}
