package vn.motcua.dossier.usecase;

import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import vn.motcua.dossier.DossierConfig;
import vn.motcua.dossier.domain.CitizenCardQr;
import vn.motcua.dossier.domain.DossierCommands;
import vn.motcua.dossier.store.AttachmentFiles;
import vn.motcua.dossier.store.CardQrImages;
import vn.motcua.identity.AccessPolicy;
import vn.motcua.identity.Permission;
import vn.motcua.identity.Actor;
import vn.motcua.platform.error.FieldIssue;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;

/**
 * Reads a citizen ID card from a photo of its front (đọc thẻ căn cước từ ảnh chụp), so that a citizen filling a form
 * need not type their number, name, date of birth and address: the card's QR code is found and read on the server,
 * and its text parsed ({@link CitizenCardQr}). Nothing is kept: not the photo, not what it says.
 *
 * <p>For a citizen who may submit online ({@code dossier.submit-online}). The photo is bounded like an attachment:
 * at most the attachments' size in bytes (refused before it is read) and {@link AttachmentFiles#MAX_PIXELS} pixels
 * (refused from its header, before it is decoded); it is decoded and searched on a worker thread.
 */
@ApplicationScoped
public class ReadCitizenCard {

    /** What a photo may be. */
    private static final java.util.Set<String> PHOTOS = java.util.Set.of("image/jpeg", "image/png");

    /** The request's field the photo comes in, named in the field errors. */
    public static final String FIELD = "image";

    private final AccessPolicy policy;
    private final DossierConfig config;

    ReadCitizenCard(AccessPolicy policy, DossierConfig config) {
        this.policy = policy;
        this.config = config;
    }

    /**
     * The card in the photo {@code upload} (a JPEG or PNG of {@code size} bytes, already on disk; {@code null} when none was sent). Fails with 413
     * {@code file-too-large} (bytes or pixels), 415 {@code file-type-not-allowed} (not a JPEG or PNG), or 400
     * {@code validation-failed} on the field {@value #FIELD}: {@code card_qr_unreadable} (no QR code could be read:
     * take the picture again) or {@code card_qr_not_a_card} (a QR code, but not a citizen ID card's).
     */
    public Uni<CitizenCardQr> read(Actor actor, Path upload, long size) {
        policy.authorizeSelf(actor, Permission.SUBMIT_ONLINE);
        return decoded(upload, size);
    }

    /** The same, by a desk's receiver or a post office's clerk, for a person who came in (a webcam's photo). */
    public Uni<CitizenCardQr> readAtDesk(Actor actor, Path upload, long size) {
        Drafts.mayTakeIn(actor);
        return decoded(upload, size);
    }

    private Uni<CitizenCardQr> decoded(Path upload, long size) {
        if (upload == null) {
            throw DossierCommands.validation(FIELD, FieldIssue.REQUIRED);
        }
        long max = config.attachments().maxMegabytes() * 1024L * 1024L;
        if (size > max) {
            throw new ProblemException(ProblemType.FILE_TOO_LARGE, config.attachments().maxMegabytes() + " MB");
        }
        if (size == 0) {
            throw DossierCommands.validation(FIELD, FieldIssue.EMPTY_FILE);
        }
        return Uni.createFrom().item(() -> decode(upload)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** The request's field a card scanner types into (a USB QR scanner is a keyboard: it types the code's text, then Enter). */
    public static final String TYPED = "card";

    /** The longest text a scanner may type: a card's QR code holds under 200 characters. */
    static final int MAX_TYPED = 1000;

    /**
     * The card whose QR code a scanner typed at the desk or the post office ({@code text}, as typed): fails with 400
     * {@code validation-failed} on the field {@value #TYPED}, {@code card_qr_not_a_card}, when it is not a citizen ID
     * card's (or is too long to be one).
     */
    public CitizenCardQr typed(Actor actor, String text) {
        Drafts.mayTakeIn(actor);
        if (text == null || text.isBlank()) {
            throw DossierCommands.validation(TYPED, FieldIssue.REQUIRED);
        }
        if (text.length() > MAX_TYPED) {
            throw DossierCommands.validation(TYPED, FieldIssue.CARD_QR_NOT_A_CARD);
        }
        return CitizenCardQr.parse(text.strip()).orElseThrow(() -> DossierCommands.validation(TYPED, FieldIssue.CARD_QR_NOT_A_CARD));
    }

    private CitizenCardQr decode(Path upload) {
        AttachmentFiles.Upload photo = AttachmentFiles.read(upload, PHOTOS);
        CardQrImages.Result found = CardQrImages.read(photo.bytes(), config.attachments().maxImageSide());
        Optional<String> text = found.text();
        if (text.isEmpty()) {
            throw DossierCommands.validation(FIELD, FieldIssue.CARD_QR_UNREADABLE);
        }
        return CitizenCardQr.parse(text.get()).orElseThrow(() -> DossierCommands.validation(FIELD, FieldIssue.CARD_QR_NOT_A_CARD));
    }
}
