package vn.motcua.dossier.usecase;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.json.JsonObject;
import vn.motcua.catalog.CatalogService;
import vn.motcua.identity.AccessPolicy;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.error.FieldIssue;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.dossier.DossierConfig;
import vn.motcua.dossier.domain.Dossier;
import vn.motcua.dossier.domain.DossierCommands;
import vn.motcua.dossier.store.AttachmentFiles;
import vn.motcua.dossier.store.AttachmentRecord;
import vn.motcua.dossier.store.AttachmentStore;
import vn.motcua.dossier.store.DossierRepository;

/**
 * Files for a dossier's required documents (thành phần hồ sơ): checked, compressed and stored on a worker thread,
 * then recorded with a history row in one transaction. The applicant (or whoever submitted for them) and the
 * officers of the tenant holding the dossier may add files while it is open; whoever may read it may read them.
 */
@ApplicationScoped
public class AttachmentService {

    private static final Logger LOG = Logger.getLogger(AttachmentService.class);

    private final ReadDossier dossiers;
    private final DossierWork work;
    private final DossierRepository repository;
    private final ScopedTransactions transactions;
    private final AttachmentStore store;
    private final CatalogService catalog;
    private final AccessPolicy policy;
    private final DossierConfig config;
    private final PersonalDataReads reads;

    AttachmentService(ReadDossier dossiers, DossierWork work, DossierRepository repository, ScopedTransactions transactions, AttachmentStore store,
            CatalogService catalog, AccessPolicy policy, DossierConfig config, PersonalDataReads reads) {
        this.reads = reads;
        this.dossiers = dossiers;
        this.work = work;
        this.repository = repository;
        this.transactions = transactions;
        this.store = store;
        this.catalog = catalog;
        this.policy = policy;
        this.config = config;
    }

    public long maxBytes() {
        return config.attachments().maxMegabytes() * 1024L * 1024L;
    }

    /** Adds the uploaded file (already on disk, in the upload folder) as a file of document number {@code document}. */
    public Uni<AttachmentRecord> attach(Actor actor, String receiptCode, Integer document, String fileName, Path upload, long size,
            String remoteAddr) {
        if (size > maxBytes()) {
            throw new ProblemException(ProblemType.FILE_TOO_LARGE, config.attachments().maxMegabytes() + " MB");
        }
        if (size == 0) {
            throw DossierCommands.validation("file", FieldIssue.EMPTY_FILE);
        }
        if (document == null) {
            throw DossierCommands.validation("document", FieldIssue.REQUIRED);
        }
        return dossiers.load(actor, receiptCode).chain(read -> {
            Dossier d = read.dossier();
            int documents = catalog.versionAt(d.procedureCode, d.procedureVersion).documents().size();
            if (document < 1 || document > documents) {
                throw DossierCommands.validation("document", FieldIssue.NO_SUCH_DOCUMENT, document);
            }
            if (d.closedAt != null) {
                throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, d.status.wire(), "attach", "—")
                        .with("state", d.status.wire()).with("allowedActions", List.of());
            }
            return mayAdd(actor, d).chain(() -> Uni.createFrom().item(() -> prepare(upload))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .map(prepared -> {
                        UUID id = UUID.randomUUID();
                        String key = store.put(d.id, id, prepared.bytes());
                        return new AttachmentRecord(id, d.id, document, safeName(fileName, prepared.contentType()), prepared.contentType(), size,
                                prepared.bytes().length, prepared.sha256(), key, DossierWork.key(actor), null);
                    }))
                    .chain(record -> transactions.onConnection(policy.actScope(actor).as(DossierWork.key(actor)),
                            conn -> Uni.combine().all().unis(repository.insertAttachment(conn, record),
                                    repository.insertEvent(conn, new DossierRepository.Event(d.id, d.tenantId, work.now(),
                                            DossierWork.key(actor), actor.displayName(), "attach", d.status, d.status, null,
                                            new JsonObject().put("document", document).put("file", record.fileName())
                                                    .put("sha256", record.sha256()), remoteAddr))).discardItems())
                            .replaceWith(record)
                            .onFailure().call(() -> forget(record)));
        });
    }

    /**
     * Removes the bytes of an upload whose row was not written, so that the store holds nothing the database does not
     * know. The upload's own failure is what the caller sees; a failure to remove is only logged.
     */
    private Uni<Void> forget(AttachmentRecord record) {
        return Uni.createFrom().item(() -> {
            store.delete(record.storageKey());
            return (Void) null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).onFailure().recoverWithItem(e -> {
            LOG.warnf("Attachment %s: its row was not written and its file could not be removed (%s)", record.storageKey(), e.getMessage());
            return null;
        });
    }

    /** The stored bytes of one attachment, for whoever may read the dossier. */
    public Uni<Stored> read(Actor actor, String receiptCode, String attachmentId, String remoteAddr) {
        return stored(actor, dossiers.load(actor, receiptCode), receiptCode, attachmentId, remoteAddr);
    }

    /**
     * The same through one tenant's console: the officer must be able to read that tenant's dossiers, and the dossier
     * must have been held by it (404 otherwise), as {@link ReadDossier#readAt} reads the dossier itself.
     */
    public Uni<Stored> readAt(Actor actor, String tenant, String receiptCode, String attachmentId, String remoteAddr) {
        return policy.authorize(actor, Permission.READ_DOSSIER, tenant).chain(access -> stored(actor, dossiers.load(actor, receiptCode)
                .invoke(r -> DossierWork.seenThrough(r.dossier(), tenant)), receiptCode, attachmentId, remoteAddr));
    }

    private Uni<Stored> stored(Actor actor, Uni<DossierRead> loaded, String receiptCode, String attachmentId, String remoteAddr) {
        return loaded.chain(read -> {
            AttachmentRecord a = read.attachments().stream().filter(x -> x.id().toString().equals(attachmentId)).findFirst()
                    .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND));
            return reads.staffRead(actor, read.dossier(), "attachment.read", receiptCode + "/" + a.id(), remoteAddr)
                    .chain(() -> Uni.createFrom().item(() -> new Stored(a, store.get(a.storageKey()))))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        });
    }

    public record Stored(AttachmentRecord record, byte[] bytes) {
        public String contentType() {
            return record.contentType();
        }

        public String fileName() {
            return record.fileName();
        }

        /** The Content-Disposition that shows it in the browser under its name (RFC 6266, any script of name). */
        public String disposition() {
            return "inline; filename*=UTF-8''" + java.net.URLEncoder.encode(record.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20");
        }

    }

    private Uni<Void> mayAdd(Actor actor, Dossier d) {
        if (!actor.isStaff()) {
            policy.authorizeSelf(actor, Permission.ATTACH_OWN);
            DossierWork.ownedBy(d, DossierWork.key(actor));
            return Uni.createFrom().voidItem();
        }
        return policy.authorize(actor, Permission.ATTACH, d.tenantId).replaceWithVoid();
    }

    /** The upload read, sniffed and made safe to keep (photos re-encoded, PDFs without active content). Blocking: on a worker. */
    AttachmentFiles.Prepared prepare(Path upload) {
        AttachmentFiles.Upload file = AttachmentFiles.read(upload, AttachmentFiles.ACCEPTED);
        var a = config.attachments();
        return AttachmentFiles.prepare(file.type(), file.bytes(), a.maxImageSide(), a.jpegQuality());
    }

    /** The extension each stored type is named with. */
    private static final java.util.Map<String, String> EXTENSIONS = java.util.Map.of("application/pdf", ".pdf", "image/jpeg", ".jpg",
            "image/png", ".png");

    /**
     * The file's name as shown to people and given to a browser that downloads it: no folders, no control or invisible
     * formatting characters (a right-to-left override would show "anh.gpj.exe" as "anh.exe.jpg"), composed (NFC), at
     * most 100 characters before the extension, and the extension of the type the bytes are stored as (sniffed, then
     * perhaps re-encoded: a PNG photo kept as JPEG is named .jpg), never the one the client gave.
     */
    static String safeName(String name, String storedType) {
        String n = name == null ? "" : java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC).replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\\p{Cf}]", "").strip();
        int dot = n.lastIndexOf('.');
        // Whatever follows the last dot is the client's extension, replaced below; no leading or trailing dots remain.
        String base = (dot >= 0 ? n.substring(0, dot) : n).replaceAll("^[.\\s]+|[.\\s]+$", "");
        if (base.isEmpty()) {
            base = "tep";
        }
        if (base.length() > 100) {
            base = base.substring(0, 100).strip();
        }
        return base + EXTENSIONS.getOrDefault(storedType, "");
    }
}
