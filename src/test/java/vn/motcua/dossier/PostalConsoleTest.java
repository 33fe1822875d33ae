package vn.motcua.dossier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static vn.motcua.dossier.Dossiers.WARD;
import static vn.motcua.dossier.Dossiers.act;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import vn.motcua.dossier.domain.TrackingNumbers;
import vn.motcua.dossier.usecase.PostalDeliveries;
import vn.motcua.dossier.usecase.PostalDelivery;
import vn.motcua.dossier.usecase.PostalItem;
import vn.motcua.dossier.usecase.PostalManifest;
import vn.motcua.dossier.usecase.PostalManifests;
import vn.motcua.identity.Actor;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.support.Demo;
import vn.motcua.support.Tokens;

/**
 * The postal console's rules, on the real database and Keycloak: a manifest holds only what this office took in for
 * that desk and has not handed over, never twice; the desk confirms it, noting what is missing; another office or
 * desk neither sees nor confirms it; tracking numbers are checked; delivered returns the dossier by post, failed
 * keeps it result-ready with the reason before the desk.
 */
@QuarkusTest
class PostalConsoleTest {

    static final String OFFICE = Demo.POST_OFFICE;
    static final Actor CLERK = new Actor(Actor.Realm.STAFF, "postal-test-clerk", Demo.POSTAL_CLERK, "Đặng Thị Mai", Set.of("postal-clerk"),
            Set.of(), Set.of(OFFICE));
    static final Actor OTHER_CLERK = new Actor(Actor.Realm.STAFF, "postal-test-other", "buudien.caugiay", "Bưu điện khác",
            Set.of("postal-clerk"), Set.of(), Set.of(Demo.OTHER_POST_OFFICE));
    static final Actor DESK = new Actor(Actor.Realm.STAFF, "postal-test-desk", Demo.RECEIVER, "Cán bộ một cửa", Set.of("receiver"),
            Set.of(WARD), Set.of());
    static final Actor OTHER_DESK = new Actor(Actor.Realm.STAFF, "postal-test-other-desk", Demo.OTHER_WARD_RECEIVER, "Cán bộ khác",
            Set.of("receiver"), Set.of(Demo.OTHER_WARD), Set.of());
    static final Actor PROCESSOR = new Actor(Actor.Realm.STAFF, "postal-test-processor", Demo.PROCESSOR, "Chuyên viên", Set.of("processor"),
            Set.of(WARD), Set.of());

    @Inject
    PostalManifests manifests;

    @Inject
    PostalDeliveries deliveries;

    static <T> T await(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Uni.createFrom().<T>deferred(work::get));
    }

    static ProblemException refused(Supplier<Uni<?>> work) {
        return assertThrows(ProblemException.class, () -> VertxContextSupport.subscribeAndAwait(() -> Uni.createFrom().<Object>deferred(work::get)));
    }

    static String takeIn() {
        return PostalScopeTest.submit(Tokens.staff(Demo.POSTAL_CLERK), PostalScopeTest.byPost("postal", PostalScopeTest.ADDRESS)).statusCode(201)
                .extract().path("receiptCode");
    }

    @Test
    void aManifestHoldsOnlyTheOfficesOwnDossiersForThatDeskAndNeverTwice() throws Throwable {
        String one = takeIn();
        String two = takeIn();
        List<String> waiting = await(() -> manifests.notHandedOver(CLERK, OFFICE)).stream().map(PostalItem::receiptCode).toList();
        assertTrue(waiting.containsAll(List.of(one, two)), waiting.toString());

        // Not for another desk, not a dossier submitted online, not one it did not take in.
        String online = PostalScopeTest.submit(Tokens.citizen(Demo.CITIZEN), PostalScopeTest.byPost("online-full", PostalScopeTest.ADDRESS))
                .statusCode(201).extract().path("receiptCode");
        ProblemException wrongDesk = refused(() -> manifests.make(CLERK, OFFICE, Demo.OTHER_WARD, List.of(one), null, "127.0.0.1"));
        assertEquals(ProblemType.VALIDATION_FAILED, wrongDesk.type());
        assertEquals("codes", wrongDesk.fieldErrors().get(0).field());
        assertEquals(ProblemType.VALIDATION_FAILED,
                refused(() -> manifests.make(CLERK, OFFICE, WARD, List.of(one, online), null, "127.0.0.1")).type());
        assertEquals(ProblemType.VALIDATION_FAILED, refused(() -> manifests.make(CLERK, OFFICE, WARD, List.of(), null, "127.0.0.1")).type());
        assertEquals(ProblemType.VALIDATION_FAILED,
                refused(() -> manifests.make(CLERK, OFFICE, WARD, List.of(one), "x".repeat(5000), "127.0.0.1")).type());
        // Another office sees none of them: row-level security hides them from its scope.
        assertEquals(ProblemType.VALIDATION_FAILED,
                refused(() -> manifests.make(OTHER_CLERK, Demo.OTHER_POST_OFFICE, WARD, List.of(one), null, "127.0.0.1")).type());
        assertEquals(ProblemType.FORBIDDEN, refused(() -> manifests.make(OTHER_CLERK, OFFICE, WARD, List.of(one), null, "127.0.0.1")).type());
        assertEquals(ProblemType.FORBIDDEN, refused(() -> manifests.notHandedOver(DESK, OFFICE)).type());

        PostalManifest m = await(() -> manifests.make(CLERK, OFFICE, WARD, List.of(one, two), "Chuyến sáng", "127.0.0.1"));
        assertEquals(2, m.items());
        assertEquals(Set.of(one, two), Set.copyOf(m.lines().stream().map(PostalManifest.Line::receiptCode).toList()));
        assertFalse(m.confirmed());
        // Handed over: no longer waiting, and not twice.
        List<String> after = await(() -> manifests.notHandedOver(CLERK, OFFICE)).stream().map(PostalItem::receiptCode).toList();
        assertFalse(after.contains(one) || after.contains(two), after.toString());
        assertEquals(ProblemType.VALIDATION_FAILED, refused(() -> manifests.make(CLERK, OFFICE, WARD, List.of(one), null, "127.0.0.1")).type());
        // The dossier's history says so.
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).get("/api/t/{t}/dossiers/{code}", WARD, one).then().statusCode(200)
                .body("history[-1].action", equalTo("postal-handed-over"))
                .body("history[-1].detail.manifest", equalTo(m.number()));

        // The office reads it; another office does not find it.
        assertEquals(m.id(), await(() -> manifests.readAtOffice(CLERK, OFFICE, m.id().toString())).id());
        assertEquals(ProblemType.NOT_FOUND, refused(() -> manifests.readAtOffice(OTHER_CLERK, Demo.OTHER_POST_OFFICE, m.id().toString())).type());
        assertEquals(ProblemType.NOT_FOUND, refused(() -> manifests.readAtOffice(CLERK, OFFICE, "not-a-manifest")).type());

        // Another desk neither sees nor confirms it; a specialist of the right desk may not confirm.
        assertFalse(await(() -> manifests.toTenant(OTHER_DESK, Demo.OTHER_WARD)).stream().anyMatch(x -> x.id().equals(m.id())));
        assertEquals(ProblemType.TENANT_FORBIDDEN,
                refused(() -> manifests.confirm(OTHER_DESK, WARD, m.id().toString(), List.of(one), null, "127.0.0.1")).type());
        assertEquals(ProblemType.NOT_FOUND,
                refused(() -> manifests.confirm(OTHER_DESK, Demo.OTHER_WARD, m.id().toString(), List.of(one), null, "127.0.0.1")).type());
        assertEquals(ProblemType.ACTION_FORBIDDEN,
                refused(() -> manifests.confirm(PROCESSOR, WARD, m.id().toString(), List.of(one), null, "127.0.0.1")).type());
        assertEquals(ProblemType.VALIDATION_FAILED,
                refused(() -> manifests.confirm(DESK, WARD, m.id().toString(), List.of("BD-000000-9999"), null, "127.0.0.1")).type());

        // The desk sees it and confirms: one arrived, one is missing.
        assertTrue(await(() -> manifests.toTenant(DESK, WARD)).stream().anyMatch(x -> x.id().equals(m.id()) && x.lines().size() == 2));
        PostalManifest confirmed = await(() -> manifests.confirm(DESK, WARD, m.id().toString(), List.of(one), "Thiếu hồ sơ thứ hai", "127.0.0.1"));
        assertTrue(confirmed.confirmed());
        assertEquals(1, confirmed.received());
        assertEquals(1, confirmed.missing());
        assertEquals(ProblemType.CONCURRENT_CHANGE,
                refused(() -> manifests.confirm(DESK, WARD, m.id().toString(), List.of(one, two), null, "127.0.0.1")).type());
        // The missing one may be handed over again; the received one may not.
        List<String> again = await(() -> manifests.notHandedOver(CLERK, OFFICE)).stream().map(PostalItem::receiptCode).toList();
        assertTrue(again.contains(two) && !again.contains(one), again.toString());
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).get("/api/t/{t}/dossiers/{code}", WARD, two).then().statusCode(200)
                .body("history[-1].action", equalTo("postal-missing"))
                .body("history[-1].reason", equalTo("Thiếu hồ sơ thứ hai"));
    }

    @Test
    void theJsonApisDeliveryEndsTheDeliveryOnItsWay() throws Throwable {
        String code = takeIn();
        Dossiers.digitized(Demo.RECEIVER, WARD, code);
        for (String[] step : new String[][] { { Demo.RECEIVER, "receive" }, { Demo.PROCESSOR, "assign" }, { Demo.PROCESSOR, "propose" },
                { Demo.APPROVER, "approve" }, { Demo.RECEIVER, "mark-result-ready" } }) {
            act(step[0], WARD, code, step[1]).statusCode(200);
        }
        await(() -> deliveries.send(CLERK, OFFICE, code, "EE000000003VN", "127.0.0.1"));
        PostalScopeTest.deliver(code).statusCode(200).body("status", equalTo("returned"));
        assertTrue(await(() -> deliveries.ofTenant(DESK, WARD)).stream()
                .anyMatch(x -> x.receiptCode().equals(code) && x.state().equals("delivered")));
    }

    @Test
    void trackingNumbersAreChecked() {
        assertEquals("EE123456789VN", TrackingNumbers.normalize(" ee 123 456 789 vn ", "tracking"));
        assertEquals("0123456789", TrackingNumbers.normalize("0123-456-789", "tracking"));
        for (String bad : List.of("", "EE12345VN", "<script>", "' OR '1'='1", "ABCDEFGHIJ", "x".repeat(41), "EE123456789VN\u0000")) {
            ProblemException e = assertThrows(ProblemException.class, () -> TrackingNumbers.normalize(bad, "tracking"), bad);
            assertEquals("tracking", e.fieldErrors().get(0).field());
        }
    }

    @Test
    void deliveredReturnsTheDossierByPostAndFailedKeepsItReadyWithTheReason() throws Throwable {
        String code = takeIn();
        // Not before the result is ready, and not with a bad number.
        assertEquals(ProblemType.ILLEGAL_TRANSITION, refused(() -> deliveries.send(CLERK, OFFICE, code, "EE123456789VN", "127.0.0.1")).type());
        Dossiers.digitized(Demo.RECEIVER, WARD, code);
        act(Demo.RECEIVER, WARD, code, "receive").statusCode(200);
        act(Demo.PROCESSOR, WARD, code, "assign").statusCode(200);
        act(Demo.PROCESSOR, WARD, code, "propose").statusCode(200);
        act(Demo.APPROVER, WARD, code, "approve").statusCode(200);
        act(Demo.RECEIVER, WARD, code, "mark-result-ready").statusCode(200);
        assertTrue(await(() -> deliveries.round(CLERK, OFFICE)).stream().anyMatch(r -> r.item().receiptCode().equals(code) && r.latest() == null));
        assertEquals(ProblemType.VALIDATION_FAILED, refused(() -> deliveries.send(CLERK, OFFICE, code, "12-AB", "127.0.0.1")).type());
        assertEquals(ProblemType.FORBIDDEN, refused(() -> deliveries.send(OTHER_CLERK, OFFICE, code, "EE123456789VN", "127.0.0.1")).type());
        assertEquals(ProblemType.DOSSIER_NOT_FOUND,
                refused(() -> deliveries.send(OTHER_CLERK, Demo.OTHER_POST_OFFICE, code, "EE123456789VN", "127.0.0.1")).type());
        // Nothing on its way yet: neither delivered nor failed.
        assertEquals(ProblemType.CONCURRENT_CHANGE, refused(() -> deliveries.delivered(CLERK, OFFICE, code, null, "127.0.0.1")).type());

        PostalDelivery sent = await(() -> deliveries.send(CLERK, OFFICE, code, "ee123456789vn", "127.0.0.1"));
        assertEquals("EE123456789VN", sent.tracking());
        assertEquals(PostalDelivery.SENT, sent.state());
        assertEquals(ProblemType.CONCURRENT_CHANGE, refused(() -> deliveries.send(CLERK, OFFICE, code, "EE000000000VN", "127.0.0.1")).type());
        assertEquals(ProblemType.VALIDATION_FAILED, refused(() -> deliveries.failed(CLERK, OFFICE, code, " ", "127.0.0.1")).type());

        PostalDelivery failed = await(() -> deliveries.failed(CLERK, OFFICE, code, "Người nhận đi vắng", "127.0.0.1"));
        assertEquals(PostalDelivery.FAILED, failed.state());
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).get("/api/t/{t}/dossiers/{code}", WARD, code).then().statusCode(200)
                .body("status", equalTo("result-ready"))
                .body("history[-1].action", equalTo("postal-failed"))
                .body("history[-1].reason", equalTo("Người nhận đi vắng"));
        // The desk sees the failure and its reason, on its page too; another desk does not.
        assertTrue(await(() -> deliveries.ofTenant(DESK, WARD)).stream()
                .anyMatch(x -> x.receiptCode().equals(code) && x.state().equals("failed") && x.reason().equals("Người nhận đi vắng")));
        assertFalse(await(() -> deliveries.ofTenant(OTHER_DESK, Demo.OTHER_WARD)).stream().anyMatch(x -> x.receiptCode().equals(code)));
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).accept("text/html").get("/console/{t}/postal", WARD).then().statusCode(200)
                .body(containsString("EE123456789VN")).body(containsString("Người nhận đi vắng"));
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).accept("text/html").get("/console/{t}/postal", Demo.OTHER_WARD).then()
                .statusCode(403);
        given().auth().oauth2(Tokens.staff(Demo.POSTAL_CLERK)).accept("text/html").get("/postal/{o}", Demo.OTHER_POST_OFFICE).then()
                .statusCode(403);

        // Sent again under a new number, and delivered: the dossier is returned by post.
        await(() -> deliveries.send(CLERK, OFFICE, code, "EE000000001VN", "127.0.0.1"));
        PostalDelivery delivered = await(() -> deliveries.delivered(CLERK, OFFICE, code, "Người nhận: Nguyễn Văn An", "127.0.0.1"));
        assertEquals(PostalDelivery.DELIVERED, delivered.state());
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).get("/api/t/{t}/dossiers/{code}", WARD, code).then().statusCode(200)
                .body("status", equalTo("returned"))
                .body("history[-1].action", equalTo("return"))
                .body("history[-1].detail.channel", equalTo("post"));
        assertFalse(await(() -> deliveries.round(CLERK, OFFICE)).stream().anyMatch(r -> r.item().receiptCode().equals(code)));
        // Returned: nothing more to deliver. The desk sees it delivered.
        assertTrue(await(() -> deliveries.ofTenant(DESK, WARD)).stream()
                .anyMatch(x -> x.receiptCode().equals(code) && x.tracking().equals("EE000000001VN") && x.state().equals("delivered")));
        assertEquals(ProblemType.ILLEGAL_TRANSITION, refused(() -> deliveries.delivered(CLERK, OFFICE, code, null, "127.0.0.1")).type());
        assertEquals(ProblemType.ILLEGAL_TRANSITION, refused(() -> deliveries.send(CLERK, OFFICE, code, "EE000000002VN", "127.0.0.1")).type());
    }
}
