package vn.motcua.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import vn.motcua.dossier.usecase.DossierRead;
import vn.motcua.dossier.usecase.DraftPapers;
import vn.motcua.dossier.usecase.Drafts;
import vn.motcua.dossier.usecase.ReadDossier;
import vn.motcua.identity.Actor;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.support.AppPools;

/**
 * Papers staged in a draft before submitting: a file a paper, checked like a dossier's attachment (a file of the wrong
 * kind refused with nothing staged lost), replaced by a new one with the old bytes gone; refused at submission when a
 * required one is missing (birth registration is submitted wholly online); on submission the dossier's attachments,
 * the same bytes, once even when "Nộp" is tapped twice at once; gone with their bytes when the draft is discarded; and
 * another citizen can neither see them nor stage into the draft, the database itself refusing it.
 */
@QuarkusTest
class DraftPapersTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Drafts drafts;

    @Inject
    DraftPapers papers;

    @Inject
    ReadDossier dossiers;

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "motcua.dossiers.attachments.root")
    Path root;

    /** A birth registration whose answers are all valid: only its papers are missing. */
    static JsonObject birth() {
        return new JsonObject().put("ward", "ba-dinh-dien-bien").put("tenant", "ba-dinh-dien-bien").put("relationship", "self")
                .put("applicant", new JsonObject().put("fullName", "Nguyễn Văn An").put("phone", "0912345678"))
                .put("returnChannel", "counter")
                .put("form", new JsonObject().put("childFullName", "Nguyễn Minh Khang").put("childSex", "nam").put("childBirthDate", "2026-11-20")
                        .put("childBirthPlace", "Bệnh viện Phụ sản Hà Nội").put("childEthnicity", "Kinh")
                        .put("mother", new JsonObject().put("fullName", "Lê Thị Hạnh").put("citizenId", "001190012345").put("birthDate", "1990-03-15")).put("applicantRelationship", "me")
                        .put("contactPhone", "0912345678"));
    }

    static Path png() throws IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
        Path file = Files.createTempFile("giay-", ".png");
        javax.imageio.ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private DraftPapers.StagedPaper stage(Actor who, UUID draft, int document, Path file) throws IOException {
        return papers.stage(who, draft, document, file.getFileName().toString(), file, Files.size(file)).await().atMost(WAIT);
    }

    private long storedFiles(UUID draft) throws IOException {
        Path folder = root.resolve(draft.toString());
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> !f.getFileName().toString().endsWith(".part")).count();
        }
    }

    @Test
    void stagedPapersBecomeTheDossiersOnceAndAMissingRequiredOneIsRefused() throws Exception {
        Actor owner = DraftsTest.citizen("papers-owner");
        Drafts.DraftView d = drafts.start(owner, "1.001193", birth()).await().atMost(WAIT);
        // Wholly online: the three required papers (of five) are asked for, each under its own field.
        assertEquals(List.of("papers.1", "papers.2", "papers.3"), drafts.problems(owner, d, List.of(), Locale.ROOT).await().atMost(WAIT)
                .stream().map(ProblemException.FieldError::field).toList(), "only the papers are missing");
        ProblemException missing = assertThrows(ProblemException.class, () -> drafts.submit(owner, d.id(), "127.0.0.1").await().atMost(WAIT));
        assertEquals(ProblemType.VALIDATION_FAILED, missing.type());
        assertEquals(List.of("papers.1", "papers.2", "papers.3"), missing.fieldErrors().stream().map(ProblemException.FieldError::field).toList());
        assertTrue(drafts.problems(owner, d, List.of(), Locale.forLanguageTag("vi")).await().atMost(WAIT).stream()
                .anyMatch(e -> e.field().equals("papers.2") && e.message().contains("Giấy chứng sinh")), "the check page names the paper");

        stage(owner, d.id(), 1, png());
        stage(owner, d.id(), 2, png());
        DraftPapers.StagedPaper replacing = stage(owner, d.id(), 2, png());
        stage(owner, d.id(), 3, png());
        assertEquals(3, storedFiles(d.id()), "the replaced file's bytes are gone");
        // A file of a kind not taken, and a paper the procedure does not have: refused, nothing staged lost.
        Path text = Files.createTempFile("khong-phai-anh-", ".txt");
        Files.writeString(text, "không phải ảnh");
        assertEquals(ProblemType.FILE_TYPE_NOT_ALLOWED, assertThrows(ProblemException.class, () -> stage(owner, d.id(), 4, text)).type());
        assertEquals(ProblemType.VALIDATION_FAILED, assertThrows(ProblemException.class, () -> stage(owner, d.id(), 9, png())).type());
        List<DraftPapers.StagedPaper> staged = papers.staged(owner, d.id()).await().atMost(WAIT);
        assertEquals(List.of(1, 2, 3), staged.stream().map(DraftPapers.StagedPaper::document).toList());
        assertEquals(replacing.id(), staged.get(1).id());
        assertEquals("image/jpeg", staged.get(0).contentType(), "a photo without transparency is stored re-encoded as JPEG: " + staged.get(0));
        assertTrue(staged.get(0).fileName().endsWith(".jpg"), staged.get(0).fileName());

        // Two taps of "Nộp" at once: one dossier, with the three papers once, the same bytes (no copy).
        List<String> codes = Uni.join().all(drafts.submit(owner, d.id(), "127.0.0.1"), drafts.submit(owner, d.id(), "127.0.0.1"))
                .andFailFast().await().atMost(WAIT);
        assertEquals(codes.get(0), codes.get(1));
        DossierRead read = dossiers.read(owner, codes.get(0), "127.0.0.1").await().atMost(WAIT);
        assertEquals(List.of(1, 2, 3), read.files().stream().map(DossierRead.FileView::document).toList());
        assertEquals(staged.stream().map(DraftPapers.StagedPaper::id).toList(), read.files().stream().map(DossierRead.FileView::id).toList());
        assertEquals(3, storedFiles(d.id()), "the dossier keeps the staged bytes where they are");
        assertEquals(List.of(), papers.staged(owner, d.id()).await().atMost(WAIT), "the draft's rows are gone");
        // A third tap, later: the same dossier; the submitted draft takes no more papers.
        assertEquals(codes.get(0), drafts.submit(owner, d.id(), "127.0.0.1").await().atMost(WAIT));
        assertEquals(ProblemType.ILLEGAL_TRANSITION, assertThrows(ProblemException.class, () -> stage(owner, d.id(), 1, png())).type());
        // Discarding a submitted draft leaves the dossier's bytes alone.
        drafts.discard(owner, d.id()).await().atMost(WAIT);
        assertEquals(3, storedFiles(d.id()));
    }

    @Test
    void aDiscardedDraftTakesItsPapersAndTheirBytes() throws Exception {
        Actor owner = DraftsTest.citizen("papers-discard");
        Drafts.DraftView d = drafts.start(owner, "1.001193", birth()).await().atMost(WAIT);
        stage(owner, d.id(), 2, png());
        papers.remove(owner, d.id(), 2).await().atMost(WAIT);
        assertEquals(0, storedFiles(d.id()), "a removed paper's bytes are gone");
        stage(owner, d.id(), 1, png());
        stage(owner, d.id(), 2, png());
        assertEquals(2, storedFiles(d.id()));
        drafts.discard(owner, d.id()).await().atMost(WAIT);
        assertEquals(0, storedFiles(d.id()));
        assertEquals(ProblemType.NOT_FOUND, assertThrows(ProblemException.class, () -> drafts.load(owner, d.id()).await().atMost(WAIT)).type());
    }

    /** An account keeps its newest 20 unsubmitted drafts: the oldest, pruned, takes its papers' bytes with it. */
    @Test
    void aPrunedDraftTakesItsPapersBytes() throws Exception {
        Actor owner = DraftsTest.citizen("papers-pruned");
        Drafts.DraftView oldest = drafts.start(owner, "1.001193", birth()).await().atMost(WAIT);
        stage(owner, oldest.id(), 1, png());
        assertEquals(1, storedFiles(oldest.id()));
        for (int i = 0; i < vn.motcua.dossier.store.DraftRows.KEPT; i++) {
            drafts.start(owner, "1.001193", birth()).await().atMost(WAIT);
        }
        assertEquals(ProblemType.NOT_FOUND, assertThrows(ProblemException.class, () -> drafts.load(owner, oldest.id()).await().atMost(WAIT)).type());
        assertEquals(0, storedFiles(oldest.id()));
    }

    @Test
    void anotherCitizenCanNeitherSeeNorStageIntoSomeonesDraft() throws Exception {
        Actor owner = DraftsTest.citizen("papers-rls-owner");
        Actor other = DraftsTest.citizen("papers-rls-other");
        Drafts.DraftView d = drafts.start(owner, "1.001193", birth()).await().atMost(WAIT);
        DraftPapers.StagedPaper mine = stage(owner, d.id(), 2, png());
        assertEquals(ProblemType.NOT_FOUND, assertThrows(ProblemException.class, () -> stage(other, d.id(), 1, png())).type());
        assertEquals(List.of(), papers.staged(other, d.id()).await().atMost(WAIT));
        assertEquals(ProblemType.NOT_FOUND, assertThrows(ProblemException.class,
                () -> papers.read(other, d.id(), UUID.fromString(mine.id())).await().atMost(WAIT)).type());
        assertEquals(ProblemType.NOT_FOUND, assertThrows(ProblemException.class, () -> papers.remove(other, d.id(), 2).await().atMost(WAIT)).type());
        assertEquals(1, papers.staged(owner, d.id()).await().atMost(WAIT).size());
        // Under the service's own role, without any owner condition: the row is invisible to another actor, and a row
        // naming the other as owner cannot be put into the owner's draft (the foreign key alone would allow it).
        Pool pool = AppPools.open(vertx, 1);
        try {
            long seen = pool.withTransaction(conn -> conn.preparedQuery("select set_config('app.actor', $1, true)")
                    .execute(Tuple.of("citizens:papers-rls-other"))
                    .chain(() -> conn.preparedQuery("select count(*) from draft_attachment where draft_id = $1").execute(Tuple.of(d.id())))
                    .map(rows -> rows.iterator().next().getLong(0))).await().atMost(WAIT);
            assertEquals(0, seen);
            PgException refused = assertThrows(PgException.class, () -> pool.withTransaction(conn -> conn
                    .preparedQuery("select set_config('app.actor', $1, true)").execute(Tuple.of("citizens:papers-rls-other"))
                    .chain(() -> conn.preparedQuery("insert into draft_attachment (id, draft_id, owner, document, file_name, content_type, "
                            + "size_bytes, stored_bytes, sha256, storage_key) values ($1, $2, 'citizens:papers-rls-other', 1, 'x.png', "
                            + "'image/png', 1, 1, 'x', 'x/y')").execute(Tuple.of(UUID.randomUUID(), d.id())))).await().atMost(WAIT));
            assertEquals("42501", refused.getSqlState(), refused.getMessage());
        } finally {
            pool.closeAndAwait();
        }
    }
}
