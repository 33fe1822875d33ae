package vn.motcua.dossier.usecase;

import java.time.OffsetDateTime;

/**
 * The applicant's satisfaction rating of a dossier (đánh giá mức độ hài lòng), as the applicant and the officers who
 * may read the dossier see it.
 *
 * @param score   1 (very dissatisfied) to 5 (very satisfied)
 * @param comment what the applicant wrote, or {@code null}
 * @param at      when they rated it
 */
public record RatingView(int score, String comment, OffsetDateTime at) {
}
