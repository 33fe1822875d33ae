package vn.motcua.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.motcua.dossier.usecase.Drafts;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.support.AppPools;

/**
 * A citizen's drafts are theirs alone: another citizen, or an officer, cannot load, change or submit one; under the
 * service's own database role a draft is invisible to any other actor (row-level security, not only the WHERE);
 * anything a client sends beyond the draft's keys is dropped; a page's answers are saved even when refused.
 */
@QuarkusTest
class DraftsTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    Drafts drafts;

    @Inject
    Vertx vertx;

    static Actor citizen(String subject) {
        return new Actor(Actor.Realm.CITIZENS, subject, subject, "Người " + subject, Set.of(Permission.Roles.CITIZEN), Set.of(), Set.of());
    }

    @Test
    void aDraftIsItsOwnersAlone() {
        Actor owner = citizen("draft-owner");
        Actor other = citizen("draft-other");
        Drafts.DraftView d = drafts.start(owner, "1.001193", new JsonObject().put("ward", "ba-dinh-dien-bien")
                .put("tenant", "ba-dinh-dien-bien").put("sneaky", "dropped")).await().atMost(WAIT);
        assertEquals(null, d.data().getValue("sneaky"), "only the draft's own keys are kept");
        ProblemException e = assertThrows(ProblemException.class, () -> drafts.load(other, d.id()).await().atMost(WAIT));
        assertEquals(ProblemType.NOT_FOUND, e.type());
        assertThrows(ProblemException.class, () -> drafts.answer(other, d.id(), new JsonObject(), List.of(), java.util.Locale.ROOT)
                .await().atMost(WAIT));
        assertThrows(ProblemException.class, () -> drafts.submit(other, d.id(), "127.0.0.1").await().atMost(WAIT));
        // A desk officer keeps drafts of their own (taken in at the counter), never a citizen's; an auditor keeps none.
        Actor officer = new Actor(Actor.Realm.STAFF, "draft-officer", "canbo", "Cán bộ", Set.of("receiver"), Set.of("ba-dinh-dien-bien"), Set.of());
        assertEquals(ProblemType.NOT_FOUND, assertThrows(ProblemException.class, () -> drafts.load(officer, d.id()).await().atMost(WAIT)).type());
        Actor auditor = new Actor(Actor.Realm.STAFF, "draft-auditor", "kiemtra", "Kiểm tra", Set.of("auditor"), Set.of("ba-dinh-dien-bien"), Set.of());
        assertEquals(ProblemType.FORBIDDEN, assertThrows(ProblemException.class, () -> drafts.load(auditor, d.id()).await().atMost(WAIT)).type());
        assertEquals(d.id(), drafts.load(owner, d.id()).await().atMost(WAIT).id());
    }

    @Test
    void aCounterDraftIsTheOfficersAtTheirDeskAndTakenAsACounterSubmission() {
        Actor officer = new Actor(Actor.Realm.STAFF, "counter-officer", "canbo.counter", "Cán bộ một cửa", Set.of("receiver"),
                Set.of("ba-dinh-dien-bien"), Set.of());
        Drafts.DraftView d = drafts.startAtCounter(officer, "1.001193", "ba-dinh-dien-bien",
                new JsonObject().put("seat", "online").put("tenant", "cau-giay-yen-hoa")).await().atMost(WAIT);
        assertEquals("counter", d.data().getString("seat"), "the seat is the desk's, whatever was sent");
        assertEquals("ba-dinh-dien-bien", d.data().getString("tenant"), "the receiving office is the desk");
        // Another desk's officer may not take dossiers in here; a specialist takes none in; a citizen does not see it.
        Actor otherDesk = new Actor(Actor.Realm.STAFF, "counter-other", "canbo.yenhoa", "Cán bộ khác", Set.of("receiver"),
                Set.of("cau-giay-yen-hoa"), Set.of());
        ProblemException elsewhere = assertThrows(ProblemException.class,
                () -> drafts.startAtCounter(otherDesk, "1.001193", "ba-dinh-dien-bien", new JsonObject()).await().atMost(WAIT));
        assertTrue(elsewhere.type() == ProblemType.TENANT_FORBIDDEN || elsewhere.type() == ProblemType.FORBIDDEN, elsewhere.type().toString());
        Actor specialist = new Actor(Actor.Realm.STAFF, "counter-specialist", "chuyenvien", "Chuyên viên", Set.of("processor"),
                Set.of("ba-dinh-dien-bien"), Set.of());
        assertThrows(ProblemException.class,
                () -> drafts.startAtCounter(specialist, "1.001193", "ba-dinh-dien-bien", new JsonObject()).await().atMost(WAIT));
        assertEquals(ProblemType.NOT_FOUND,
                assertThrows(ProblemException.class, () -> drafts.load(citizen("counter-citizen"), d.id()).await().atMost(WAIT)).type());
        // A procedure not taken at the counter is refused as unknown there.
        assertEquals(ProblemType.PROCEDURE_NOT_FOUND, assertThrows(ProblemException.class,
                () -> drafts.startAtCounter(officer, "no-such-procedure", "ba-dinh-dien-bien", new JsonObject()).await().atMost(WAIT)).type());
        // Its papers: each required one scanned or exempt before it is taken (Circular 03/2025/TT-VPCP).
        java.util.List<ProblemException.FieldError> missing = drafts.problems(officer, d, List.of("papers"), java.util.Locale.ROOT)
                .await().atMost(WAIT);
        assertEquals(List.of("papers.1", "papers.2", "papers.3"), missing.stream().map(ProblemException.FieldError::field).toList());
        JsonObject marked = d.data().copy().put("exemptions", new JsonObject().put("1", "shown-only").put("2", "confidential")
                .put("3", "not-an-exemption"));
        Drafts.DraftView kept = drafts.keep(officer, d.id(), marked).await().atMost(WAIT);
        assertEquals(List.of("papers.3"), drafts.problems(officer, kept, List.of("papers"), java.util.Locale.ROOT).await().atMost(WAIT)
                .stream().map(ProblemException.FieldError::field).toList(), "an exemption not of the Circular's counts for nothing");
    }

    @Test
    void rowLevelSecurityHidesAnotherActorsDraftEvenWithoutAnOwnerCondition() {
        Actor owner = citizen("rls-owner");
        Drafts.DraftView d = drafts.start(owner, "1.001193", new JsonObject()).await().atMost(WAIT);
        Pool pool = AppPools.open(vertx, 1);
        try {
            long seenByOther = pool.withTransaction(conn -> conn.preparedQuery("select set_config('app.actor', $1, true)")
                    .execute(Tuple.of("citizens:someone-else"))
                    .chain(() -> conn.preparedQuery("select count(*) from dossier_draft where id = $1").execute(Tuple.of(d.id())))
                    .map(rows -> rows.iterator().next().getLong(0))).await().atMost(WAIT);
            long seenByOwner = pool.withTransaction(conn -> conn.preparedQuery("select set_config('app.actor', $1, true)")
                    .execute(Tuple.of("citizens:rls-owner"))
                    .chain(() -> conn.preparedQuery("select count(*) from dossier_draft where id = $1").execute(Tuple.of(d.id())))
                    .map(rows -> rows.iterator().next().getLong(0))).await().atMost(WAIT);
            assertEquals(0, seenByOther);
            assertEquals(1, seenByOwner);
        } finally {
            pool.closeAndAwait();
        }
    }

    @Test
    void aRefusedPageIsSavedAsTyped() {
        Actor owner = citizen("typed-owner");
        Drafts.DraftView d = drafts.start(owner, "1.001193", new JsonObject().put("tenant", "ba-dinh-dien-bien")).await().atMost(WAIT);
        JsonObject typed = d.data().copy().put("applicant", new JsonObject().put("fullName", "Nguyễn Văn An").put("phone", "12345"));
        Drafts.Answered a = drafts.answer(owner, d.id(), typed, List.of("applicant"), java.util.Locale.forLanguageTag("vi")).await().atMost(WAIT);
        assertTrue(a.errors().stream().anyMatch(x -> x.field().equals("applicant.phone")), a.errors().toString());
        assertTrue(a.errors().stream().allMatch(x -> x.field().startsWith("applicant")), "only this page's fields: " + a.errors());
        assertEquals("12345", drafts.load(owner, d.id()).await().atMost(WAIT).data().getJsonObject("applicant").getString("phone"));
    }

    /**
     * The notices page's answer (the draft's {@code contact}) is checked by the submission's own rules, only its fields,
     * kept as typed when refused, and becomes the submission's contact choice.
     */
    @Test
    void theNoticesChoiceIsCheckedByTheSubmissionsRulesAndKeptAsTyped() {
        Actor owner = citizen("contact-owner");
        Drafts.DraftView d = drafts.start(owner, "1.001193", new JsonObject().put("tenant", "ba-dinh-dien-bien")).await().atMost(WAIT);
        JsonObject typed = d.data().copy().put(Drafts.CONTACT, new JsonObject().put("channels", new io.vertx.core.json.JsonArray().add("email"))
                .put("email", "an@").put("language", "vi"));
        Drafts.Answered a = drafts.answer(owner, d.id(), typed, List.of(Drafts.CONTACT), java.util.Locale.forLanguageTag("vi")).await().atMost(WAIT);
        assertEquals(List.of("contact.email"), a.errors().stream().map(x -> x.field()).toList(), a.errors().toString());
        assertEquals("an@", drafts.load(owner, d.id()).await().atMost(WAIT).data().getJsonObject(Drafts.CONTACT).getString("email"));
        // Ticked without an address: required, beside the address.
        typed.getJsonObject(Drafts.CONTACT).remove("email");
        a = drafts.answer(owner, d.id(), typed, List.of(Drafts.CONTACT), java.util.Locale.forLanguageTag("vi")).await().atMost(WAIT);
        assertEquals(List.of("contact.email"), a.errors().stream().map(x -> x.field()).toList(), a.errors().toString());
        typed.getJsonObject(Drafts.CONTACT).put("email", "an@example.vn").put("channels", new io.vertx.core.json.JsonArray().add("email").add("zalo"));
        a = drafts.answer(owner, d.id(), typed, List.of(Drafts.CONTACT), java.util.Locale.forLanguageTag("vi")).await().atMost(WAIT);
        assertEquals(List.of(), a.errors());
        var contact = Drafts.contact(a.draft().data());
        assertEquals(List.of("email", "zalo"), contact.channels());
        assertEquals("an@example.vn", contact.email());
        // Never answered: no choice, the default (SMS and the portal).
        assertEquals(null, Drafts.contact(new JsonObject()));
    }
}
