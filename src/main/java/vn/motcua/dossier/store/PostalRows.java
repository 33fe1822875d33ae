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
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.motcua.dossier.domain.Dossier;
import vn.motcua.dossier.domain.DossierStatus;

/**
 * The post office's hand-over manifests and deliveries (migration V13), read and written on a transaction the use
 * case opened: row-level security shows an office its own through {@code app.offices}, a desk its tenants' through
 * {@code app.tenants}.
 */
@ApplicationScoped
public class PostalRows {

    /** A manifest, with how many dossiers it holds and how many the desk received or noted missing. */
    public record Manifest(UUID id, String office, String tenantId, OffsetDateTime createdAt, String createdBy, String createdByName,
            OffsetDateTime handedAt, OffsetDateTime confirmedAt, String confirmedBy, String confirmedByName, String note, String confirmNote,
            int items, int received, int missing) {

        public boolean confirmed() {
            return confirmedAt != null;
        }
    }

    /** One dossier of a manifest, with what the manifest prints of it. */
    public record Item(UUID dossierId, String receiptCode, Boolean received, String applicantName, String procedureCode,
            LocalDate procedureVersion, OffsetDateTime submittedAt, DossierStatus status) {
    }

    /** A result sent by post. */
    public record Delivery(UUID id, UUID dossierId, String receiptCode, String office, String tenantId, String tracking, String state,
            String reason, OffsetDateTime sentAt, String sentBy, String sentByName, OffsetDateTime endedAt, String endedBy,
            String endedByName) {
    }

    /** A result on the office's round, with its latest delivery if any. */
    public record OnRound(Dossier dossier, Delivery latest) {
    }

    private static final String MANIFEST = "select m.*, (select count(*) from postal_manifest_item i where i.manifest_id = m.id) as items,"
            + " (select count(*) from postal_manifest_item i where i.manifest_id = m.id and i.received) as received_count,"
            + " (select count(*) from postal_manifest_item i where i.manifest_id = m.id and i.received = false) as missing_count"
            + " from postal_manifest m";

    private static final String NOT_IN_A_MANIFEST = "not exists (select 1 from postal_manifest_item i where i.dossier_id = d.id"
            + " and i.received is distinct from false)";

    /** What the office took in and has not handed over: submitted, in no open or delivered manifest. */
    public Uni<List<Dossier>> notHandedOver(SqlConnection conn, String office, int limit) {
        return dossiers(conn, "select " + DossierRows.SELECT + " from dossier d where d.intake_office = $1 and d.status = $2 and "
                + NOT_IN_A_MANIFEST + " order by d.tenant_id, d.submitted_at, d.id limit $3",
                Tuple.of(office, DossierStatus.SUBMITTED.wire(), limit));
    }

    /** The same, only these receipt codes of one tenant, locked for the manifest being made. */
    public Uni<List<Dossier>> lockForManifest(SqlConnection conn, String office, String tenant, List<String> codes) {
        return dossiers(conn, "select " + DossierRows.SELECT + " from dossier d where d.intake_office = $1 and d.tenant_id = $2"
                + " and d.status = $3 and d.receipt_code = any($4) and " + NOT_IN_A_MANIFEST + " order by d.submitted_at, d.id for update",
                Tuple.of(office, tenant, DossierStatus.SUBMITTED.wire(), codes.toArray(String[]::new)));
    }

    public Uni<Void> insertManifest(SqlConnection conn, Manifest m, List<Dossier> items) {
        Uni<?> head = conn.preparedQuery("insert into postal_manifest (id, office, tenant_id, created_at, created_by, created_by_name,"
                + " handed_at, note) values ($1, $2, $3, $4, $5, $6, $7, $8)")
                .execute(Tuple.from(java.util.Arrays.asList(m.id(), m.office(), m.tenantId(), m.createdAt(), m.createdBy(),
                        m.createdByName(), m.handedAt(), m.note())));
        List<Tuple> rows = items.stream().map(d -> Tuple.of(m.id(), d.id, d.receiptCode, m.office(), m.tenantId())).toList();
        return head.chain(() -> conn.preparedQuery("insert into postal_manifest_item (manifest_id, dossier_id, receipt_code, office,"
                + " tenant_id) values ($1, $2, $3, $4, $5)").executeBatch(rows)).replaceWithVoid();
    }

    /** The manifests of an office ({@code byOffice}) or sent to a tenant, newest first; only unconfirmed ones when asked. */
    public Uni<List<Manifest>> manifests(SqlConnection conn, String code, boolean byOffice, boolean openOnly, int limit) {
        String where = (byOffice ? " where m.office = $1" : " where m.tenant_id = $1") + (openOnly ? " and m.confirmed_at is null" : "");
        return conn.preparedQuery(MANIFEST + where + " order by m.created_at desc, m.id desc limit $2").execute(Tuple.of(code, limit))
                .map(PostalRows::manifests);
    }

    public Uni<Optional<Manifest>> manifest(SqlConnection conn, UUID id, boolean lock) {
        Uni<RowSet<Row>> rows = lock
                ? conn.preparedQuery("select id from postal_manifest where id = $1 for update").execute(Tuple.of(id))
                        .chain(() -> conn.preparedQuery(MANIFEST + " where m.id = $1").execute(Tuple.of(id)))
                : conn.preparedQuery(MANIFEST + " where m.id = $1").execute(Tuple.of(id));
        return rows.map(r -> manifests(r).stream().findFirst());
    }

    public Uni<List<Item>> items(SqlConnection conn, UUID manifest) {
        return conn.preparedQuery("select i.dossier_id, i.receipt_code, i.received, d.applicant_name, d.procedure_code,"
                + " d.procedure_version, d.submitted_at, d.status from postal_manifest_item i join dossier d on d.id = i.dossier_id"
                + " where i.manifest_id = $1 order by d.submitted_at, i.receipt_code").execute(Tuple.of(manifest)).map(rows -> {
                    List<Item> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new Item(r.getUUID("dossier_id"), r.getString("receipt_code"), r.getBoolean("received"),
                            r.getString("applicant_name"), r.getString("procedure_code"), r.getLocalDate("procedure_version"),
                            r.getOffsetDateTime("submitted_at"), DossierStatus.of(r.getString("status")))));
                    return out;
                });
    }

    /** The desk's confirmation: once only; {@code false} if it was confirmed in between. */
    public Uni<Boolean> confirm(SqlConnection conn, UUID manifest, OffsetDateTime at, String by, String byName, String note,
            List<UUID> received) {
        return conn.preparedQuery("update postal_manifest set confirmed_at = $2, confirmed_by = $3, confirmed_by_name = $4,"
                + " confirm_note = $5 where id = $1 and confirmed_at is null")
                .execute(Tuple.from(java.util.Arrays.asList(manifest, at, by, byName, note)))
                .chain(r -> r.rowCount() != 1 ? Uni.createFrom().item(false)
                        : conn.preparedQuery("update postal_manifest_item set received = (dossier_id = any($2)) where manifest_id = $1")
                                .execute(Tuple.of(manifest, received.toArray(UUID[]::new))).replaceWith(true));
    }

    /** The results the office must deliver and has not: ready, not yet returned, each with its latest delivery. */
    public Uni<List<OnRound>> round(SqlConnection conn, String office, int limit) {
        return conn.preparedQuery("select " + DossierRows.SELECT + ", p.id as p_id from dossier d left join lateral (select x.id from"
                + " postal_delivery x where x.dossier_id = d.id order by x.sent_at desc limit 1) p on true"
                + " where d.delivery_office = $1 and d.status = $2 and d.closed_at is null order by d.submitted_at, d.id limit $3")
                .execute(Tuple.of(office, DossierStatus.RESULT_READY.wire(), limit)).chain(rows -> {
                    List<Dossier> ds = new ArrayList<>();
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(r -> {
                        ds.add(DossierRows.map(r));
                        ids.add(r.getUUID("p_id"));
                    });
                    List<UUID> known = ids.stream().filter(java.util.Objects::nonNull).toList();
                    return deliveriesById(conn, known).map(found -> {
                        List<OnRound> out = new ArrayList<>();
                        for (int i = 0; i < ds.size(); i++) {
                            UUID id = ids.get(i);
                            out.add(new OnRound(ds.get(i), id == null ? null
                                    : found.stream().filter(x -> x.id().equals(id)).findFirst().orElse(null)));
                        }
                        return out;
                    });
                });
    }

    /** The dossier the office is to deliver, locked: found only through the office's scope. */
    public Uni<Optional<Dossier>> toDeliver(SqlConnection conn, String office, String receiptCode) {
        return dossiers(conn, "select " + DossierRows.SELECT + " from dossier d where d.receipt_code = $1 and d.delivery_office = $2"
                + " for update", Tuple.of(receiptCode, office)).map(l -> l.stream().findFirst());
    }

    /** The dossier's delivery on its way, locked. */
    public Uni<Optional<Delivery>> onItsWay(SqlConnection conn, UUID dossier) {
        return conn.preparedQuery("select * from postal_delivery where dossier_id = $1 and state = 'sent' for update")
                .execute(Tuple.of(dossier)).map(rows -> deliveries(rows).stream().findFirst());
    }

    public Uni<Void> insertDelivery(SqlConnection conn, Delivery x) {
        return conn.preparedQuery("insert into postal_delivery (id, dossier_id, receipt_code, office, tenant_id, tracking, state, sent_at,"
                + " sent_by, sent_by_name) values ($1, $2, $3, $4, $5, $6, 'sent', $7, $8, $9)")
                .execute(Tuple.from(java.util.Arrays.asList(x.id(), x.dossierId(), x.receiptCode(), x.office(), x.tenantId(), x.tracking(),
                        x.sentAt(), x.sentBy(), x.sentByName())))
                .replaceWithVoid();
    }

    /** Ends a delivery on its way: delivered, or failed with the reason. */
    public Uni<Boolean> end(SqlConnection conn, UUID id, String state, String reason, OffsetDateTime at, String by, String byName) {
        return conn.preparedQuery("update postal_delivery set state = $2, reason = $3, ended_at = $4, ended_by = $5, ended_by_name = $6"
                + " where id = $1 and state = 'sent'").execute(Tuple.from(java.util.Arrays.asList(id, state, reason, at, by, byName)))
                .map(r -> r.rowCount() == 1);
    }

    /** Whatever delivery of the dossier is on its way ends delivered (the result was handed over some other way). */
    public Uni<Void> deliveredAnyway(SqlConnection conn, UUID dossier, OffsetDateTime at, String by, String byName) {
        return conn.preparedQuery("update postal_delivery set state = 'delivered', ended_at = $2, ended_by = $3, ended_by_name = $4"
                + " where dossier_id = $1 and state = 'sent'").execute(Tuple.from(java.util.Arrays.asList(dossier, at, by, byName)))
                .replaceWithVoid();
    }

    /** The deliveries of an office's ({@code byOffice}) or a tenant's results, newest first. */
    public Uni<List<Delivery>> deliveries(SqlConnection conn, String code, boolean byOffice, int limit) {
        return conn.preparedQuery("select * from postal_delivery where " + (byOffice ? "office" : "tenant_id")
                + " = $1 order by sent_at desc, id desc limit $2").execute(Tuple.of(code, limit)).map(PostalRows::deliveries);
    }

    private Uni<List<Delivery>> deliveriesById(SqlConnection conn, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return conn.preparedQuery("select * from postal_delivery where id = any($1)").execute(Tuple.of(ids.toArray(UUID[]::new)))
                .map(PostalRows::deliveries);
    }

    private static Uni<List<Dossier>> dossiers(SqlConnection conn, String sql, Tuple args) {
        return conn.preparedQuery(sql).execute(args).map(rows -> {
            List<Dossier> out = new ArrayList<>();
            rows.forEach(r -> out.add(DossierRows.map(r)));
            return out;
        });
    }

    private static List<Manifest> manifests(RowSet<Row> rows) {
        List<Manifest> out = new ArrayList<>();
        rows.forEach(r -> out.add(new Manifest(r.getUUID("id"), r.getString("office"), r.getString("tenant_id"),
                r.getOffsetDateTime("created_at"), r.getString("created_by"), r.getString("created_by_name"), r.getOffsetDateTime("handed_at"),
                r.getOffsetDateTime("confirmed_at"), r.getString("confirmed_by"), r.getString("confirmed_by_name"), r.getString("note"),
                r.getString("confirm_note"), r.getLong("items").intValue(), r.getLong("received_count").intValue(),
                r.getLong("missing_count").intValue())));
        return out;
    }

    private static List<Delivery> deliveries(RowSet<Row> rows) {
        List<Delivery> out = new ArrayList<>();
        rows.forEach(r -> out.add(new Delivery(r.getUUID("id"), r.getUUID("dossier_id"), r.getString("receipt_code"), r.getString("office"),
                r.getString("tenant_id"), r.getString("tracking"), r.getString("state"), r.getString("reason"), r.getOffsetDateTime("sent_at"),
                r.getString("sent_by"), r.getString("sent_by_name"), r.getOffsetDateTime("ended_at"), r.getString("ended_by"),
                r.getString("ended_by_name"))));
        return out;
    }
}
