package vn.motcua.identity;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import vn.motcua.dossier.domain.DossierAction;
import vn.motcua.dossier.Dossiers;
import vn.motcua.identity.realm.DemoUser;
import vn.motcua.identity.realm.RealmGenerator;
import vn.motcua.support.Browser;
import vn.motcua.support.Demo;
import vn.motcua.support.ForgedTokens;
import vn.motcua.support.PageRoutes;
import vn.motcua.support.KeycloakAdmin;
import vn.motcua.support.Tokens;
import vn.motcua.tenant.TenantDirectory;
import vn.motcua.tenant.TenantTree;

/**
 * The attack matrix: every way in that should fail, generated rather than written by hand.
 *
 * <p>The endpoints come from the service's own OpenAPI document, each with the permission that guards it
 * ({@code x-permission}); the actors are every demo account; what each actor may do comes from the role matrix
 * ({@link Permission}) and the tenant tree. A new endpoint therefore gets its cases without anyone writing them, and
 * an endpoint without a declared permission fails the suite. Every case is a denial that must hold: a success is a
 * breach. A few positive controls (an allowed read that must see the secret) prove the harness can tell the
 * difference.
 *
 * <p>Groups: forged, expired and foreign tokens on every guarded endpoint and page; every actor outside the scope
 * of every tenant endpoint, on three tenants (the dossier's ward, another ward, the district above); a citizen, a
 * stranger ward's officer and a postal clerk walking receipt codes (IDOR); SQL, path and header injection in every
 * parameter of every endpoint.
 */
@QuarkusTest
class AttackMatrixTest {

    static final String WARD_A = Demo.WARD;
    static final String WARD_B = Demo.OTHER_WARD;
    static final String DISTRICT = Demo.DISTRICT;
    static final String OFFICE = Demo.POST_OFFICE;
    static final String PHONE = Dossiers.PHONE;
    static final List<String> TENANT_TARGETS = List.of(WARD_A, WARD_B, DISTRICT);

    static final List<String> PAYLOADS = List.of(
            "' OR '1'='1",
            "1' OR 1=1 --",
            "'; DROP TABLE dossier; --",
            "x' UNION SELECT receipt_code, applicant_name FROM dossier --",
            "ba-dinh-dien-bien,cau-giay-yen-hoa",
            "%' OR tenants && ARRAY['cau-giay-yen-hoa'] --",
            "\r\nX-Injected: yes",
            "../../../../etc/passwd",
            "${jndi:ldap://127.0.0.1:1389/a}",
            "<script>alert(1)</script>");

    @Inject
    TenantDirectory tenants;

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL base;

    /** What the attacks aim at: ward A's dossier with a secret name, and ward B's. */
    record Fixture(String codeA, String secretA, String attachmentA, String codeB, String secretB, TenantTree tree,
            Map<String, String> tokens) {
    }

    /** One operation of the OpenAPI document. */
    record Op(String method, String path, List<String> permissions, List<Param> params, Object bodySchema) {

        Op(String method, String path, List<String> permissions, List<Param> params) {
            this(method, path, permissions, params, null);
        }

        boolean isPublic() {
            return permissions.equals(List.of("public"));
        }

        boolean isTenantScoped() {
            return path.contains("{tenant}");
        }
    }

    record Param(String name, String in) {
    }

    @TestFactory
    Stream<DynamicNode> attackMatrix() throws Throwable {
        // Fetched first, so that its second of life runs out while the fixture is built rather than in a sleep.
        String expired = KeycloakAdmin.shortLivedToken(RealmGenerator.STAFF, Demo.CITY_ADMIN);
        Fixture f = fixture();
        List<Op> ops = operations();
        // The pages are not in the API document: they come from the application's routes, guarded by the same policy.
        List<PageRoutes.Route> pages = PageRoutes.all();
        // A stream (Server-Sent Events) does not end: it has attacks of its own, which read only its status and headers.
        List<PageRoutes.Route> streams = pages.stream().filter(PageRoutes.Route::stream).toList();
        List<Op> pageReads = pages.stream().filter(r -> r.method().equals("GET") && !r.stream())
                .map(r -> new Op("GET", r.path(), r.permissions(), r.pathParams().stream().map(n -> new Param(n, "path")).toList()))
                .toList();
        List<Op> withPages = new ArrayList<>(ops);
        withPages.addAll(pageReads);
        Map<String, List<DynamicTest>> groups = new LinkedHashMap<>();
        groups.put("tokens", tokenAttacks(f, ops, pageReads, expired));
        groups.put("scope", scopeAttacks(f, withPages));
        groups.put("idor", idorAttacks(f));
        groups.put("injection", injectionAttacks(f, withPages));
        groups.put("forms", formAttacks(f, pages));
        groups.put("bodies", bodyAttacks(f, ops));
        groups.put("headers", headerChecks(f, pageReads));
        groups.put("files", fileAttacks(f));
        groups.put("sign-out", signOutChecks(f, pageReads));
        groups.put("streams", streamAttacks(f, streams));
        groups.put("signatures", signatureAttacks(f, ops));
        List<DynamicTest> controls = positiveControls(f, ops);
        int attacks = groups.values().stream().mapToInt(List::size).sum();
        StringBuilder counts = new StringBuilder();
        groups.forEach((k, v) -> counts.append(' ').append(k).append('=').append(v.size()));
        System.out.printf("Attack matrix: %d attack cases (%s), %d positive controls, over %d API operations and %d page routes%n",
                attacks, counts.toString().strip(), controls.size(), ops.size(), pages.size());
        List<DynamicNode> nodes = new ArrayList<>();
        nodes.add(DynamicTest.dynamicTest("every API operation declares a known permission", () -> everyOperationIsGuarded(ops)));
        nodes.add(DynamicTest.dynamicTest("every page route declares a known permission", () -> everyPageIsGuarded(pages)));
        nodes.add(DynamicTest.dynamicTest("the matrix holds at least 300 attacks", () -> assertTrue(attacks >= 300, "attacks: " + attacks)));
        groups.forEach((k, v) -> nodes.add(DynamicContainer.dynamicContainer(k, v)));
        nodes.add(DynamicContainer.dynamicContainer("positive controls", controls));
        nodes.add(DynamicTest.dynamicTest("after the attacks, the target is untouched", () -> untouched(f)));
        return nodes.stream();
    }

    // ------------------------------------------------------------------------------------------------ the fixture

    private Fixture fixture() throws Throwable {
        TenantTree tree = VertxContextSupport.subscribeAndAwait(() -> tenants.tree());
        Map<String, String> tokens = new LinkedHashMap<>();
        for (DemoUser u : new RealmGenerator(tree, List.of()).demoUsers()) {
            tokens.put(u.username(), Tokens.token(u.realm(), u.username()));
        }
        String secretA = "Bí Mật " + UUID.randomUUID().toString().substring(0, 8);
        String secretB = "Riêng Tư " + UUID.randomUUID().toString().substring(0, 8);
        String codeA = submit(tokens.get(Demo.CITIZEN), WARD_A, secretA);
        String codeB = submit(tokens.get(Demo.OTHER_CITIZEN), WARD_B, secretB);
        String attachment = given().auth().oauth2(tokens.get(Demo.CITIZEN))
                .multiPart("document", "1").multiPart("file", "giay-bao-tu.png", png(), "image/png")
                .post("/api/dossiers/{code}/attachments", codeA).then().statusCode(201).extract().path("id");
        return new Fixture(codeA, secretA, attachment, codeB, secretB, tree, tokens);
    }

    private static String submit(String token, String tenant, String applicant) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Dossiers.submission(Dossiers.DEATH, tenant, "online-full", Dossiers.deathForm(), applicant))
                .post("/api/dossiers").then().statusCode(201).extract().path("receiptCode");
    }

    private static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    /** Every operation of the OpenAPI document, with its declared permissions and parameters. */
    private static List<Op> operations() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        List<Op> ops = new ArrayList<>();
        paths.forEach((path, methods) -> methods.forEach((method, raw) -> {
            if (!(raw instanceof Map<?, ?> op)) {
                return;
            }
            Object declared = op.get(Permission.OPENAPI_EXTENSION);
            List<String> permissions = declared == null ? List.of() : List.of(declared.toString().split(","));
            List<Param> params = new ArrayList<>();
            if (op.get("parameters") instanceof List<?> list) {
                for (Object p : list) {
                    Map<?, ?> m = (Map<?, ?>) p;
                    params.add(new Param(m.get("name").toString(), m.get("in").toString()));
                }
            }
            Object schema = null;
            if (op.get("requestBody") instanceof Map<?, ?> body && body.get("content") instanceof Map<?, ?> content
                    && content.get("application/json") instanceof Map<?, ?> json) {
                schema = json.get("schema");
            }
            ops.add(new Op(method.toUpperCase(Locale.ROOT), path, permissions, params, schema));
        }));
        SCHEMAS.putAll(doc.getMap("components.schemas"));
        return ops;
    }

    /** The OpenAPI document's named schemas, for the request bodies' {@code $ref}s. */
    static final Map<String, Object> SCHEMAS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A request body of the schema with every text field, nested ones too, set to {@code value}. */
    static Object hostileBody(Object schema, String value, int depth) {
        if (!(schema instanceof Map<?, ?> m) || depth > 4) {
            return null;
        }
        if (m.get("$ref") instanceof String ref) {
            return hostileBody(SCHEMAS.get(ref.substring(ref.lastIndexOf('/') + 1)), value, depth + 1);
        }
        if (m.get("properties") instanceof Map<?, ?> properties) {
            Map<String, Object> body = new LinkedHashMap<>();
            properties.forEach((name, property) -> {
                Object v = hostileBody(property, value, depth + 1);
                if (v != null) {
                    body.put(name.toString(), v);
                }
            });
            return body;
        }
        if (EXTREMES.equals(value)) {
            // Extreme numbers and dates where the schema has them; every text field a single character.
            if ("integer".equals(m.get("type"))) {
                return Long.MAX_VALUE;
            }
            if ("number".equals(m.get("type"))) {
                return 1e308;
            }
            if ("string".equals(m.get("type"))) {
                return "date-time".equals(m.get("format")) ? "+999999999-12-31T23:59:59Z"
                        : "date".equals(m.get("format")) ? "-999999999-01-01" : "x";
            }
        }
        if ("string".equals(m.get("type")) && m.get("format") == null) {
            return value;
        }
        if ("array".equals(m.get("type"))) {
            Object item = hostileBody(m.get("items"), value, depth + 1);
            return item == null ? null : List.of(item);
        }
        return null;
    }

    /** What a hostile user puts in every text field of a body: a NUL, a megabyte, markup, SQL, a line break. */
    /** Not a text: the marker for a body of extreme numbers and dates with an unknown field added. */
    static final String EXTREMES = "\u0001extremes";

    static final List<String> BODY_VALUES = List.of(EXTREMES, "nul\u0000byte", "x".repeat(1_000_000), "<img src=x onerror=alert(1)>",
            "' OR '1'='1", "a\r\nX-Injected: yes");

    /**
     * Every JSON body the API takes, from its OpenAPI schema, with every text field hostile: never a 500, never a
     * secret. The action endpoint is sent the action its dossier's state refuses, so nothing changes.
     */
    private List<DynamicTest> bodyAttacks(Fixture f, List<Op> ops) {
        List<DynamicTest> cases = new ArrayList<>();
        for (Op op : ops) {
            if (op.bodySchema() == null || op.isPublic() && op.path().equals("/api/lookup")) {
                continue;
            }
            Expanded base = expand(op).stream().filter(x -> x.pathValues().getOrDefault("action", "return").equals("return"))
                    .findFirst().orElseThrow();
            String actor = op.isTenantScoped() ? "canbo.dienbien" : op.path().contains("{office}") ? "buudien.badinh" : "nguyenvana";
            for (String value : BODY_VALUES) {
                Object body = hostileBody(op.bodySchema(), value, 0);
                if (EXTREMES.equals(value) && body instanceof Map<?, ?> map) {
                    Map<Object, Object> withUnknown = new LinkedHashMap<>(map);
                    withUnknown.put("khongCoTruongNay", Map.of("x", List.of(1, 2)));
                    body = withUnknown;
                }
                Object sent = body;
                String label = EXTREMES.equals(value) ? "extreme numbers and dates, and an unknown field"
                        : value.length() > 40 ? value.length() + " characters" : printable(value);
                cases.add(DynamicTest.dynamicTest(op.method() + " " + op.path() + " body of " + label, () -> {
                    Response r = sendBody(f.tokens().get(actor), base, f, sent);
                    assertTrue(r.statusCode() < 500, () -> "server error with " + label + ": " + r.asString());
                    assertEquals(null, r.header("X-Injected"), "a header was injected");
                    assertNoSecret(r, f);
                }));
            }
        }
        return cases;
    }

    /**
     * A page route with its parameters filled: the tenant given, the fixture's dossier, a real procedure, someone who
     * does not exist. A new parameter must be added here, or the matrix fails rather than test a wrong path.
     */
    static String pagePath(String route, String tenant, Fixture f) {
        String path = route.replace("{tenant}", tenant).replace("{slug}", "forbidden").replace("{code}", "1.001193")
                .replace("{receiptCode}", f.codeA()).replace("{username}", "khong-co-ai").replace("{change}", "disable")
                .replace("{draft}", "00000000-0000-4000-8000-000000000000").replace("{step}", "check")
                .replace("{id}", f.attachmentA()).replace("{document}", "1").replace("{form}", "receipt").replace("{office}", OFFICE)
                .replace("{manifest}", "khong-co").replace("{letter}", "1");
        if (path.contains("{")) {
            throw new AssertionError("the attack matrix does not know a parameter of " + route + ": add it to pagePath");
        }
        return path;
    }

    /**
     * Every page a browser can open, as its visitor would see it (anonymous for public pages, signed in with a bearer
     * token of the right realm otherwise): a policy with no inline script and no framing, nosniff, a referrer
     * policy, and nothing stored when someone is signed in.
     */
    private List<DynamicTest> headerChecks(Fixture f, List<Op> pageReads) {
        List<DynamicTest> cases = new ArrayList<>();
        for (Op op : pageReads) {
            String path = pagePath(op.path(), WARD_A, f);
            String actor = op.isPublic() ? null : path.startsWith("/console/" + WARD_A + "/staff") ? Demo.DISTRICT_ADMIN
                    : path.startsWith("/console") ? Demo.RECEIVER : path.startsWith("/postal") ? Demo.POSTAL_CLERK : Demo.CITIZEN;
            cases.add(DynamicTest.dynamicTest("headers of " + path + (actor == null ? "" : " for " + actor), () -> {
                RequestSpecification spec = given().redirects().follow(false).accept("text/html");
                if (actor != null) {
                    spec.auth().oauth2(f.tokens().get(actor));
                }
                Response r = spec.get(path);
                assertTrue(r.statusCode() < 500, () -> path + ": " + r.statusCode());
                String csp = r.header("Content-Security-Policy");
                assertTrue(csp != null && csp.contains("frame-ancestors 'none'") && !csp.matches(".*script-src[^;]*unsafe-inline.*"),
                        () -> path + " CSP: " + csp);
                assertEquals("nosniff", r.header("X-Content-Type-Options"), path);
                assertEquals("same-origin", r.header("Referrer-Policy"), path);
                if (actor != null) {
                    assertEquals("no-store", r.header("Cache-Control"), path + " for a signed-in visitor");
                }
            }));
        }
        return cases;
    }

    /**
     * Files that are two things at once, or one thing dressed as another, uploaded by the applicant: a JPEG carrying a
     * script after its image, an HTML page and an SVG with a script named and typed as images, a PDF carrying HTML.
     * Each is refused by its sniffed type, or stored so that it can only ever be what it says: served with its own
     * type, nosniff, and (a re-encoded photo) without the payload.
     */
    private List<DynamicTest> fileAttacks(Fixture f) {
        List<DynamicTest> cases = new ArrayList<>();
        byte[] script = "<html><script>alert(document.cookie)</script></html>".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Map<String, Object[]> files = new LinkedHashMap<>();
        files.put("a JPEG with a script after its image", new Object[] { "anh.jpg", "image/jpeg", concat(jpegQuietly(), script) });
        files.put("an HTML page named and typed as a photo", new Object[] { "anh.jpg", "image/jpeg", script });
        files.put("an SVG with a script typed as a PNG", new Object[] { "anh.png", "image/png",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(java.nio.charset.StandardCharsets.US_ASCII) });
        files.put("a PDF carrying HTML", new Object[] { "don.pdf", "application/pdf", concat(
                "%PDF-1.4\n%<html><script>alert(1)</script>\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII), new byte[0]) });
        files.put("a decompression bomb (10,000 x 10,000 pixels)", new Object[] { "bom.png", "image/png", bombQuietly() });
        files.forEach((what, file) -> cases.add(DynamicTest.dynamicTest("upload " + what, () -> {
            String token = f.tokens().get("nguyenvana");
            Response up = given().auth().oauth2(token).multiPart("document", "1").multiPart("file", (String) file[0], (byte[]) file[2],
                    (String) file[1]).post("/api/dossiers/{code}/attachments", f.codeA());
            assertTrue(up.statusCode() < 500, () -> what + ": " + up.asString());
            if (up.statusCode() != 201) {
                assertTrue(Set.of(413, 415, 400).contains(up.statusCode()), () -> what + ": " + up.statusCode());
                return;
            }
            Response got = given().auth().oauth2(token).get("/api/dossiers/{code}/attachments/{id}", f.codeA(), up.path("id"));
            assertEquals(200, got.statusCode());
            String type = got.contentType();
            assertTrue(type.startsWith("image/jpeg") || type.startsWith("image/png") || type.startsWith("application/pdf"),
                    () -> what + " served as " + type);
            assertEquals("nosniff", got.header("X-Content-Type-Options"));
            if (type.startsWith("image/")) {
                assertFalse(got.asString().contains("<script>"), what + ": the photo was stored re-encoded, without the script");
            }
        })));
        return cases;
    }

    private static byte[] bombQuietly() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(10_000, 10_000, BufferedImage.TYPE_BYTE_BINARY), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Sign-out, for each realm: a person signs in and out in a browser; afterwards every page of that realm that
     * needs a sign-in sends the same browser to sign in again, none is served.
     */
    private List<DynamicTest> signOutChecks(Fixture f, List<Op> pageReads) {
        List<DynamicTest> cases = new ArrayList<>();
        for (String realm : List.of("staff", "citizens")) {
            cases.add(DynamicTest.dynamicTest("after signing out of " + realm + ", no page of it is served", () -> {
                Browser b = new Browser();
                boolean staff = realm.equals("staff");
                b.signIn(b.get(base + (staff ? "console" : "signin")), staff ? Demo.DISTRICT_ADMIN : Demo.CITIZEN, DemoUser.PASSWORD);
                var out = b.get(base + (staff ? "console/logout" : "logout"));
                assertEquals("/", out.uri().getPath(), realm + " sign-out ends on the portal");
                for (Op op : pageReads) {
                    if (op.isPublic() || (op.path().startsWith("/console") || op.path().startsWith("/postal")) != staff) {
                        continue;
                    }
                    String page = pagePath(op.path(), DISTRICT, f);
                    // Each page sends the browser to sign in again, leaving a state cookie: dropped, as it would expire.
                    b.forget("q_auth");
                    var r = b.get(base + page.substring(1));
                    // Sent to sign in again; or, for what is not a page (the queue's counts, JSON), refused.
                    assertTrue(r.uri().getPath().startsWith("/realms/" + realm + "/") || r.statusCode() >= 400 && r.statusCode() < 500,
                            () -> page + " after sign-out: " + r.statusCode() + " " + r.uri());
                }
            }));
        }
        return cases;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] jpegQuietly() {
        try {
            BufferedImage image = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = image.createGraphics();
            for (int i = 0; i < 800; i += 7) {
                g.setColor(new java.awt.Color(i % 255, (i * 3) % 255, (i * 7) % 255));
                g.fillRect(i, 0, 7, 600);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Response sendBody(String token, Expanded e, Fixture f, Object body) {
        RequestSpecification spec = given().redirects().follow(false).auth().oauth2(token).contentType(ContentType.JSON)
                .body(body == null ? Map.of() : body);
        String path = e.op().path();
        Map<String, String> values = new LinkedHashMap<>(Map.of("tenant", WARD_A, "receiptCode", f.codeA(), "code", f.codeA(),
                "office", OFFICE, "username", "khong-co-ai", "document", "1"));
        values.putAll(e.pathValues());
        for (Map.Entry<String, String> v : values.entrySet()) {
            path = path.replace("{" + v.getKey() + "}", v.getValue());
        }
        return e.op().method().equals("PUT") ? spec.put(path) : spec.post(path);
    }

    private static void everyPageIsGuarded(List<PageRoutes.Route> pages) {
        List<String> undeclared = new ArrayList<>();
        for (PageRoutes.Route r : pages) {
            if (r.permissions().isEmpty()) {
                undeclared.add(r.method() + " " + r.path() + " (" + r.where() + ") declares no permission");
            }
            for (String p : r.permissions()) {
                if (!p.equals("public") && !p.equals("signed-in") && Permission.byId(p).isEmpty()) {
                    undeclared.add(r.method() + " " + r.path() + " names an unknown permission " + p);
                }
            }
        }
        assertEquals(List.of(), undeclared);
        // The console, its staff page and forms, the portal's home, sign-in, "my page" and problem pages at least.
        assertTrue(pages.size() >= 9, "page routes found: " + pages);
        assertTrue(pages.stream().anyMatch(r -> r.method().equals("POST")), "the staff forms are found: " + pages);
    }

    private static void everyOperationIsGuarded(List<Op> ops) {
        List<String> undeclared = new ArrayList<>();
        for (Op op : ops) {
            if (op.permissions().isEmpty()) {
                undeclared.add(op.method() + " " + op.path());
                continue;
            }
            for (String p : op.permissions()) {
                if (!p.equals("public") && !p.equals("signed-in") && !p.equals("dossier.{action}") && Permission.byId(p).isEmpty()) {
                    undeclared.add(op.method() + " " + op.path() + " names an unknown permission " + p);
                }
            }
        }
        assertEquals(List.of(), undeclared);
        assertTrue(ops.size() >= 15, "operations found: " + ops.size());
    }

    // ------------------------------------------------------------------------------------------------ tokens

    private List<DynamicTest> tokenAttacks(Fixture f, List<Op> ops, List<Op> pageReads, String expired) throws InterruptedException {
        String staff = f.tokens().get(Demo.RECEIVER);
        String citizen = f.tokens().get(Demo.CITIZEN);
        byte[] staffKey = KeycloakAdmin.realmPublicKey(RealmGenerator.STAFF);
        // Past its expiry by 2 s (usually already: it was fetched before the fixture).
        long exp = ForgedTokens.claims(expired).getLong("exp");
        Thread.sleep(Math.max(0, exp * 1000 + 2_000 - System.currentTimeMillis()));
        String issuerStaff = ForgedTokens.claims(staff).getString("iss");
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("no token", null);
        forged.put("not a JWT", "not-a-token");
        forged.put("alg none", ForgedTokens.unsigned(staff, ForgedTokens.elevate()));
        forged.put("claims edited, signature kept", ForgedTokens.tampered(staff, ForgedTokens.elevate()));
        forged.put("signed by another key under the realm's key id", ForgedTokens.resigned(staff, ForgedTokens.elevate()));
        forged.put("HS256 keyed with the realm's public key", ForgedTokens.hmacConfused(staff, staffKey, ForgedTokens.elevate()));
        forged.put("expired", expired);
        forged.put("citizens token re-labelled as staff", ForgedTokens.tampered(citizen, c -> c.put("iss", issuerStaff)));
        forged.put("valid token of the master realm", KeycloakAdmin.masterToken());
        // Genuine tokens of the right realms that are not access tokens of the service's clients.
        forged.put("a citizen's ID token", KeycloakAdmin.idToken(RealmGenerator.CITIZENS, Demo.CITIZEN, DemoUser.PASSWORD));
        forged.put("an officer's ID token", KeycloakAdmin.idToken(RealmGenerator.STAFF, Demo.RECEIVER, DemoUser.PASSWORD));
        forged.put("a service account's token", given().baseUri(vn.motcua.support.EmbeddedServicesResource.keycloakUrl())
                .formParam("grant_type", "client_credentials").formParam("client_id", RealmGenerator.PROVISIONING_CLIENT)
                .formParam("client_secret", RealmGenerator.DEV_PROVISIONING_SECRET)
                .post("/realms/staff/protocol/openid-connect/token").then().statusCode(200).extract().<String>path("access_token"));
        forged.put("an officer's admin-cli token", given().baseUri(vn.motcua.support.EmbeddedServicesResource.keycloakUrl())
                .formParam("grant_type", "password").formParam("client_id", "admin-cli").formParam("username", Demo.RECEIVER)
                .formParam("password", DemoUser.PASSWORD).post("/realms/staff/protocol/openid-connect/token").then().statusCode(200)
                .extract().<String>path("access_token"));
        List<DynamicTest> cases = new ArrayList<>();
        for (Op op : ops) {
            if (op.isPublic()) {
                continue;
            }
            for (Expanded e : expand(op)) {
                forged.forEach((what, token) -> cases.add(DynamicTest.dynamicTest(e.label() + " with " + what, () -> {
                    Reply r = send(token, e, f, Map.of());
                    assertEquals(401, r.statusCode(), () -> e.label() + " accepted " + what + ": " + r.asString());
                    assertNoSecret(r, f);
                })));
            }
        }
        // Every page that needs a sign-in: a bad bearer token is refused; no token at all is sent to its realm's sign-in,
        // never served.
        for (Op op : pageReads) {
            if (op.isPublic()) {
                continue;
            }
            String page = pagePath(op.path(), WARD_A, f);
            String realm = page.startsWith("/console") || page.startsWith("/postal") ? "/realms/staff/" : "/realms/citizens/";
            forged.forEach((what, token) -> cases.add(DynamicTest.dynamicTest("page " + page + " with " + what, () -> {
                RequestSpecification spec = given().redirects().follow(false);
                if (token != null) {
                    spec.header("Authorization", "Bearer " + token);
                }
                Response r = spec.get(page);
                if (token == null) {
                    assertEquals(302, r.statusCode(), page);
                    assertTrue(r.header("Location").contains(realm), r.header("Location"));
                } else {
                    assertEquals(401, r.statusCode(), () -> page + " accepted " + what);
                }
                assertNoSecret(r, f);
            })));
        }
        return cases;
    }

    // ------------------------------------------------------------------------------------------------ signatures

    /** The operations that a server signs instead of signing in (the national portal's deliveries), by path. */
    static final Set<String> SIGNED = Set.of("/api/national-portal/dossiers");

    /**
     * Every server-to-server route that is signed rather than signed in: unsigned, signed with another secret, stale,
     * the body changed after signing, a signed-in person's token instead, headers carrying injection: each refused
     * (401), nothing created. A signed route missing from {@link #SIGNED} (or one listed that went) fails the matrix.
     */
    private List<DynamicTest> signatureAttacks(Fixture f, List<Op> ops) {
        List<DynamicTest> cases = new ArrayList<>();
        Set<String> found = new HashSet<>();
        for (Op op : ops) {
            if (!op.isPublic() || !op.path().startsWith("/api/national-portal/")) {
                continue;
            }
            found.add(op.path());
            String secretName = "Lê Bí Mật " + UUID.randomUUID().toString().substring(0, 8);
            byte[] body = ("{\"MaHoSoQG\":\"TAN-CONG-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"MaTTHC\":\"" + Dossiers.DEATH
                    + "\",\"MaDonVi\":\"" + f.tree().find(WARD_A).orElseThrow().agencyCode() + "\",\"ChuHoSo\":{\"HoTen\":\"" + secretName + "\",\"SoDienThoai\":\"0913222333\"}}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            long now = System.currentTimeMillis() / 1000;
            Map<String, Map<String, String>> headers = new LinkedHashMap<>();
            headers.put("no signature", Map.of());
            headers.put("signed with another secret", signed("khong-phai-bi-mat", now, body));
            headers.put("signed ten minutes ago", signed(NATIONAL_PORTAL_SECRET, now - 600, body));
            headers.put("signed an hour ahead", signed(NATIONAL_PORTAL_SECRET, now + 3600, body));
            headers.put("the body changed after signing", signed(NATIONAL_PORTAL_SECRET, now, "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            headers.put("a signature of the right length but wrong", Map.of("X-DVCQG-Timestamp", String.valueOf(now), "X-DVCQG-Signature", "0".repeat(64)));
            headers.put("injection in the headers", Map.of("X-DVCQG-Timestamp", "1' OR '1'='1", "X-DVCQG-Signature", "x\r\nX-Injected: yes"));
            headers.put("a city administrator's token", Map.of("Authorization", "Bearer " + f.tokens().get(Demo.CITY_ADMIN)));
            headers.forEach((what, h) -> cases.add(DynamicTest.dynamicTest(op.method() + " " + op.path() + " " + what, () -> {
                Response r = given().redirects().follow(false).contentType(ContentType.JSON).headers(h).body(body).post(op.path());
                assertEquals(401, r.statusCode(), () -> op.path() + " accepted " + what + ": " + r.asString());
                assertEquals(null, r.header("X-Injected"));
                assertNoSecret(r, f);
                assertFalse(r.asString().contains(secretName), "nothing was taken in");
            })));
        }
        cases.add(DynamicTest.dynamicTest("every signed route is known to the matrix", () -> assertEquals(SIGNED, found)));
        // The positive control: the same kind of delivery, genuinely signed, is taken in.
        cases.add(DynamicTest.dynamicTest("a genuinely signed delivery is taken in", () -> {
            byte[] body = ("{\"MaHoSoQG\":\"THAT-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"MaTTHC\":\"" + Dossiers.DEATH
                    + "\",\"MaDonVi\":\"" + f.tree().find(WARD_A).orElseThrow().agencyCode()
                    + "\",\"ChuHoSo\":{\"HoTen\":\"Lê Thị Hoa\",\"SoDienThoai\":\"0913222333\"},\"DuLieuBieuMau\":"
                    + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Dossiers.deathForm()) + "}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Response r = given().contentType(ContentType.JSON).headers(signed(NATIONAL_PORTAL_SECRET, System.currentTimeMillis() / 1000, body))
                    .body(body).post("/api/national-portal/dossiers");
            assertEquals(201, r.statusCode(), r::asString);
        }));
        return cases;
    }

    /** The test profile's secret shared with the national portal. */
    static final String NATIONAL_PORTAL_SECRET = "test-national-portal-secret";

    private static Map<String, String> signed(String secret, long at, byte[] body) {
        String ts = String.valueOf(at);
        return Map.of("X-DVCQG-Timestamp", ts, "X-DVCQG-Signature", vn.motcua.nationalportal.domain.IntakeSignature.sign(secret, ts, body));
    }

    // ------------------------------------------------------------------------------------------------ scope

    /** An operation with its path filled for one permission (the action endpoint expands to every action). */
    record Expanded(Op op, Permission permission, Map<String, String> pathValues, String label) {
    }

    private static List<Expanded> expand(Op op) {
        List<Expanded> out = new ArrayList<>();
        if (op.permissions().equals(List.of("dossier.{action}"))) {
            for (DossierAction a : DossierAction.values()) {
                out.add(new Expanded(op, a.permission(), Map.of("action", a.wire()), op.method() + " " + op.path().replace("{action}", a.wire())));
            }
            return out;
        }
        Permission p = op.permissions().stream().map(Permission::byId).flatMap(java.util.Optional::stream).findFirst().orElse(null);
        out.add(new Expanded(op, p, Map.of(), op.method() + " " + op.path()));
        return out;
    }

    /** What the role matrix and the tree say an actor may do in a tenant: the oracle. */
    private static boolean allowed(DemoUser u, Permission p, String tenant, TenantTree tree) {
        if (!u.realm().equals(RealmGenerator.STAFF) || u.tenant() == null || p == null) {
            return false;
        }
        if (u.roles().stream().noneMatch(p.roles()::contains)) {
            return false;
        }
        return switch (p.reach()) {
            case OWN_TENANT -> u.tenant().equals(tenant);
            case TENANT_AND_BELOW -> tree.isSelfOrAncestor(u.tenant(), tenant);
            default -> false;
        };
    }

    private List<DynamicTest> scopeAttacks(Fixture f, List<Op> ops) {
        List<DynamicTest> cases = new ArrayList<>();
        List<DemoUser> actors = new RealmGenerator(f.tree(), List.of()).demoUsers();
        for (Op op : ops) {
            if (!op.isTenantScoped()) {
                continue;
            }
            for (Expanded e : expand(op)) {
                boolean aboutTheDossier = op.path().contains("{receiptCode}");
                for (String tenant : TENANT_TARGETS) {
                    for (DemoUser u : actors) {
                        boolean legit = allowed(u, e.permission(), tenant, f.tree()) && (!aboutTheDossier || tenant.equals(WARD_A));
                        if (legit) {
                            continue;
                        }
                        cases.add(DynamicTest.dynamicTest(u.username() + " → " + e.label().replace("{tenant}", tenant), () -> {
                            Reply r = send(f.tokens().get(u.username()), e, f, Map.of("tenant", tenant));
                            assertDenied(r, f, u.username() + " " + e.label() + " at " + tenant);
                        }));
                    }
                }
            }
        }
        // Post offices' endpoints: only a clerk of that very office.
        for (Op op : ops) {
            if (!op.path().contains("{office}")) {
                continue;
            }
            for (Expanded e : expand(op)) {
                for (String office : List.of(OFFICE, Demo.OTHER_POST_OFFICE)) {
                    for (DemoUser u : actors) {
                        if (office.equals(u.postalOffice()) && u.roles().stream().anyMatch(e.permission().roles()::contains)) {
                            continue;
                        }
                        cases.add(DynamicTest.dynamicTest(u.username() + " → " + e.label().replace("{office}", office), () -> {
                            Reply r = send(f.tokens().get(u.username()), e, f, Map.of("office", office));
                            assertDenied(r, f, u.username() + " " + e.label() + " at " + office);
                        }));
                    }
                }
            }
        }
        // The dossier's own endpoints, for everyone who is neither its applicant nor an officer who may read it.
        for (DemoUser u : actors) {
            boolean owner = u.username().equals(Demo.CITIZEN);
            boolean reader = allowed(u, Permission.READ_DOSSIER, WARD_A, f.tree());
            boolean attacher = allowed(u, Permission.ATTACH, WARD_A, f.tree());
            String token = f.tokens().get(u.username());
            if (!owner && !reader) {
                cases.add(DynamicTest.dynamicTest(u.username() + " → GET the dossier", () -> assertDenied(
                        given().auth().oauth2(token).get("/api/dossiers/{code}", f.codeA()), f, u.username())));
                cases.add(DynamicTest.dynamicTest(u.username() + " → GET its attachment", () -> assertDenied(
                        given().auth().oauth2(token).get("/api/dossiers/{code}/attachments/{id}", f.codeA(), f.attachmentA()), f, u.username())));
                cases.add(DynamicTest.dynamicTest(u.username() + " → GET its receipt slip", () -> assertDenied(
                        given().auth().oauth2(token).get("/api/dossiers/{code}/receipt.pdf", f.codeA()), f, u.username())));
            }
            if (u.realm().equals(RealmGenerator.STAFF)) {
                // Reading an ID card from a photo is for a citizen filling their own form.
                cases.add(DynamicTest.dynamicTest(u.username() + " → read an ID card's QR code", () -> assertDenied(
                        given().auth().oauth2(token).multiPart("image", "cccd.png", png(), "image/png").post("/api/id-card/qr"), f,
                        u.username())));
            }
            if (!owner) {
                cases.add(DynamicTest.dynamicTest(u.username() + " → supplement it", () -> assertDenied(
                        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("note", "x"))
                                .post("/api/dossiers/{code}/supplement", f.codeA()), f, u.username())));
                cases.add(DynamicTest.dynamicTest(u.username() + " → rate it", () -> assertDenied(
                        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("score", 1, "comment", "x"))
                                .post("/api/dossiers/{code}/rating", f.codeA()), f, u.username())));
                cases.add(DynamicTest.dynamicTest(u.username() + " → list it among their own", () -> {
                    Response r = given().auth().oauth2(token).get("/api/me/dossiers");
                    assertEquals(200, r.statusCode());
                    assertFalse(r.asString().contains(f.codeA()) || r.asString().contains(f.secretA()), u.username() + " lists " + f.codeA());
                }));
            }
            if (!owner && !attacher) {
                cases.add(DynamicTest.dynamicTest(u.username() + " → attach a file to it", () -> assertDenied(
                        given().auth().oauth2(token).multiPart("document", "1").multiPart("file", "x.png", png(), "image/png")
                                .post("/api/dossiers/{code}/attachments", f.codeA()), f, u.username())));
            }
        }
        return cases;
    }

    // ------------------------------------------------------------------------------------------------ IDOR

    // ------------------------------------------------------------------------------------------------ forms

    static final java.util.regex.Pattern CSRF = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    /** Signed-in browser sessions of two administrators, made once, when the first form case runs. */
    private record Sessions(Browser admin, String adminToken, String otherToken) {
    }

    private Sessions sessions;
    private Sessions citizenSessions;
    private Sessions postalSessions;

    private Sessions counterSessions;

    /** Two signed-in sessions of the realm a form's page belongs to: the console's (staff) or the portal's (citizens). */
    private Sessions sessions(String path) throws Exception {
        if (path.startsWith("/postal")) {
            if (postalSessions == null) {
                // The clerk's page has a form (and its token) once the office has taken a dossier in.
                java.util.Map<String, Object> body = new java.util.HashMap<>(Dossiers.submission(Dossiers.DEATH, WARD_A, "postal",
                        Dossiers.deathForm()));
                body.put("returnChannel", "post");
                body.put("deliveryAddress", "Số 3 ngõ 12 Đội Cấn, Ba Đình, Hà Nội");
                given().auth().oauth2(Tokens.staff(Demo.POSTAL_CLERK)).contentType(ContentType.JSON)
                        .header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/api/dossiers").then().statusCode(201);
                Browser clerk = new Browser();
                String clerkToken = csrfOf(clerk.signIn(clerk.get(base + "postal"), Demo.POSTAL_CLERK, DemoUser.PASSWORD));
                postalSessions = new Sessions(clerk, clerkToken, sessions("/console").otherToken());
            }
            return postalSessions;
        }
        if (path.startsWith("/console/{tenant}/counter")) {
            if (counterSessions == null) {
                // The counter is the desk receiver's: a tenant administrator may not take dossiers in.
                String counter = base + "console/" + WARD_A + "/counter";
                Browser desk = new Browser();
                String deskToken = csrfOf(desk.signIn(desk.get(counter), Demo.RECEIVER, DemoUser.PASSWORD));
                counterSessions = new Sessions(desk, deskToken, sessions("/console").otherToken());
            }
            return counterSessions;
        }
        if (path.startsWith("/console")) {
            if (sessions == null) {
                String staffPage = base + "console/" + WARD_A + "/staff";
                Browser admin = new Browser();
                String adminToken = csrfOf(admin.signIn(admin.get(staffPage), Demo.DISTRICT_ADMIN, DemoUser.PASSWORD));
                Browser other = new Browser();
                String otherToken = csrfOf(other.signIn(other.get(staffPage), Demo.CITY_ADMIN, DemoUser.PASSWORD));
                sessions = new Sessions(admin, adminToken, otherToken);
            }
            return sessions;
        }
        if (citizenSessions == null) {
            Browser one = new Browser();
            one.signIn(one.get(base + "signin"), Demo.CITIZEN, DemoUser.PASSWORD);
            Browser other = new Browser();
            other.signIn(other.get(base + "signin"), Demo.OTHER_CITIZEN, DemoUser.PASSWORD);
            citizenSessions = new Sessions(one, csrfOf(one.get(base + "kiosk")), csrfOf(other.get(base + "kiosk")));
        }
        return citizenSessions;
    }

    private static String csrfOf(java.net.http.HttpResponse<String> page) {
        java.util.regex.Matcher m = CSRF.matcher(page.body());
        assertTrue(m.find(), () -> "a form with its token: " + page.statusCode() + " " + page.body());
        return m.group(1);
    }

    /**
     * Every state-changing page route, posted from a signed-in browser session: without the session's token, with
     * another session's, and with its own from another site, it is refused (403) before it reaches the page. The
     * same post with its own token is not refused for forgery (a positive control: the request itself changes
     * nothing, its fields being empty or naming nobody).
     */
    private List<DynamicTest> formAttacks(Fixture f, List<PageRoutes.Route> pages) {
        List<DynamicTest> cases = new ArrayList<>();
        for (PageRoutes.Route r : pages) {
            if (r.method().equals("GET")) {
                continue;
            }
            String url = base + pagePath(r.path(), WARD_A, f).substring(1);
            List<Map.Entry<String, String>> form = List.of(Map.entry("username", ""), Map.entry("lastName", ""));
            cases.add(DynamicTest.dynamicTest(r.method() + " " + r.path() + " without the session's token", () -> {
                var res = send(sessions(r.path()).admin(), r, url, form, Map.of());
                assertEquals(403, res.statusCode(), res::body);
            }));
            cases.add(DynamicTest.dynamicTest(r.method() + " " + r.path() + " with another session's token", () -> {
                List<Map.Entry<String, String>> withOthers = new ArrayList<>(form);
                withOthers.add(Map.entry("csrf", sessions(r.path()).otherToken()));
                var res = send(sessions(r.path()).admin(), r, url, withOthers, Map.of());
                assertEquals(403, res.statusCode(), res::body);
            }));
            cases.add(DynamicTest.dynamicTest(r.method() + " " + r.path() + " from another site", () -> {
                List<Map.Entry<String, String>> withOwn = new ArrayList<>(form);
                withOwn.add(Map.entry("csrf", sessions(r.path()).adminToken()));
                var res = send(sessions(r.path()).admin(), r, url, withOwn, Map.of("Origin", "https://evil.example"));
                assertEquals(403, res.statusCode(), res::body);
            }));
            cases.add(DynamicTest.dynamicTest(r.method() + " " + r.path() + " with its own token is not refused as forged", () -> {
                List<Map.Entry<String, String>> withOwn = new ArrayList<>(form);
                withOwn.add(Map.entry("csrf", sessions(r.path()).adminToken()));
                var res = send(sessions(r.path()).admin(), r, url, withOwn, Map.of());
                assertTrue(res.statusCode() != 403 && res.statusCode() < 500, () -> res.statusCode() + " " + res.body());
            }));
        }
        return cases;
    }

    /** A page form as its page sends it: multipart where the route takes files, else urlencoded. */
    private static java.net.http.HttpResponse<String> send(Browser b, PageRoutes.Route r, String url, List<Map.Entry<String, String>> form,
            Map<String, String> headers) throws Exception {
        return r.multipart() ? b.postMultipart(url, form, headers) : b.post(url, form, headers);
    }

    private List<DynamicTest> idorAttacks(Fixture f) {
        List<DynamicTest> cases = new ArrayList<>();
        String prefix = f.codeA().substring(0, f.codeA().lastIndexOf('-') + 1);
        int n = Integer.parseInt(f.codeA().substring(f.codeA().lastIndexOf('-') + 1));
        List<String> walked = new ArrayList<>(List.of(f.codeA(), f.codeA().toLowerCase(Locale.ROOT), f.codeA().replace("-", ""),
                f.codeA().replace("-", " "), " " + f.codeA() + " ", f.codeA() + "%", f.codeA().substring(0, f.codeA().length() - 1) + "_"));
        for (int i = Math.max(1, n - 6); i <= n + 6; i++) {
            walked.add(prefix + String.format("%04d", i));
        }
        for (String walker : List.of(Demo.OTHER_CITIZEN, Demo.OTHER_WARD_RECEIVER, Demo.POSTAL_CLERK, "canbo.hue")) {
            if (!f.tokens().containsKey(walker)) {
                continue;
            }
            String token = f.tokens().get(walker);
            Set<String> theirs = new HashSet<>(given().auth().oauth2(token).queryParam("limit", 200).get("/api/me/dossiers")
                    .then().statusCode(200).extract().jsonPath().getList("receiptCode", String.class));
            for (String code : walked.stream().distinct().toList()) {
                if (theirs.contains(code.strip())) {
                    continue;
                }
                cases.add(DynamicTest.dynamicTest(walker + " walks to " + code, () -> {
                    Response r = given().auth().oauth2(token).get("/api/dossiers/{code}", code);
                    assertEquals(404, r.statusCode(), () -> walker + " reached " + code + ": " + r.asString());
                    assertNoSecret(r, f);
                }));
            }
        }
        return cases;
    }

    // ------------------------------------------------------------------------------------------------ injection

    private List<DynamicTest> injectionAttacks(Fixture f, List<Op> ops) {
        List<DynamicTest> cases = new ArrayList<>();
        for (Op op : ops) {
            // An action the state does not allow (409), so that a request that gets through changes nothing.
            Expanded base = expand(op).stream().filter(x -> x.pathValues().getOrDefault("action", "return").equals("return"))
                    .findFirst().orElseThrow();
            String actor = op.isPublic() ? null : op.isTenantScoped() ? Demo.RECEIVER
                    : op.path().contains("{office}") ? Demo.POSTAL_CLERK : Demo.CITIZEN;
            String token = actor == null ? null : f.tokens().get(actor);
            List<Param> params = new ArrayList<>(op.params());
            params.add(new Param("Accept-Language", "header"));
            for (Param p : params) {
                // The public look-up is rate-limited per client: a handful of its cases, not all.
                List<String> payloads = op.path().equals("/api/lookup") ? PAYLOADS.subList(0, 4) : PAYLOADS;
                for (String payload : payloads) {
                    cases.add(DynamicTest.dynamicTest(op.method() + " " + op.path() + " " + p.in() + " " + p.name() + " = " + printable(payload), () -> {
                        Reply r = send(token, base, f, Map.of(p.name(), payload), p.in());
                        assertTrue(r.statusCode() < 500, () -> "server error on " + p.name() + " = " + printable(payload) + ": " + r.asString());
                        assertEquals(null, r.header("X-Injected"), "a header was injected");
                        assertFalse(r.asString().contains(f.secretB()), "another ward's dossier leaked");
                        if (!op.isTenantScoped() || r.statusCode() >= 400) {
                            assertFalse(r.asString().contains(f.codeB()), "another citizen's receipt code leaked");
                        }
                    }));
                }
            }
        }
        return cases;
    }

    /**
     * Every event stream, read only as far as its status and headers (its body never ends): without a token it sends
     * to the sign-in, a bad token is refused, a citizen and an officer of another office are refused, an unknown or
     * injected office is refused — every refusal before the stream opens, never a stream that fails once open. The
     * positive control: the office's own officer gets the stream.
     */
    private List<DynamicTest> streamAttacks(Fixture f, List<PageRoutes.Route> streams) {
        List<DynamicTest> cases = new ArrayList<>();
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(5)).build();
        for (PageRoutes.Route r : streams) {
            List<Object[]> tries = new ArrayList<>();
            tries.add(new Object[] { "no token", WARD_A, null, (java.util.function.IntPredicate) s -> s == 302 });
            tries.add(new Object[] { "a forged token", WARD_A, "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", (java.util.function.IntPredicate) s -> s == 401 });
            tries.add(new Object[] { "a citizen's token", WARD_A, f.tokens().get(Demo.CITIZEN), (java.util.function.IntPredicate) s -> s == 401 || s == 403 });
            tries.add(new Object[] { "another office's", WARD_B, f.tokens().get(Demo.RECEIVER), (java.util.function.IntPredicate) s -> s == 403 });
            tries.add(new Object[] { "an unknown office", "khong-co-don-vi", f.tokens().get(Demo.RECEIVER), (java.util.function.IntPredicate) s -> s == 404 || s == 403 });
            for (String payload : PAYLOADS) {
                tries.add(new Object[] { "an office of " + printable(payload), java.net.URLEncoder.encode(payload, java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20"), f.tokens().get(Demo.RECEIVER), (java.util.function.IntPredicate) s -> s >= 400 && s < 500 });
            }
            tries.add(new Object[] { "its own officer (positive control)", WARD_A, f.tokens().get(Demo.RECEIVER), (java.util.function.IntPredicate) s -> s == 200 });
            for (Object[] t : tries) {
                cases.add(DynamicTest.dynamicTest("stream " + r.path() + " with " + t[0], () -> {
                    String url = base + r.path().substring(1).replace("{tenant}", (String) t[1]);
                    java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                            .header("Accept", "text/event-stream").timeout(java.time.Duration.ofSeconds(10));
                    if (t[2] != null) {
                        request.header("Authorization", "Bearer " + t[2]);
                    }
                    java.net.http.HttpResponse<java.io.InputStream> res = client.send(request.build(),
                            java.net.http.HttpResponse.BodyHandlers.ofInputStream());
                    try (java.io.InputStream body = res.body()) {
                        int status = res.statusCode();
                        assertTrue(((java.util.function.IntPredicate) t[3]).test(status), () -> url + " with " + t[0] + ": " + status);
                        assertEquals(status == 200, res.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"),
                                () -> url + ": only an allowed request opens the stream");
                    }
                }));
            }
        }
        return cases;
    }

    private static String printable(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n");
    }

    // ------------------------------------------------------------------------------------------------ controls

    private List<DynamicTest> positiveControls(Fixture f, List<Op> ops) {
        List<DynamicTest> cases = new ArrayList<>();
        cases.add(DynamicTest.dynamicTest("the applicant reads the dossier and sees the secret", () -> {
            Response r = given().auth().oauth2(f.tokens().get(Demo.CITIZEN)).get("/api/dossiers/{code}", f.codeA());
            assertEquals(200, r.statusCode());
            assertTrue(r.asString().contains(f.secretA()));
        }));
        cases.add(DynamicTest.dynamicTest("the applicant has the receipt slip", () -> {
            Response r = given().auth().oauth2(f.tokens().get(Demo.CITIZEN)).get("/api/dossiers/{code}/receipt.pdf", f.codeA());
            assertEquals(200, r.statusCode(), r::asString);
            assertTrue(r.contentType().startsWith("application/pdf"), r.contentType());
        }));
        for (String reader : List.of(Demo.RECEIVER, Demo.DISTRICT_APPROVER, Demo.AUDITOR)) {
            cases.add(DynamicTest.dynamicTest(reader + " reads it through the ward's path", () -> {
                Response r = given().auth().oauth2(f.tokens().get(reader)).get("/api/t/{t}/dossiers/{code}", WARD_A, f.codeA());
                assertEquals(200, r.statusCode(), r::asString);
                assertTrue(r.asString().contains(f.secretA()));
            }));
        }
        cases.add(DynamicTest.dynamicTest("the forged tokens are refused for their forgery, not their shape", () -> {
            // The same request with the genuine token succeeds.
            given().auth().oauth2(f.tokens().get(Demo.RECEIVER)).get("/api/t/{t}/queue", WARD_A).then().statusCode(200);
        }));
        return cases;
    }

    private static void untouched(Fixture f) {
        Response r = given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).get("/api/dossiers/{code}", f.codeA());
        assertEquals(200, r.statusCode());
        assertEquals("submitted", r.jsonPath().getString("status"));
        // Nothing but the submission and the applicant's own uploads (the injection cases send real files).
        List<String> others = r.jsonPath().getList("history.findAll { it.action != 'attach' }.action", String.class);
        assertEquals(List.of("submit"), others);
        assertEquals(Set.of("Nguyễn Văn An"), Set.copyOf(r.jsonPath().getList("history.by", String.class)));
        given().auth().oauth2(Tokens.citizen(Demo.OTHER_CITIZEN)).get("/api/dossiers/{code}", f.codeB()).then().statusCode(200);
    }

    // ------------------------------------------------------------------------------------------------ requests

    private static Reply send(String token, Expanded e, Fixture f, Map<String, String> pathOverrides) {
        return send(token, e, f, pathOverrides, "path");
    }

    /**
     * What the assertions read of an answer. The generated attacks (about 6,000) go through the JDK's client on
     * kept-alive connections: REST Assured spent about 5 ms of CPU on each (Groovy dispatch, a new connection), more
     * than the service took to refuse it.
     */
    record Reply(int statusCode, Map<String, List<String>> headers, String body) {

        String asString() {
            return body;
        }

        String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        static Reply of(Response r) {
            Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            r.headers().forEach(h -> headers.computeIfAbsent(h.getName(), k -> new ArrayList<>()).add(h.getValue()));
            return new Reply(r.statusCode(), headers, r.asString());
        }

        static Reply of(java.net.http.HttpResponse<String> r) {
            Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(r.headers().map());
            return new Reply(r.statusCode(), headers, r.body());
        }
    }

    /** Never follows a redirect (a redirect is an answer to check); HTTP/1.1 as a browser or curl would send. */
    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).followRedirects(java.net.http.HttpClient.Redirect.NEVER)
            .connectTimeout(java.time.Duration.ofSeconds(5)).build();

    /**
     * Sends the operation with every parameter filled with a sensible value, and {@code overrides} for the parameters
     * {@code where} (path, query, header) names. Values are encoded here, byte for byte, so that what an attacker
     * would send is what is sent.
     */
    private static Reply send(String token, Expanded e, Fixture f, Map<String, String> overrides, String where) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        Map<String, String> defaults = new LinkedHashMap<>(Map.of(
                "tenant", WARD_A, "receiptCode", f.codeA(), "id", f.attachmentA(), "code", f.codeA(), "phone", PHONE,
                "office", OFFICE, "kind", "delivery", "document", "1"));
        defaults.putAll(Map.of("form", "receipt", "from", java.time.LocalDate.now().minusDays(1).toString(), "to",
                java.time.LocalDate.now().toString()));
        defaults.putAll(e.pathValues());
        String path = e.op().path();
        StringBuilder query = new StringBuilder();
        Set<String> used = new HashSet<>();
        for (Param p : e.op().params()) {
            boolean overridden = where.equals(p.in()) && overrides.containsKey(p.name());
            if (overridden) {
                used.add(p.name());
            }
            String value = overridden ? overrides.get(p.name()) : defaults.get(p.name());
            switch (p.in()) {
                case "path" -> path = path.replace("{" + p.name() + "}", encode(value == null ? "x" : value));
                case "query" -> {
                    if (value != null) {
                        query.append(query.isEmpty() ? '?' : '&').append(p.name()).append('=').append(encode(value));
                    }
                }
                case "header" -> {
                    if (value != null) {
                        headers.put(p.name(), headerSafe(value));
                    }
                }
                default -> throw new IllegalStateException(p.in());
            }
        }
        if (where.equals("header")) {
            overrides.forEach((k, v) -> {
                if (!used.contains(k)) {
                    headers.put(k, headerSafe(v));
                }
            });
        }
        String method = e.op().method();
        if (method.equals("POST") && (path.endsWith("/attachments") || path.equals("/api/id-card/qr"))) {
            // A multipart upload, a handful of cases: written by REST Assured.
            RequestSpecification spec = given().redirects().follow(false).urlEncodingEnabled(false).headers(headers);
            String target = path + query;
            return Reply.of(path.endsWith("/attachments")
                    ? spec.multiPart("document", "1").multiPart("file", "x.png", pngQuietly(), "image/png").post(target)
                    : spec.multiPart("image", "cccd.png", pngQuietly(), "image/png").post(target));
        }
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + path + query))
                .timeout(java.time.Duration.ofSeconds(30));
        headers.forEach(request::header);
        java.net.http.HttpRequest.BodyPublisher empty = java.net.http.HttpRequest.BodyPublishers.ofString("{}");
        switch (method) {
            case "GET" -> request.GET();
            case "POST" -> request.header("Content-Type", "application/json").POST(empty);
            case "PUT" -> request.header("Content-Type", "application/json").PUT(empty);
            case "DELETE" -> request.DELETE();
            default -> throw new IllegalStateException("no attack written for " + method);
        }
        try {
            return Reply.of(HTTP.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString()));
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** An HTTP client cannot put a line break in a header: the closest an attacker gets is the rest of the line. */
    private static String headerSafe(String v) {
        return v.replace("\r", "").replace("\n", "");
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] pngQuietly() {
        try {
            return png();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertDenied(Response r, Fixture f, String what) {
        assertDenied(Reply.of(r), f, what);
    }

    private static void assertDenied(Reply r, Fixture f, String what) {
        assertTrue(Set.of(401, 403, 404).contains(r.statusCode()), () -> what + " was not denied: " + r.statusCode() + " " + r.asString());
        assertNoSecret(r, f);
    }

    private static void assertNoSecret(Response r, Fixture f) {
        assertNoSecret(Reply.of(r), f);
    }

    private static void assertNoSecret(Reply r, Fixture f) {
        String body = r.asString();
        assertFalse(body.contains(f.secretA()) || body.contains(f.secretB()), () -> "a secret leaked: " + body);
    }
}
