package vn.motcua.dossier.usecase;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import vn.motcua.audit.AuditService;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.dossier.domain.Dossier;

/**
 * Logs every read of a citizen's dossier by staff (who, where, whose data, why), so that the citizen can later see
 * who read it. A citizen reading their own dossier is not logged: they are the subject.
 */
@ApplicationScoped
public class PersonalDataReads {

    /** Why a staff member read it (mục đích): the codes the citizen's page explains. */
    public enum Purpose {
        /** An officer of a tenant that holds or held the dossier, working it. */
        PROCESSING("processing"),
        /** An officer of a tenant above, supervising. */
        SUPERVISION("supervision"),
        /** An auditor. */
        AUDIT("audit"),
        /** The post office that took it in or delivers it. */
        POSTAL("postal"),
        /** The office working a dossier reads the applicant's earlier ones, with the consent given on it. */
        REUSE("reuse");

        private final String wire;

        Purpose(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    private final AuditService audit;

    PersonalDataReads(AuditService audit) {
        this.audit = audit;
    }

    /** Logs that {@code actor} read {@code what} ({@code dossier.read}, {@code attachment.read}) of dossier {@code d}. */
    public Uni<Void> staffRead(Actor actor, Dossier d, String what, String target, String remoteAddr) {
        if (!actor.isStaff()) {
            return Uni.createFrom().voidItem();
        }
        String tenant = actor.tenants().stream().filter(d.tenants::contains).sorted().findFirst().orElse(d.tenantId);
        Purpose purpose;
        if (actor.hasRole(Permission.Roles.AUDITOR) && !Permission.RECEIVE.grantedTo(actor)) {
            purpose = Purpose.AUDIT;
        } else if (actor.tenants().stream().anyMatch(d.tenants::contains)) {
            purpose = Purpose.PROCESSING;
        } else if (actor.tenants().isEmpty() && !actor.postalOffices().isEmpty()) {
            purpose = Purpose.POSTAL;
        } else {
            purpose = Purpose.SUPERVISION;
        }
        return audit.recordPersonalDataRead(actor, tenant, what, target, subjectOf(d), purpose.wire(), remoteAddr).replaceWithVoid();
    }

    /** Logs that {@code actor} read {@code earlier} dossiers' data for {@code d}, under the consent given on it. */
    public Uni<Void> reuse(Actor actor, String tenant, Dossier d, List<String> earlier, String remoteAddr) {
        String target = d.receiptCode + " ← " + (earlier.isEmpty() ? "—" : String.join(", ", earlier));
        return audit.recordPersonalDataRead(actor, tenant, "dossier.reuse", target, subjectOf(d), Purpose.REUSE.wire(), remoteAddr)
                .replaceWithVoid();
    }

    /** The citizen the dossier's data belongs to: its applicant, or the citizen who submitted it for a relative. */
    static String subjectOf(Dossier d) {
        if (d.applicantActor != null) {
            return d.applicantActor;
        }
        return d.submittedBy != null && d.submittedBy.startsWith(Actor.Realm.CITIZENS.id() + ":") ? d.submittedBy : null;
    }
}
