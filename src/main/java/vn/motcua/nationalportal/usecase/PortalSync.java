package vn.motcua.nationalportal.usecase;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import vn.motcua.calendar.VietnameseLunarCalendar;
import vn.motcua.catalog.CatalogService;
import vn.motcua.dossier.DossierMessages;
import vn.motcua.dossier.domain.DossierStatus;
import vn.motcua.nationalportal.SyncMessages;
import vn.motcua.nationalportal.domain.PortalMessages;
import vn.motcua.nationalportal.store.PortalRows;
import vn.motcua.notification.OutboxDestination;
import vn.motcua.notification.OutboxItem;
import vn.motcua.notification.channel.Undeliverable;
import vn.motcua.platform.i18n.MessageKeys;
import vn.motcua.tenant.Tenant;
import vn.motcua.tenant.TenantDirectory;
import vn.motcua.tenant.TenantTree;

/**
 * The national portal's sync (đồng bộ Cổng DVCQG), as one destination of the outbox relay: each {@code portal-status}
 * row (a change in a dossier's history, queued by V18's trigger) becomes the dossier's state ({@code DongBoHoSoMC})
 * then that step of its progress ({@code CapNhatTienDoHoSoMC}); each {@code rating} row the applicant's rating. The
 * relay claims, retries with its backoff and dead-letters; this class only builds and sends. Both messages of a row
 * carry the row's id: sending them again after a lost answer updates the same dossier and the same step.
 */
@ApplicationScoped
public class PortalSync implements OutboxDestination {

    /** The channel recorded on the rows this sends. */
    public static final String CHANNEL = "national-portal";

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final PortalRows rows;
    private final PortalClient client;
    private final TenantDirectory tenants;
    private final CatalogService catalog;

    PortalSync(PortalRows rows, PortalClient client, TenantDirectory tenants, CatalogService catalog) {
        this.rows = rows;
        this.client = client;
        this.tenants = tenants;
        this.catalog = catalog;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public boolean enabled() {
        return client.configured();
    }

    @Override
    public java.util.Optional<String> subject(String kind, Locale locale, String receiptCode) {
        return switch (kind) {
            case "portal-status" -> java.util.Optional.of(MessageKeys.text(SyncMessages.class, locale, "letter_status", List.of(receiptCode)));
            case "rating" -> java.util.Optional.of(MessageKeys.text(SyncMessages.class, locale, "letter_rating", List.of(receiptCode)));
            default -> java.util.Optional.empty();
        };
    }

    @Override
    public Uni<List<OutboxItem>> claim(SqlConnection conn, int limit, Duration lease) {
        return rows.claim(conn, limit, lease);
    }

    @Override
    public Uni<Void> deliver(OutboxItem item) {
        return tenants.tree().chain(tree -> {
            PortalMessages.Snapshot s = snapshot(item, tree);
            String id = "motcua-np-" + item.id();
            JsonObject p = item.payload();
            if ("rating".equals(item.kind())) {
                Integer score = p.getInteger("score");
                if (score == null) {
                    return Uni.createFrom().failure(new Undeliverable("a rating without its score"));
                }
                return client.send(id, PortalMessages.rating(s, score, p.getString("comment"), OutboxItem.time(p.getString("ratedAt"))));
            }
            DossierStatus status;
            try {
                status = DossierStatus.of(p.getString("to", ""));
            } catch (IllegalArgumentException e) {
                return Uni.createFrom().failure(new Undeliverable("no such status: " + p.getString("to")));
            }
            String what = MessageKeys.text(DossierMessages.class, VI, status.messageKey());
            PortalMessages.Change change = new PortalMessages.Change(status, p.getString("action"), OutboxItem.time(p.getString("at")),
                    p.getString("by"), what, p.getString("reason"));
            return client.send(id, PortalMessages.dossier(s, change)).chain(() -> client.send(id, PortalMessages.progress(s, change)));
        });
    }

    private PortalMessages.Snapshot snapshot(OutboxItem item, TenantTree tree) {
        JsonObject f = item.facts();
        String holder = f.getString("holder", item.tenantId());
        Tenant office = tree.find(holder).orElse(null);
        return new PortalMessages.Snapshot(item.receiptCode(), f.getString("portalId"), f.getString("procedureCode"),
                procedureName(f.getString("procedureCode")), f.getString("channel"), f.getString("returnChannel"),
                f.getString("applicantName"), f.getString("applicantPhone"), OutboxItem.time(f.getString("submittedAt")), OutboxItem.time(f.getString("dueAt")),
                OutboxItem.time(f.getString("resultAt")), OutboxItem.time(f.getString("closedAt")), office == null ? "" : office.agencyCode(),
                office == null ? holder : office.name().vi());
    }

    private String procedureName(String code) {
        try {
            return catalog.versionAt(code, LocalDate.now(VietnameseLunarCalendar.VIETNAM)).name().vi();
        } catch (RuntimeException e) {
            // A procedure withdrawn since: its code still says which one.
            return code;
        }
    }

}
