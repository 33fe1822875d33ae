package vn.motcua.nationalportal.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.dossier.usecase.DossierRequests;
import vn.motcua.platform.error.FieldIssue;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemException.FieldError;
import vn.motcua.platform.error.ProblemType;

/**
 * A dossier submitted on the national portal and delivered to us (hồ sơ nộp trên Cổng DVCQG), in the portal's field
 * names. Only codes are trusted, and only once looked up: the office by its electronic identifier code ({@code MaDonVi}),
 * the procedure by its national code ({@code MaTTHC}); no name the portal sends is used for either. The rest is checked
 * as any submission is ({@code SubmitDossier}); its field errors come back under the portal's names.
 *
 * @param portalId     the portal's own dossier id ({@code MaHoSoQG}): the take-in is idempotent on it
 * @param procedure    the procedure's national code ({@code MaTTHC}), e.g. {@code 1.001193}
 * @param agencyCode   the competent office's electronic identifier code ({@code MaDonVi}), e.g. {@code 000.00.01.H26}
 * @param applicant    the applicant ({@code ChuHoSo}): name, citizen ID, phone, e-mail
 * @param returnMode   how the result goes back ({@code HinhThucNhanKetQua}): {@code truc-tiep} (at the desk, default),
 *                     {@code buu-chinh} (by post), {@code truc-tuyen} (online)
 * @param deliveryAddress where the post delivers the result ({@code DiaChiNhanKetQua})
 * @param form         the procedure's form, filled ({@code DuLieuBieuMau})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PortalDossier(@JsonProperty("MaHoSoQG") String portalId, @JsonProperty("MaTTHC") String procedure,
        @JsonProperty("MaDonVi") String agencyCode, @JsonProperty("ChuHoSo") Applicant applicant,
        @JsonProperty("HinhThucNhanKetQua") String returnMode, @JsonProperty("DiaChiNhanKetQua") String deliveryAddress,
        @JsonProperty("DuLieuBieuMau") JsonNode form) {

    /** The applicant as the portal identified them. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Applicant(@JsonProperty("HoTen") String fullName, @JsonProperty("SoDinhDanh") String citizenId,
            @JsonProperty("SoDienThoai") String phone, @JsonProperty("Email") String email) {
    }

    /** The portal's dossier ids: letters, digits and {@code . - _ /}, as its codes are written. */
    static final Pattern PORTAL_ID = Pattern.compile("[A-Za-z0-9._/-]{1,60}");
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9.]{1,30}");

    /** The portal's words for how the result goes back, and ours. */
    static final Map<String, String> RETURN_MODES = Map.of("truc-tiep", "counter", "buu-chinh", "post", "truc-tuyen", "online");

    /** Our field names in a submission's errors, and the portal's. */
    static final Map<String, String> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("procedure", "MaTTHC");
        FIELDS.put("tenant", "MaDonVi");
        FIELDS.put("channel", "MaTTHC");
        FIELDS.put("applicant.fullName", "ChuHoSo.HoTen");
        FIELDS.put("applicant.citizenId", "ChuHoSo.SoDinhDanh");
        FIELDS.put("applicant.phone", "ChuHoSo.SoDienThoai");
        FIELDS.put("applicant", "ChuHoSo");
        FIELDS.put("contact.email", "ChuHoSo.Email");
        FIELDS.put("returnChannel", "HinhThucNhanKetQua");
        FIELDS.put("deliveryAddress", "DiaChiNhanKetQua");
        FIELDS.put("form", "DuLieuBieuMau");
    }

    /** The idempotency key of the submission: the portal's id, in the namespace of the portal's deliveries. */
    public String idempotencyKey() {
        return "dvcqg-" + portalId;
    }

    /** Its own fields' shape: every code present and well formed, a known way back. 400 with every error at once. */
    public void check() {
        List<FieldError> errors = new ArrayList<>();
        code("MaHoSoQG", portalId, PORTAL_ID, 60, errors);
        code("MaTTHC", procedure, CODE, 30, errors);
        code("MaDonVi", agencyCode, CODE, 30, errors);
        if (applicant == null) {
            errors.add(FieldError.of("ChuHoSo", FieldIssue.REQUIRED));
        }
        if (returnMode != null && !returnMode.isBlank() && !RETURN_MODES.containsKey(returnMode.strip())) {
            errors.add(FieldError.of("HinhThucNhanKetQua", FieldIssue.NOT_AN_OPTION, String.join(", ", RETURN_MODES.keySet().stream().sorted().toList())));
        }
        if (form != null && !form.isObject()) {
            errors.add(FieldError.of("DuLieuBieuMau", FieldIssue.NOT_GROUP));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, errors, errors.size());
        }
    }

    private static void code(String field, String value, Pattern pattern, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.of(field, FieldIssue.REQUIRED));
        } else if (value.length() > max) {
            errors.add(FieldError.of(field, FieldIssue.TOO_LONG, max));
        } else if (!pattern.matcher(value).matches()) {
            errors.add(FieldError.of(field, FieldIssue.PATTERN));
        }
    }

    /**
     * The submission it is, to the office {@code tenant} (looked up from {@link #agencyCode()}), online through
     * {@code channel} (wholly online when the procedure offers it, otherwise partly), the notices by e-mail when the
     * portal gave an address (and always on the portal's own dossier page, which our status messages update).
     */
    public DossierRequests.Submission submission(String tenant, String channel) {
        String email = applicant.email() == null || applicant.email().isBlank() ? null : applicant.email();
        DossierRequests.Contact contact = email == null ? null : new DossierRequests.Contact(email, List.of("email", "sms"), "vi");
        String way = returnMode == null || returnMode.isBlank() ? "counter" : RETURN_MODES.get(returnMode.strip());
        return new DossierRequests.Submission(procedure, tenant, null, channel,
                new DossierRequests.ApplicantInput(applicant.fullName(), applicant.citizenId(), applicant.phone()), "self", way,
                deliveryAddress, form, false, contact, null);
    }

    /** A submission's refusal, its fields named as the portal names them. */
    public static ProblemException inPortalTerms(ProblemException e) {
        if (e.fieldErrors().isEmpty()) {
            return e;
        }
        List<FieldError> renamed = e.fieldErrors().stream().map(f -> new FieldError(rename(f.field()), f.message(), f.issue(), f.args())).toList();
        return new ProblemException(e.type(), renamed, e.args().toArray());
    }

    static String rename(String field) {
        for (Map.Entry<String, String> m : FIELDS.entrySet()) {
            if (field.equals(m.getKey()) || field.startsWith(m.getKey() + ".")) {
                return m.getValue() + field.substring(m.getKey().length());
            }
        }
        return field;
    }
}
