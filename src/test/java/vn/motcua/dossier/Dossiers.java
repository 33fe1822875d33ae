package vn.motcua.dossier;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import vn.motcua.support.Demo;
import vn.motcua.support.Tokens;

/** Requests the dossier tests share: real tokens, real submissions. */
public final class Dossiers {

    public static final String WARD = Demo.WARD;
    public static final String OTHER_WARD = Demo.OTHER_WARD;
    public static final String DISTRICT = Demo.DISTRICT;
    public static final String DEATH = "1.000656";
    public static final String BUSINESS = "1.001612";
    public static final String THREE_IN_ONE = "2.002621";
    public static final String PHONE = "0912 345 678";

    private Dossiers() {
    }

    /** A valid death registration form. */
    public static Map<String, Object> deathForm() {
        return Map.of(
                "deceased", Map.of("fullName", "Nguyễn Văn Cả", "citizenId", "001045001234", "birthDate", "1945-03-02", "sex", "nam"),
                "deathDate", "2026-11-20",
                "deathPlace", "Bệnh viện Bạch Mai",
                "lastResidence", "12 Điện Biên Phủ, Ba Đình, Hà Nội",
                "applicantRelationship", "con",
                "contactPhone", PHONE);
    }

    public static Map<String, Object> businessForm() {
        return Map.of(
                "owner", Map.of("fullName", "Trần Thị Bình", "citizenId", "001190004321", "birthDate", "1990-05-06",
                        "residence", "5 Kim Mã, Ba Đình, Hà Nội"),
                "businessName", "Hộ kinh doanh Bình An",
                "businessAddress", "7 Kim Mã, Ba Đình, Hà Nội",
                "businessLines", "Bán lẻ tạp hóa",
                "capital", 50000000,
                "contactPhone", PHONE);
    }

    static Map<String, Object> threeInOneForm() {
        return Map.of(
                "child", Map.of("fullName", "Nguyễn Minh Khôi", "sex", "nam", "birthDate", "2026-11-01", "birthPlace", "Bệnh viện Phụ sản Hà Nội"),
                "mother", Map.of("fullName", "Trần Thị Bình", "citizenId", "001190004321"),
                "permanentAddress", "12 Điện Biên Phủ, Ba Đình, Hà Nội",
                "householdHeadName", "Nguyễn Văn An",
                "relationshipToHead", "con",
                "primaryClinic", "Trạm y tế phường Điện Biên",
                "contactPhone", PHONE);
    }

    public static Map<String, Object> submission(String procedure, String tenant, String channel, Map<String, Object> form) {
        return submission(procedure, tenant, channel, form, "Nguyễn Văn An");
    }

    /**
     * The same, for an applicant of that name. At the counter every paper is marked shown for comparison only, so that
     * the desk receives it at once as it always has (Circular 03/2025/TT-VPCP: a paper dossier is received only when each
     * required paper is scanned or exempt); {@link #counterUndigitized} is one without.
     */
    public static Map<String, Object> submission(String procedure, String tenant, String channel, Map<String, Object> form,
            String applicantName) {
        Map<String, Object> body = new java.util.HashMap<>(counterUndigitized(procedure, tenant, channel, form, applicantName));
        if ("counter".equals(channel)) {
            Map<String, String> shown = new java.util.TreeMap<>();
            for (int n = 1; n <= papers(procedure); n++) {
                shown.put(String.valueOf(n), "shown-only");
            }
            body.put("exemptions", shown);
        }
        return Map.copyOf(body);
    }

    /** A submission with no paper marked exempt. */
    public static Map<String, Object> counterUndigitized(String procedure, String tenant, String channel, Map<String, Object> form,
            String applicantName) {
        return Map.of("procedure", procedure, "tenant", tenant, "channel", channel,
                "applicant", Map.of("fullName", applicantName, "citizenId", "001080001111", "phone", PHONE),
                "form", form);
    }

    private static final Map<String, Integer> PAPERS = new java.util.concurrent.ConcurrentHashMap<>();

    /** How many papers the procedure's version in force lists, from the public catalog. */
    public static int papers(String procedure) {
        return PAPERS.computeIfAbsent(procedure, code -> given().get("/api/procedures/{code}", code).then().statusCode(200)
                .extract().jsonPath().getList("version.documents").size());
    }

    /** A citizen submits online; returns the receipt code. */
    public static String submitOnline(String citizen, String procedure, String tenant, Map<String, Object> form) {
        return given().auth().oauth2(Tokens.citizen(citizen)).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(submission(procedure, tenant, "online-full", form))
                .post("/api/dossiers")
                .then().statusCode(201).extract().path("receiptCode");
    }

    public static ValidatableResponse act(String officer, String tenant, String code, String action, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.staff(officer)).contentType(ContentType.JSON).body(body)
                .post("/api/t/{tenant}/dossiers/{code}/{action}", tenant, code, action).then();
    }

    public static ValidatableResponse act(String officer, String tenant, String code, String action) {
        return act(officer, tenant, code, action, Map.of());
    }

    /**
     * Marks the death registration's required papers (1 to 3) exempt as shown for comparison only, so that a dossier
     * handed in on paper may be received (Circular 03/2025/TT-VPCP: each required paper scanned or exempt).
     */
    public static void digitized(String officer, String tenant, String code) {
        for (int n = 1; n <= 3; n++) {
            given().auth().oauth2(Tokens.staff(officer)).contentType(ContentType.JSON).body(Map.of("exemption", "shown-only"))
                    .put("/api/t/{tenant}/dossiers/{code}/documents/{n}/exemption", tenant, code, n).then().statusCode(200);
        }
    }
}
