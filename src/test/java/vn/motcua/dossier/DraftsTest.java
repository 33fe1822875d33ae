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
        Actor officer = new Actor(Actor.Realm.STAFF, "draft-officer", "canbo", "Cán bộ", Set.of("receiver"), Set.of("ba-dinh-dien-bien"), Set.of());
        assertEquals(ProblemType.FORBIDDEN, assertThrows(ProblemException.class, () -> drafts.load(officer, d.id()).await().atMost(WAIT)).type());
        assertEquals(d.id(), drafts.load(owner, d.id()).await().atMost(WAIT).id());
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
}
