package vn.motcua.dossier.usecase;

import vn.motcua.dossier.domain.DossierCommands;
import vn.motcua.platform.error.FieldIssue;

/**
 * What an applicant sends to rate a dossier: a score from 1 to 5 and an optional comment (at most 1,000 characters).
 * {@link RateDossier} checks both.
 */
public record RatingInput(Integer score, String comment) {

    /**
     * The input of a page's form, where the score is text: blank is no score, anything but a whole number a field
     * error on {@code score} (400), as the API answers for the same mistake.
     */
    public static RatingInput fromForm(String score, String comment) {
        if (score == null || score.isBlank()) {
            return new RatingInput(null, comment);
        }
        try {
            return new RatingInput(Integer.valueOf(score.strip()), comment);
        } catch (NumberFormatException e) {
            throw DossierCommands.validation("score", FieldIssue.NOT_WHOLE_NUMBER);
        }
    }
}
