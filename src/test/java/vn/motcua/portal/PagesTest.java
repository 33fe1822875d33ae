package vn.motcua.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The portal home: Vietnamese first, an English switch that sticks, accessible and script-free. */
@QuarkusTest
class PagesTest {

    @Test
    void theHomePageListsTheTenantsInVietnamese() {
        given().get("/offices").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<html lang=\"vi\">"))
                .body(containsString("Các cơ quan tiếp nhận hồ sơ"))
                .body(containsString("Quận Ba Đình"))
                .body(containsString("Phường Điện Biên"))
                .body(containsString("Có 40 đơn vị"))
                .body(containsString("Đăng nhập"))
                .body(containsString("href=\"#main\""))
                .body(not(containsString("<script")));
    }

    @Test
    void theLanguageSwitchShowsEnglishAndRemembersIt() {
        given().queryParam("lang", "en").get("/offices").then().statusCode(200)
                .cookie("lang", equalTo("en"))
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("Offices that receive dossiers"))
                .body(containsString("Ba Dinh District"))
                .body(containsString("Sign in"));
        given().cookie("lang", "en").get("/offices").then().statusCode(200)
                .body(containsString("Offices that receive dossiers"));
        given().cookie("lang", "en").queryParam("lang", "vi").get("/offices").then().statusCode(200)
                .cookie("lang", equalTo("vi"))
                .body(containsString("Các cơ quan tiếp nhận hồ sơ"));
    }

    /** The procedure page kept for anonymous visitors is the same page, compressed or not, in each language. */
    @Test
    void theKeptProcedurePageIsTheSameCompressedOrNot() {
        for (int i = 0; i < 2; i++) {
            given().header("Accept-Encoding", "gzip").get("/procedures/1.001193?ward=ba-dinh-dien-bien").then().statusCode(200)
                    .header("Content-Encoding", "gzip").body(containsString("Phường Điện Biên")).body(containsString("<html lang=\"vi\">"));
            given().header("Accept-Encoding", "identity").get("/procedures/1.001193?ward=ba-dinh-dien-bien").then().statusCode(200)
                    .body(containsString("Phường Điện Biên"));
            given().header("Accept-Encoding", "gzip").queryParam("lang", "en").get("/procedures/1.001193").then().statusCode(200)
                    .body(containsString("<html lang=\"en\">")).body(containsString("Birth registration"));
        }
    }
}
