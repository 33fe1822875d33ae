package vn.motcua.dossier.usecase;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import vn.motcua.calendar.VietnameseLunarCalendar;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.DossierConfig;
import vn.motcua.dossier.domain.DossierCommands;
import vn.motcua.dossier.store.AttachmentStore;
import vn.motcua.dossier.store.DraftFiles;
import vn.motcua.dossier.store.DraftRows;
import vn.motcua.identity.AccessPolicy;
import vn.motcua.identity.Actor;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;
import vn.motcua.platform.error.FieldIssue;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;

/**
 * The papers of a draft (giấy tờ của hồ sơ nháp): one file a paper of the procedure's list, staged before submitting,
 * checked and kept exactly as a dossier's attachment is ({@link AttachmentService}: the type sniffed, photos
 * re-encoded, PDFs without active content, the size bounded), its bytes in the attachment store at once and its row
 * the draft owner's alone. A new file for a paper replaces the one before; on submission the files become the
 * dossier's attachments ({@link Drafts#submit}).
 */
@ApplicationScoped
public class DraftPapers {

    private static final Logger LOG = Logger.getLogger(DraftPapers.class);

    /** A staged file, as a page lists it (without its storage key). */
    public record StagedPaper(String id, int document, String fileName, String contentType, long storedBytes) {
        public boolean image() {
            return contentType.startsWith("image/");
        }
    }

    private final ScopedTransactions transactions;
    private final DraftRows drafts;
    private final DraftFiles files;
    private final AttachmentStore store;
    private final AttachmentService attachments;
    private final CatalogService catalog;
    private final AccessPolicy policy;
    private final DossierConfig config;

    DraftPapers(ScopedTransactions transactions, DraftRows drafts, DraftFiles files, AttachmentStore store, AttachmentService attachments,
            CatalogService catalog, AccessPolicy policy, DossierConfig config) {
        this.transactions = transactions;
        this.drafts = drafts;
        this.files = files;
        this.store = store;
        this.attachments = attachments;
        this.catalog = catalog;
        this.policy = policy;
        this.config = config;
    }

    /** The files staged in the owner's draft, by paper. */
    public Uni<List<StagedPaper>> staged(Actor actor, UUID draft) {
        String me = owner(actor);
        return transactions.onConnection(TenantScope.none().as(me), conn -> files.of(conn, me, draft))
                .map(list -> list.stream().map(DraftPapers::view).toList());
    }

    /**
     * Stages the uploaded file (already on disk, in the upload folder) for paper number {@code document} of the
     * draft's procedure, replacing the file staged for it before. Refused, with nothing staged changed, when the file
     * is too big, empty, of a kind not taken or unreadable ({@code file}), or the paper is not the procedure's
     * ({@code document}).
     */
    public Uni<StagedPaper> stage(Actor actor, UUID draft, Integer document, String fileName, Path upload, long size) {
        String me = owner(actor);
        if (size > attachments.maxBytes()) {
            throw new ProblemException(ProblemType.FILE_TOO_LARGE, config.attachments().maxMegabytes() + " MB");
        }
        if (size == 0 || upload == null) {
            throw DossierCommands.validation("file", FieldIssue.EMPTY_FILE);
        }
        return open(me, draft).chain(d -> {
            int papers = version(d).documents().size();
            if (document == null || document < 1 || document > papers) {
                throw DossierCommands.validation("document", document == null ? FieldIssue.REQUIRED : FieldIssue.NO_SUCH_DOCUMENT, document);
            }
            return Uni.createFrom().item(() -> {
                var prepared = attachments.prepare(upload);
                UUID id = UUID.randomUUID();
                String key = store.put(draft, id, prepared.bytes());
                return new DraftFiles.Staged(id, draft, me, document, AttachmentService.safeName(fileName, prepared.contentType()),
                        prepared.contentType(), size, prepared.bytes().length, prepared.sha256(), key);
            }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .chain(f -> transactions.onConnection(TenantScope.none().as(me), conn -> files.stage(conn, f))
                            .onFailure().call(() -> forget(List.of(f.storageKey())))
                            .call(this::forget)
                            .replaceWith(view(f)));
        });
    }

    /** Removes the file staged for paper {@code document}, if any. */
    public Uni<Void> remove(Actor actor, UUID draft, int document) {
        String me = owner(actor);
        return open(me, draft).chain(d -> transactions.onConnection(TenantScope.none().as(me), conn -> files.remove(conn, me, draft, document)))
                .call(this::forget).replaceWithVoid();
    }

    /** A staged file's bytes, for its owner to look at. */
    public Uni<AttachmentService.Stored> read(Actor actor, UUID draft, UUID id) {
        String me = owner(actor);
        return transactions.onConnection(TenantScope.none().as(me), conn -> files.find(conn, me, draft, id))
                .map(found -> found.orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND)))
                .chain(f -> Uni.createFrom().item(() -> new AttachmentService.Stored(f.asAttachment(null), store.get(f.storageKey())))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    /**
     * Removes stored bytes no row refers to any more (a replaced or removed file, a discarded or pruned draft's). After
     * the commit, so a rollback never leaves a row without its bytes; a failure is only logged: the row is gone, and an
     * unreferenced file harms nobody but the disk.
     */
    Uni<Void> forget(List<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().item(() -> {
            for (String key : keys) {
                try {
                    store.delete(key);
                } catch (RuntimeException e) {
                    LOG.warnf("Staged file %s: its row is gone and its bytes could not be removed (%s)", key, e.getMessage());
                }
            }
            return (Void) null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** The papers the draft's procedure asks for, in the version a submission today follows. */
    Procedure.Version version(DraftRows.Draft d) {
        return catalog.versionAt(d.procedureCode(), LocalDate.now(VietnameseLunarCalendar.VIETNAM));
    }

    /** The owner's draft not yet submitted; 404 for anyone else's, 409 once it was submitted. */
    private Uni<DraftRows.Draft> open(String me, UUID draft) {
        return transactions.onConnection(TenantScope.none().as(me), conn -> drafts.find(conn, me, draft)).map(found -> {
            DraftRows.Draft d = found.orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND));
            if (d.receiptCode() != null) {
                throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "submitted", "attach", "—");
            }
            return d;
        });
    }

    private String owner(Actor actor) {
        Drafts.mayDraft(policy, actor);
        return DossierWork.key(actor);
    }

    private static StagedPaper view(DraftFiles.Staged f) {
        return new StagedPaper(f.id().toString(), f.document(), f.fileName(), f.contentType(), f.storedBytes());
    }
}
