package vn.motcua.dossier.usecase;

import java.time.OffsetDateTime;
import java.util.List;

import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.domain.Dossier;
import vn.motcua.dossier.store.AttachmentRecord;
import vn.motcua.dossier.store.DossierRepository;
import vn.motcua.tenant.LocalizedText;

/**
 * What a use case hands back about one dossier, for a JSON resource or a page to render: the dossier, what was read
 * with it (empty right after a command), whether the reader sees it as an officer (the actions open to them, the
 * officers' names in the history), and the instant the time left is counted from.
 *
 * @param rating  the applicant's satisfaction rating, once they rated it ({@code null} before, and right after a command)
 * @param officer whether the reader sees the officers' view
 * @param at      the instant of the read or the command
 */
public record DossierRead(Dossier dossier, List<DossierRepository.Event> history, List<Dossier> parts, Dossier parent,
        List<AttachmentRecord> attachments, RatingView rating, boolean officer, OffsetDateTime at) {

    /** The dossier right after a command or a submission: nothing read back with it. */
    public static DossierRead brief(Dossier d, boolean officer, OffsetDateTime at) {
        return new DossierRead(d, List.of(), List.of(), null, List.of(), null, officer, at);
    }

    /** A file of the dossier, as a page lists it (without its storage key or checksum). */
    public record FileView(String id, int document, String fileName, String contentType, long storedBytes) {
        public boolean image() {
            return contentType.startsWith("image/");
        }
    }

    /** The dossier's files, in the order given. */
    public List<FileView> files() {
        return attachments.stream().map(a -> new FileView(a.id().toString(), a.document(), a.fileName(), a.contentType(), a.storedBytes()))
                .toList();
    }

    /**
     * One entry of the history as a page shows it (lịch sử xử lý): when, what was done, by whom (the name recorded
     * then), at which office, and why.
     */
    public record HistoryEntry(OffsetDateTime at, String action, String by, String tenant, String reason) {
    }

    /** The history, oldest first. */
    public List<HistoryEntry> entries() {
        return history.stream().map(e -> new HistoryEntry(e.at(), e.action(), e.actorName(), e.tenantId(), e.reason())).toList();
    }

    /** What the office asked for in its latest supplement request (phiếu yêu cầu bổ sung), if it made one. */
    public java.util.Optional<String> supplementRequest() {
        String found = null;
        for (DossierRepository.Event e : history) {
            if ("request-supplement".equals(e.action())) {
                found = e.reason();
            }
        }
        return java.util.Optional.ofNullable(found);
    }

    /**
     * Why the dossier was late while one step held it, as the office said then: the reasons of the apology letters
     * (thư xin lỗi) sent from {@code from} to {@code to} ({@code null}: still held), joined; empty when none was.
     */
    public java.util.Optional<String> reasonGivenDuring(OffsetDateTime from, OffsetDateTime to) {
        List<String> reasons = history.stream().filter(e -> "apologize".equals(e.action()) && e.reason() != null)
                .filter(e -> !e.at().isBefore(from) && (to == null || !e.at().isAfter(to)))
                .map(DossierRepository.Event::reason).distinct().toList();
        return reasons.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(String.join("; ", reasons));
    }

    /** The name of a step in the version of the procedure a dossier follows (its code if the version lacks it). */
    public static LocalizedText stepName(Procedure.Version version, String code) {
        return version.steps().stream().filter(p -> p.code().equals(code)).map(Procedure.Step::name).findFirst()
                .orElse(new LocalizedText(code, code));
    }
}
