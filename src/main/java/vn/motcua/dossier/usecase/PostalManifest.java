package vn.motcua.dossier.usecase;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A hand-over manifest (biên bản bàn giao hồ sơ) as the post office and the receiving desk see it: the batch of
 * dossiers an office took in for one tenant, handed over together, and the desk's confirmation of what arrived.
 *
 * @param lines the dossiers, only when one manifest is read (empty in lists)
 */
public record PostalManifest(UUID id, String number, String office, String tenant, OffsetDateTime handedAt, String handedBy,
        OffsetDateTime confirmedAt, String confirmedBy, String note, String confirmNote, int items, int received, int missing,
        List<Line> lines) {

    /** One dossier of the manifest; {@code received} is null until the desk confirms. */
    public record Line(String receiptCode, Boolean received, String applicantName, String procedureCode, LocalDate procedureVersion,
            OffsetDateTime submittedAt, String status) {
    }

    public boolean confirmed() {
        return confirmedAt != null;
    }

    /** The short number printed on the manifest and said on the phone: the first eight characters of its id, in capitals. */
    public static String number(UUID id) {
        return id.toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }
}
