package vn.motcua.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Static assets are versioned by their content: each file's name carries the first 8 hex digits of its SHA-256, so
 * a year's caching can never serve a stale copy. Every asset a template links exists, and is served cached for a year.
 */
@QuarkusTest
class StaticAssetsTest {

    static final Path STATIC = Path.of("src/main/resources/META-INF/resources/static");
    static final Pattern NAME = Pattern.compile("^[a-z-]+\\.([0-9a-f]{8})\\.(js|css|svg|png)$");
    static final Pattern LINKED = Pattern.compile("/static/([A-Za-z0-9.-]+)");

    @Test
    void eachAssetIsNamedAfterItsContentAndCachedForAYear() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(STATIC)) {
            files = s.toList();
        }
        assertFalse(files.isEmpty());
        for (Path f : files) {
            Matcher m = NAME.matcher(f.getFileName().toString());
            assertTrue(m.matches(), f + ": name it <name>.<8 hex of its SHA-256>.<ext>");
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))).substring(0, 8);
            assertEquals(hash, m.group(1), f + " changed: rename it to carry its new hash, and link the new name");
            given().get("/static/" + f.getFileName()).then().statusCode(200)
                    .header("Cache-Control", equalTo("public, max-age=31536000, immutable"))
                    .header("X-Content-Type-Options", equalTo("nosniff"));
        }
    }

    @Test
    void everyLinkedAssetExists() throws IOException {
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path t : templates.filter(Files::isRegularFile).toList()) {
                Matcher m = LINKED.matcher(Files.readString(t));
                while (m.find()) {
                    assertTrue(Files.exists(STATIC.resolve(m.group(1))), t + " links a missing asset " + m.group());
                }
            }
        }
    }

    @Test
    void aPageWithoutAPhotoFieldLoadsNoScript() {
        given().get("/tra-cuu").then().statusCode(200).body(org.hamcrest.Matchers.not(containsString("<script")));
    }
}
