package vn.motcua.dossier.usecase;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;

import vn.motcua.calendar.VietnameseLunarCalendar;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.domain.Dossier;
import vn.motcua.dossier.domain.DossierAction;
import vn.motcua.dossier.domain.DossierCommands;
import vn.motcua.dossier.domain.DossierStatus;
import vn.motcua.dossier.domain.FormValidator;
import vn.motcua.dossier.domain.Parts;
import vn.motcua.dossier.store.DossierRepository;
import vn.motcua.identity.Actor;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.tenant.Tenant;
import vn.motcua.tenant.TenantTree;

/**
 * Steps 3 and 4 of every command, shared by the use cases that change a dossier: on the connection of a transaction
 * the use case opened, apply the pure command ({@link DossierCommands}, {@link Parts}), write the dossier back
 * (guarded by its version), and append its history and outbox rows. Never opens a transaction or checks a
 * permission: the use case did both before.
 */
@ApplicationScoped
class DossierWork {

    /** Who acts, for which tenant (an officer's path tenant; none for the applicant), and from which address. */
    record By(String key, String name, String tenant, String remote) {

        static By of(Actor actor, String tenant, String remoteAddr) {
            return new By(DossierWork.key(actor), actor.displayName(), tenant, remoteAddr);
        }

        DossierCommands.By cmd() {
            return new DossierCommands.By(key, name);
        }
    }

    private final DossierRepository repository;
    private final CatalogService catalog;
    private final ObjectMapper json;
    Clock clock = Clock.systemUTC();

    DossierWork(DossierRepository repository, CatalogService catalog, ObjectMapper json) {
        this.repository = repository;
        this.catalog = catalog;
        this.json = json;
    }

    /** The history's name for an actor: {@code <realm>:<subject>}. */
    static String key(Actor actor) {
        return actor.realm().id() + ":" + actor.subject();
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** The dossier the transaction may see, locked for a command; 404 if it sees none. */
    Uni<Dossier> load(SqlConnection conn, String receiptCode) {
        return repository.find(conn, receiptCode, true)
                .map(found -> found.orElseThrow(() -> new ProblemException(ProblemType.DOSSIER_NOT_FOUND, receiptCode)));
    }

    /**
     * The dossier as seen through one of the reader's tenants: that tenant must have held it. An officer who serves
     * several tenants sees it through any of them in the database; through a path tenant that never held it, it is
     * not there (404), whether it exists elsewhere or not.
     */
    static Dossier seenThrough(Dossier d, String tenant) {
        if (!d.tenants.contains(tenant)) {
            throw new ProblemException(ProblemType.DOSSIER_NOT_FOUND, d.receiptCode);
        }
        return d;
    }

    /**
     * The dossier as its applicant acts on it (supplement, attach, rate): only the citizen who submitted it or whom it
     * names. Anyone else who happens to see it finds nothing here (404), as a stranger reading it would.
     */
    static Dossier ownedBy(Dossier d, String actorKey) {
        if (!actorKey.equals(d.submittedBy) && !actorKey.equals(d.applicantActor)) {
            throw new ProblemException(ProblemType.DOSSIER_NOT_FOUND, d.receiptCode);
        }
        return d;
    }

    Procedure.Version version(Dossier d) {
        return catalog.versionAt(d.procedureCode, d.procedureVersion);
    }

    /** Whether the dossier is the parent of an interconnected one (liên thông). */
    boolean hasParts(Dossier d, Procedure.Version version) {
        return !d.isPart() && version.interconnected();
    }

    /** A form handed in with a supplement, checked against the procedure's form (400 with every field otherwise). */
    JsonObject validForm(JsonNode form, Procedure.Version version, OffsetDateTime now) {
        FormValidator.Result result = FormValidator.validate(form, version.form(), "form",
                now.atZoneSameInstant(VietnameseLunarCalendar.VIETNAM).toLocalDate());
        if (!result.valid()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, result.errors(), result.errors().size());
        }
        return new JsonObject(json.convertValue(result.form(), java.util.Map.class));
    }

    /**
     * One command on a loaded dossier: the state machine, the parts it creates or closes, the write-back, the
     * history and outbox rows, and the parent's state when the dossier is a part.
     */
    Uni<Dossier> command(SqlConnection conn, Dossier d, DossierAction action, DossierCommands.Input in, By by, OffsetDateTime now,
            WorkingCalendar calendar, TenantTree tree) {
        Procedure.Version version = version(d);
        boolean hasParts = hasParts(d, version);
        DossierCommands.Effects effects = DossierCommands.apply(d, action, in, by.cmd(), now, calendar, hasParts);
        Uni<Void> parts = Uni.createFrom().voidItem();
        if (hasParts && action == DossierAction.RECEIVE && effects.from() == DossierStatus.SUBMITTED) {
            parts = createParts(conn, d, version, tree, calendar, now);
        } else if (hasParts && action == DossierAction.RETURN) {
            parts = closeParts(conn, d, by, now);
        }
        return parts.chain(() -> save(conn, d))
                .chain(() -> record(conn, d, effects, by, now, effects.action()))
                .chain(() -> d.isPart() ? deriveParent(conn, d.parentId, by, now) : Uni.createFrom().voidItem())
                .replaceWith(d);
    }

    /** The applicant's supplement reaches each part that asked for one (the parent follows them). */
    Uni<Void> resumeParts(SqlConnection conn, Dossier parent, DossierCommands.Input in, By by, OffsetDateTime now,
            WorkingCalendar calendar, TenantTree tree) {
        return repository.parts(conn, parent.id, true).chain(parts -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Dossier c : parts) {
                if (c.status == DossierStatus.SUPPLEMENT_REQUESTED) {
                    chain = chain.chain(() -> command(conn, c, DossierAction.SUPPLEMENT, in, by, now, calendar, tree).replaceWithVoid());
                }
            }
            return chain;
        });
    }

    /** Creates the parts of an interconnected dossier as the desk receives it (see {@link Parts#create}). */
    Uni<Void> createParts(SqlConnection conn, Dossier parent, Procedure.Version version, TenantTree tree, WorkingCalendar calendar,
            OffsetDateTime now) {
        List<Parts.Spec> specs = version.parts().stream().map(part -> new Parts.Spec(part,
                catalog.versionAt(part.procedure(), parent.submittedAt.atZoneSameInstant(VietnameseLunarCalendar.VIETNAM).toLocalDate()),
                agencyTenant(tree, parent.competentTenant, part.level()))).toList();
        List<Dossier> parts = Parts.create(parent, specs, calendar, now);
        List<DossierRepository.Event> created = parts.stream().map(c -> new DossierRepository.Event(c.id, c.tenantId, now,
                "system:motcua", null, "part-created", null, c.status, null, new JsonObject().put("parent", parent.receiptCode))).toList();
        return repository.insertParts(conn, parts).chain(() -> DossierRepository.insertEvents(conn, created)).replaceWithVoid();
    }

    /** The tenant at {@code level} at or above {@code competent}, or the competent tenant when the tree has none. */
    static Tenant agencyTenant(TenantTree tree, String competent, String level) {
        Tenant self = tree.find(competent).orElseThrow();
        if (self.level().equals(level)) {
            return self;
        }
        List<Tenant> up = new ArrayList<>(tree.ancestors(competent));
        java.util.Collections.reverse(up);
        return up.stream().filter(t -> t.level().equals(level)).findFirst().orElse(self);
    }

    private Uni<Void> closeParts(SqlConnection conn, Dossier parent, By by, OffsetDateTime now) {
        return repository.parts(conn, parent.id, true).chain(parts -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Dossier c : parts) {
                var effects = Parts.returnWithParent(c, now);
                if (effects.isPresent()) {
                    DossierCommands.Effects e = effects.get();
                    chain = chain.chain(() -> save(conn, c)).chain(() -> record(conn, c, e, by, now, e.action()));
                }
            }
            return chain;
        });
    }

    private Uni<Void> deriveParent(SqlConnection conn, UUID parentId, By by, OffsetDateTime now) {
        return repository.parts(conn, parentId, false).chain(parts -> repository.findById(conn, parentId).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Dossier p = found.get();
            return Parts.derive(p, parts, now)
                    .map(effects -> save(conn, p).chain(() -> record(conn, p, effects, by, now, effects.action())))
                    .orElse(Uni.createFrom().voidItem());
        }));
    }

    Uni<Void> save(SqlConnection conn, Dossier d) {
        return repository.update(conn, d).invoke(ok -> {
            if (!ok) {
                throw new ProblemException(ProblemType.CONCURRENT_CHANGE, d.receiptCode);
            }
        }).invoke(() -> d.version++).replaceWithVoid();
    }

    /** The history row and the outbox rows of a change. */
    Uni<Void> record(SqlConnection conn, Dossier d, DossierCommands.Effects e, By by, OffsetDateTime now, String action) {
        String tenant = by.tenant() != null ? by.tenant() : d.tenantId;
        DossierRepository.Event event = new DossierRepository.Event(d.id, tenant, now, by.key(), by.name(), action, e.from(),
                d.status, e.reason(), e.detail(), by.remote());
        List<DossierRepository.Outbox> notices = e.notices().stream().map(kind -> new DossierRepository.Outbox(d.id, tenant, kind,
                new JsonObject().put("reason", e.reason()).put("detail", e.detail()))).toList();
        return Uni.combine().all().unis(repository.insertEvent(conn, event), DossierRepository.insertOutbox(conn, notices)).discardItems();
    }
}
