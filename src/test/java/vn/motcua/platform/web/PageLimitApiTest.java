package vn.motcua.platform.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import vn.motcua.support.Demo;
import vn.motcua.support.Tokens;

/** Every listing's {@code limit} is checked the same way, with the error in the reader's language. */
@QuarkusTest
class PageLimitApiTest {

    record Listing(String path, String user, boolean citizen, int max) {
        @Override
        public String toString() {
            return path;
        }
    }

    static Stream<Listing> listings() {
        return Stream.of(
                new Listing("/api/t/ba-dinh-kim-ma/queue", Demo.DISTRICT_RECEIVER, false, 200),
                new Listing("/api/me/dossiers", Demo.CITIZEN, true, 200),
                new Listing("/api/postal/bd-ba-dinh/dossiers", Demo.POSTAL_CLERK, false, 200),
                new Listing("/api/me/data-access", Demo.CITIZEN, true, 500),
                new Listing("/api/t/ba-dinh/audit", Demo.DISTRICT_ADMIN, false, 500));
    }

    @ParameterizedTest
    @MethodSource("listings")
    void aLimitOutOfRangeOrNotANumberIsAFieldErrorInTheReadersLanguage(Listing listing) {
        String token = listing.citizen() ? Tokens.citizen(listing.user()) : Tokens.staff(listing.user());
        for (int limit : new int[] { 0, listing.max() + 1 }) {
            given().auth().oauth2(token).queryParam("limit", limit).get(listing.path()).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("/problems/validation-failed"))
                    .body("errors", hasSize(1))
                    .body("errors[0].field", equalTo("limit"))
                    .body("errors[0].message", equalTo("Nhập một số từ 1 đến " + listing.max() + "."));
        }
        given().auth().oauth2(token).queryParam("limit", "mười").get(listing.path()).then().statusCode(400)
                .body("errors[0].field", equalTo("limit")).body("errors[0].message", equalTo("Cần nhập một số."));
        given().auth().oauth2(token).header("Accept-Language", "en").queryParam("limit", "ten").get(listing.path()).then().statusCode(400)
                .body("errors[0].message", equalTo("Enter a number."));
        given().auth().oauth2(token).queryParam("limit", listing.max()).get(listing.path()).then().statusCode(200);
        given().auth().oauth2(token).queryParam("limit", "").get(listing.path()).then().statusCode(200);
    }
}
