package vn.motcua.dossier.domain;

import java.util.ArrayList;
import java.util.List;

import vn.motcua.platform.error.FieldIssue;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemException.FieldError;
import vn.motcua.platform.error.ProblemType;

/**
 * The applicant's satisfaction rating (đánh giá mức độ hài lòng, one of the service index's five groups): a score
 * from 1 to 5 and an optional comment, once per dossier, once its result was returned. Pure: the use case loads the
 * dossier and whether it was rated, calls {@link #rate}, and writes what it accepted.
 */
public final class Ratings {

    public static final int MIN_SCORE = 1;
    public static final int MAX_SCORE = 5;
    /** A comment is a few sentences for the office, not a letter: what is stored is shown on every read. */
    public static final int MAX_COMMENT = 1000;

    /** What was accepted: the score, and the comment composed (NFC) and trimmed, {@code null} when there is none. */
    public record Accepted(int score, String comment) {
    }

    private Ratings() {
    }

    /**
     * Checks the input (400 with every field at fault), then the dossier: its result must have been returned (409
     * {@code dossier-not-returned}) and it must not be rated yet (409 {@code rating-exists}).
     */
    public static Accepted rate(Dossier d, boolean alreadyRated, Integer score, String comment) {
        List<FieldError> errors = new ArrayList<>();
        if (score == null) {
            errors.add(FieldError.of("score", FieldIssue.REQUIRED));
        } else if (score < MIN_SCORE || score > MAX_SCORE) {
            errors.add(FieldError.of("score", FieldIssue.OUT_OF_RANGE, MIN_SCORE, MAX_SCORE));
        }
        String text = comment == null || comment.isBlank() ? null : TypedText.nfc(comment.strip());
        if (text != null && text.length() > MAX_COMMENT) {
            errors.add(FieldError.of("comment", FieldIssue.TOO_LONG, MAX_COMMENT));
        } else if (text != null && TypedText.hasControl(text)) {
            errors.add(FieldError.of("comment", FieldIssue.PATTERN));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, errors, errors.size());
        }
        if (d.status != DossierStatus.RETURNED) {
            throw new ProblemException(ProblemType.DOSSIER_NOT_RETURNED, d.receiptCode, d.status.wire()).with("state", d.status.wire());
        }
        if (alreadyRated) {
            throw new ProblemException(ProblemType.RATING_EXISTS, d.receiptCode);
        }
        return new Accepted(score, text);
    }
}
