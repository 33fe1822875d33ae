package vn.motcua.nationalportal.usecase;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.smallrye.mutiny.Uni;
import vn.motcua.calendar.VietnameseLunarCalendar;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.domain.DossierStatus;
import vn.motcua.dossier.usecase.SubmitDossier;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.nationalportal.NationalPortalConfig;
import vn.motcua.nationalportal.domain.IntakeSignature;
import vn.motcua.nationalportal.domain.PortalDossier;
import vn.motcua.platform.error.FieldIssue;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.platform.error.Problems;
import vn.motcua.tenant.Tenant;
import vn.motcua.tenant.TenantDirectory;
import vn.motcua.tenant.TenantTree;

/**
 * Taking in a dossier submitted on the national portal (tiếp nhận hồ sơ từ Cổng DVCQG): the delivery is checked to be
 * the portal's (its signature, {@link IntakeSignature}), read within bounds, its office and procedure looked up by
 * their codes, and submitted through the same use case as every dossier ({@link SubmitDossier}), online, by the
 * portal as submitter: the competent office's receipt code, due time, outbox and history, and the status messages
 * back to the portal. Idempotent on the portal's dossier id: a second delivery of the same dossier answers the same
 * receipt code and creates nothing; the same id with another content is refused (422).
 */
@ApplicationScoped
public class TakeIn {

    /** The largest delivery read: a dossier's form, not its files. */
    public static final int MAX_BYTES = 256 * 1024;

    /** The national portal as the submitter of the dossiers it delivers (its history rows say who). */
    public static final Actor PORTAL = new Actor(Actor.Realm.CITIZENS, "national-portal", "dvcqg", "Cổng Dịch vụ công quốc gia",
            Set.of(Permission.Roles.CITIZEN), Set.of(), Set.of());

    /** What the portal is answered: its id, our receipt code and due time, and whether this delivery created it. */
    public record TakenIn(String portalId, String receiptCode, DossierStatus status, OffsetDateTime dueAt, boolean created) {
    }

    private final NationalPortalConfig config;
    private final SubmitDossier submit;
    private final TenantDirectory tenants;
    private final CatalogService catalog;
    private final ObjectReader reader;
    Clock clock = Clock.systemUTC();

    TakeIn(NationalPortalConfig config, SubmitDossier submit, TenantDirectory tenants, CatalogService catalog, ObjectMapper json) {
        this.config = config;
        this.submit = submit;
        this.tenants = tenants;
        this.catalog = catalog;
        this.reader = json.readerFor(PortalDossier.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Takes in the dossier {@code body}, signed with {@code signature} at {@code timestamp}. */
    public Uni<TakenIn> takeIn(byte[] body, String timestamp, String signature, String remoteAddr) {
        Optional<String> secret = config.intakeSecret().filter(s -> !s.isBlank());
        if (secret.isEmpty()) {
            // Not set up: nothing can be genuine.
            return Uni.createFrom().failure(new ProblemException(ProblemType.UNAVAILABLE));
        }
        byte[] bytes = body == null ? new byte[0] : body;
        if (bytes.length > MAX_BYTES) {
            return Uni.createFrom().failure(Problems.invalidField("body", FieldIssue.TOO_LONG, MAX_BYTES));
        }
        if (!IntakeSignature.genuine(secret.get(), timestamp, signature, bytes, clock.instant(), config.intakeClockSkew())) {
            return Uni.createFrom().failure(new ProblemException(ProblemType.SIGNATURE_INVALID));
        }
        PortalDossier dossier;
        try {
            dossier = bytes.length == 0 ? null : reader.readValue(bytes);
        } catch (IOException e) {
            return Uni.createFrom().failure(Problems.invalidField("body", FieldIssue.PATTERN));
        }
        if (dossier == null) {
            return Uni.createFrom().failure(Problems.invalidField("body", FieldIssue.REQUIRED));
        }
        PortalDossier d = dossier;
        return Uni.createFrom().item(() -> {
            d.check();
            return d;
        }).chain(() -> tenants.tree()).chain(tree -> {
            Tenant office = office(tree, d.agencyCode());
            String channel = channel(d.procedure());
            return submit.submit(PORTAL, d.submission(office.code(), channel), d.idempotencyKey(), remoteAddr);
        }).map(s -> new TakenIn(d.portalId(), s.dossier().dossier().receiptCode, s.dossier().dossier().status,
                s.dossier().dossier().dueAt, s.created()))
                .onFailure(ProblemException.class).transform(e -> PortalDossier.inPortalTerms((ProblemException) e));
    }

    /** The office whose electronic identifier code the portal sent; none such is the field's error. */
    private static Tenant office(TenantTree tree, String agencyCode) {
        return tree.all().stream().filter(t -> agencyCode.equals(t.agencyCode())).findFirst()
                .orElseThrow(() -> Problems.invalidField("MaDonVi", FieldIssue.NOT_A_TENANT));
    }

    /** Wholly online when the procedure offers it, otherwise partly (papers at the desk); the submission checks the rest. */
    private String channel(String procedure) {
        try {
            List<Procedure.Channel> offered = catalog.versionAt(procedure, LocalDate.now(clock.withZone(VietnameseLunarCalendar.VIETNAM)))
                    .channels();
            return offered.contains(Procedure.Channel.ONLINE_FULL) ? Procedure.Channel.ONLINE_FULL.wire() : Procedure.Channel.ONLINE_PARTIAL.wire();
        } catch (ProblemException e) {
            throw Problems.invalidField("MaTTHC", FieldIssue.NOT_A_PROCEDURE);
        }
    }
}
