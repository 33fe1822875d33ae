package vn.motcua.dossier.store;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.motcua.dossier.domain.DossierStatus;

/**
 * The one-stop desk's tracking book (sổ theo dõi hồ sơ) in SQL, on the connection of a scoped transaction: the
 * dossiers a desk received in a period, keyset-paged on {@code (submitted_at, id)} over the {@code dossier_book}
 * index, and a dossier's entry in its desk's book of the year ({@code dossier_book_entry}, migration version 12).
 */
@ApplicationScoped
public class TrackingBookRows {

    /** A dossier's place in its receiving desk's book: the book of the year, and its number in it. */
    public record Entry(int book, long number) {
    }

    /**
     * One line of the book, from the dossier table and its history.
     *
     * @param handedOverAt when the desk received it and handed it on to be worked (its {@code receive})
     * @param resultAt     when the result came back to the desk (its {@code mark-result-ready})
     */
    public record Line(UUID id, String receiptCode, String procedureCode, LocalDate procedureVersion, String applicantName,
            String applicantPhone, String competentTenant, DossierStatus status, String returnChannel, OffsetDateTime submittedAt,
            OffsetDateTime dueAt, OffsetDateTime appointmentAt, OffsetDateTime handedOverAt, OffsetDateTime resultAt,
            OffsetDateTime closedAt, Entry entry) {
    }

    static final String PAGE = """
            select d.id, d.receipt_code, d.procedure_code, d.procedure_version, d.applicant_name, d.applicant_phone,
                   d.competent_tenant, d.status, d.return_channel, d.submitted_at, d.due_at, d.appointment_at, d.closed_at,
                   (select min(e.occurred_at) from dossier_event e where e.dossier_id = d.id and e.action = 'receive') as handed_over_at,
                   (select max(e.occurred_at) from dossier_event e where e.dossier_id = d.id and e.action = 'mark-result-ready') as result_at,
                   b.book, b.seq
              from dossier d
              left join lateral dossier_book_entry(d.id) b on true
             where d.received_by = $1 and d.parent_id is null and d.submitted_at >= $2 and d.submitted_at < $3
               and (d.submitted_at, d.id) > ($4, $5)
             order by d.submitted_at, d.id
             limit $6""";

    /** The nil keyset: before every row. */
    static final UUID FIRST = new UUID(0, 0);

    /**
     * Up to {@code limit} dossiers {@code desk} received in {@code [from, to)}, oldest first, after the keyset
     * {@code (afterAt, afterId)} (none: from the start). Row-level security of the transaction decides what is seen.
     */
    public Uni<List<Line>> page(SqlConnection conn, String desk, OffsetDateTime from, OffsetDateTime to, OffsetDateTime afterAt,
            UUID afterId, int limit) {
        OffsetDateTime at = afterAt == null ? from.minusNanos(1000) : afterAt;
        UUID id = afterAt == null ? FIRST : afterId;
        return conn.preparedQuery(PAGE).execute(Tuple.tuple(List.of(desk, from, to, at, id, limit))).map(rows -> {
            List<Line> out = new ArrayList<>();
            rows.forEach(r -> out.add(line(r)));
            return out;
        });
    }

    /** The dossier's entry in its desk's book; empty for a part of an interconnected dossier. */
    public Uni<Optional<Entry>> entry(SqlConnection conn, UUID dossierId) {
        return conn.preparedQuery("select book, seq from dossier_book_entry($1)").execute(Tuple.of(dossierId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.ofNullable(entry(rows.iterator().next())));
    }

    private static Line line(Row r) {
        return new Line(r.getUUID("id"), r.getString("receipt_code"), r.getString("procedure_code"), r.getLocalDate("procedure_version"),
                r.getString("applicant_name"), r.getString("applicant_phone"), r.getString("competent_tenant"),
                DossierStatus.of(r.getString("status")), r.getString("return_channel"), r.getOffsetDateTime("submitted_at"),
                r.getOffsetDateTime("due_at"), r.getOffsetDateTime("appointment_at"), r.getOffsetDateTime("handed_over_at"),
                r.getOffsetDateTime("result_at"), r.getOffsetDateTime("closed_at"), entry(r));
    }

    private static Entry entry(Row r) {
        Integer book = r.getInteger("book");
        Long seq = r.getLong("seq");
        return book == null || seq == null ? null : new Entry(book, seq);
    }
}
