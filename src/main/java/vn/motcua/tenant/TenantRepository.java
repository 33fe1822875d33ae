package vn.motcua.tenant;

import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The tenant tree in PostgreSQL, the truth behind the cache. Tenants are reference data, readable by all; their
 * rows are written only by the start-up sync, in batches on the reactive client.
 */
@ApplicationScoped
public class TenantRepository {

    private final Pool pool;

    TenantRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Upserts the tree in one transaction, unless the database already holds exactly this tree (then returns 0). Tenants and post offices no longer in the files are marked inactive,
     * never deleted: their dossiers and receipt codes must stay valid after a merger.
     */
    public Uni<Integer> sync(TenantTree tree) {
        String digest = tree.digest();
        // The row lock makes replicas that start together write one after the other; later ones see the digest.
        return pool.withTransaction(conn -> conn.query("insert into tenant_sync (id, digest) values (1, '') on conflict do nothing").execute()
                .chain(() -> conn.query("select digest from tenant_sync where id = 1 for update").execute())
                .chain(rs -> digest.equals(rs.iterator().next().getString(0))
                        ? Uni.createFrom().item(0)
                        : upsertLevels(conn, tree)
                                .chain(() -> upsertOffices(conn, tree))
                                .chain(() -> upsertTenants(conn, tree))
                                .call(() -> conn.preparedQuery("update tenant_sync set digest = $1, synced_at = now() where id = 1")
                                        .execute(Tuple.of(digest)))));
    }

    private Uni<Void> upsertLevels(SqlConnection conn, TenantTree tree) {
        List<Tuple> rows = tree.levels().stream()
                .map(l -> Tuple.of(l.code(), l.depth(), l.name().vi(), l.name().en())).toList();
        String[] codes = tree.levels().stream().map(Level::code).toArray(String[]::new);
        return conn.preparedQuery("update tenant_level set active = false where not (code = any($1))").execute(Tuple.of(codes))
                .chain(() -> conn.preparedQuery("""
                        insert into tenant_level (code, depth, name_vi, name_en) values ($1, $2, $3, $4)
                        on conflict (code) do update set depth = excluded.depth, name_vi = excluded.name_vi,
                            name_en = excluded.name_en, active = true
                        """).executeBatch(rows))
                .replaceWithVoid();
    }

    private Uni<Void> upsertOffices(SqlConnection conn, TenantTree tree) {
        List<Tuple> rows = new ArrayList<>();
        for (PostalOffice o : tree.postalOffices()) {
            rows.add(Tuple.tuple(Arrays.asList(o.code(), o.name().vi(), o.name().en(), o.address(), o.phone(), rows.size())));
        }
        Uni<Void> upsert = rows.isEmpty() ? Uni.createFrom().voidItem() : conn.preparedQuery("""
                insert into postal_office (code, name_vi, name_en, address, phone, position) values ($1, $2, $3, $4, $5, $6)
                on conflict (code) do update set name_vi = excluded.name_vi, name_en = excluded.name_en,
                    address = excluded.address, phone = excluded.phone, position = excluded.position, active = true,
                    updated_at = now()
                """).executeBatch(rows).replaceWithVoid();
        String[] codes = tree.postalOffices().stream().map(PostalOffice::code).toArray(String[]::new);
        return upsert.chain(() -> conn.preparedQuery("update postal_office set active = false where not (code = any($1))")
                .execute(Tuple.of(codes))).replaceWithVoid();
    }

    private Uni<Integer> upsertTenants(SqlConnection conn, TenantTree tree) {
        List<Tuple> rows = new ArrayList<>();
        int position = 0;
        for (Tenant t : tree.all()) {
            rows.add(Tuple.tuple(Arrays.asList(t.code(), t.parentCode(), t.level(), t.depth(), t.name().vi(), t.name().en(),
                    t.agencyCode(), t.address(), t.phone(), t.email(), DeskHoursJson.toJson(t.deskHours()),
                    t.ownDeskHours(), t.postalOffices().toArray(String[]::new), position++, t.source())));
        }
        String[] codes = tree.all().stream().map(Tenant::code).toArray(String[]::new);
        // Free the agency codes of tenants that left the files first, so that a successor may take one over.
        return conn.preparedQuery("update tenant set active = false, updated_at = now() where active and not (code = any($1))")
                .execute(Tuple.of(codes))
                .chain(() -> conn.preparedQuery("""
                        insert into tenant (code, parent_code, level, depth, name_vi, name_en, agency_code, address, phone, email,
                                            desk_hours, own_desk_hours, postal_offices, position, source)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
                        on conflict (code) do update set parent_code = excluded.parent_code, level = excluded.level,
                            depth = excluded.depth, name_vi = excluded.name_vi, name_en = excluded.name_en,
                            agency_code = excluded.agency_code, address = excluded.address, phone = excluded.phone,
                            email = excluded.email, desk_hours = excluded.desk_hours, own_desk_hours = excluded.own_desk_hours,
                            postal_offices = excluded.postal_offices, position = excluded.position, source = excluded.source,
                            active = true, updated_at = now()
                        """).executeBatch(rows))
                .replaceWith(rows.size());
    }

    /** Rebuilds the tree from the database: what a replica does when another replica's sync invalidated its cache. */
    public Uni<TenantTree> loadTree() {
        return pool.withConnection(conn -> conn.query("select code, depth, name_vi, name_en from tenant_level where active order by depth").execute()
                .map(rs -> {
                    List<Level> levels = new ArrayList<>();
                    rs.forEach(r -> levels.add(new Level(r.getString("code"), text(r), r.getInteger("depth"))));
                    return levels;
                })
                .chain(levels -> conn.query("select code, name_vi, name_en, address, phone from postal_office where active order by position").execute()
                        .map(rs -> {
                            List<PostalOffice> offices = new ArrayList<>();
                            rs.forEach(r -> offices.add(new PostalOffice(r.getString("code"), text(r), r.getString("address"), r.getString("phone"))));
                            return offices;
                        })
                        .chain(offices -> conn.query("""
                                select code, parent_code, level, depth, name_vi, name_en, agency_code, address, phone, email,
                                       desk_hours, own_desk_hours, postal_offices, source
                                from tenant where active order by depth, position
                                """).execute()
                                .map(rs -> {
                                    List<Tenant> tenants = new ArrayList<>();
                                    rs.forEach(r -> tenants.add(tenant(r)));
                                    return new TenantTree(levels, tenants, offices);
                                })
                                .chain(tree -> DeskHoursSettings.overrides(conn).map(tree::withDeskHours)))));
    }

    /** The desk hours that tenants' administrators set in the console, over the files' (see {@link DeskHoursSettings}). */
    public Uni<java.util.Map<String, DeskHours>> deskHoursOverrides() {
        return DeskHoursSettings.overrides(pool);
    }

    private static Tenant tenant(Row r) {
        return new Tenant(r.getString("code"), r.getString("parent_code"), r.getString("level"), r.getInteger("depth"), text(r),
                r.getString("agency_code"), r.getString("address"), r.getString("phone"), r.getString("email"),
                DeskHoursJson.fromJson((JsonObject) r.getValue("desk_hours")), r.getBoolean("own_desk_hours"),
                List.of(r.getArrayOfStrings("postal_offices")), r.getString("source"));
    }

    private static LocalizedText text(Row r) {
        return new LocalizedText(r.getString("name_vi"), r.getString("name_en"));
    }
}
