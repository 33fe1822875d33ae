package vn.motcua.dossier.store;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** The log of digitization exemptions (miễn số hóa), migration V14: appended, the latest row of a component wins. */
@ApplicationScoped
public class ExemptionRows {

    /** A component's exemption in force: why, a note, who marked it and when. */
    public record Mark(int document, String exemption, String note, String byName, OffsetDateTime at) {
    }

    /** The exemptions in force on a dossier's components, by component number (withdrawn ones left out). */
    public Uni<Map<Integer, Mark>> current(SqlConnection conn, UUID dossierId) {
        return conn.preparedQuery("""
                select distinct on (document) document, exemption, note, marked_name, marked_at
                  from document_exemption where dossier_id = $1 order by document, id desc""")
                .execute(Tuple.of(dossierId)).map(rows -> {
                    Map<Integer, Mark> out = new LinkedHashMap<>();
                    rows.forEach(r -> {
                        if (r.getString("exemption") != null) {
                            out.put(r.getInteger("document"), new Mark(r.getInteger("document"), r.getString("exemption"), r.getString("note"),
                                    r.getString("marked_name"), r.getOffsetDateTime("marked_at")));
                        }
                    });
                    return out;
                });
    }

    /** Marks a component exempt, or withdraws its exemption ({@code exemption} null). */
    public Uni<Void> mark(SqlConnection conn, UUID dossierId, int document, String exemption, String note, String by, String byName) {
        return conn.preparedQuery("insert into document_exemption (dossier_id, document, exemption, note, marked_by, marked_name) "
                + "values ($1, $2, $3, $4, $5, $6)").execute(Tuple.from(new Object[] { dossierId, document, exemption, note, by, byName }))
                .replaceWithVoid();
    }

    /**
     * The share of required paper components digitized in the paper dossiers a tenant received between two instants:
     * how many components, how many scanned, how many exempt (by exemption), how many neither.
     */
    public record Share(long components, long scanned, Map<String, Long> exempt, long missing) {
    }

    public Uni<Share> share(SqlConnection conn, String tenant, OffsetDateTime from, OffsetDateTime to, String[] procedures,
            String[] versions, Integer[] documents) {
        // One row per (dossier, required component): the caller passes, as three parallel arrays, each procedure
        // version's required component numbers (the catalog is in memory, not in the database).
        return conn.preparedQuery("""
                with received as (
                    select d.id, d.procedure_code, d.procedure_version::text as version from dossier d
                     where d.received_by = $1 and d.channel in ('counter', 'postal') and d.submitted_at >= $2 and d.submitted_at < $3),
                required as (
                    select r.id, p.document from received r
                      join unnest($4::text[], $5::text[], $6::int[]) as p(code, version, document)
                        on p.code = r.procedure_code and p.version = r.version),
                state as (
                    select q.id, q.document,
                           exists (select 1 from attachment a where a.dossier_id = q.id and a.document = q.document) as scanned,
                           (select e.exemption from document_exemption e where e.dossier_id = q.id and e.document = q.document
                             order by e.id desc limit 1) as exemption
                      from required q)
                select count(*) as components,
                       count(*) filter (where scanned) as scanned,
                       count(*) filter (where not scanned and exemption = 'submitted-online') as submitted_online,
                       count(*) filter (where not scanned and exemption = 'shown-only') as shown_only,
                       count(*) filter (where not scanned and exemption = 'agency-result') as agency_result,
                       count(*) filter (where not scanned and exemption = 'confidential') as confidential,
                       count(*) filter (where not scanned and exemption is null) as missing
                  from state""")
                .execute(Tuple.from(new Object[] { tenant, from, to, procedures, versions, documents })).map(rows -> {
                    var r = rows.iterator().next();
                    Map<String, Long> exempt = new LinkedHashMap<>();
                    exempt.put("submitted-online", r.getLong("submitted_online"));
                    exempt.put("shown-only", r.getLong("shown_only"));
                    exempt.put("agency-result", r.getLong("agency_result"));
                    exempt.put("confidential", r.getLong("confidential"));
                    return new Share(r.getLong("components"), r.getLong("scanned"), exempt, r.getLong("missing"));
                });
    }
}
