package vn.motcua.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

import vn.motcua.tenant.LocalizedText;
import vn.motcua.tenant.Tenant;

/**
 * A published administrative procedure (thủ tục hành chính) and its versions. A new version applies to dossiers
 * submitted from its effective date; a dossier keeps the version it was submitted under.
 */
public record Procedure(String code, List<Version> versions) {

    /** The version in force on {@code date}, if the procedure existed then. */
    public Optional<Version> versionAt(LocalDate date) {
        Version found = null;
        for (Version v : versions) {
            if (!v.effectiveFrom().isAfter(date)) {
                found = v;
            }
        }
        return Optional.ofNullable(found);
    }

    /** How a dossier may be submitted: online (level 3 or 4), at the counter, or at a post office. */
    public enum Channel {
        ONLINE_FULL("online-full"), ONLINE_PARTIAL("online-partial"), COUNTER("counter"), POSTAL("postal");

        private final String wire;

        Channel(String wire) {
            this.wire = wire;
        }

        @JsonValue
        public String wire() {
            return wire;
        }

        static Channel of(String wire) {
            for (Channel c : values()) {
                if (c.wire.equals(wire)) {
                    return c;
                }
            }
            return null;
        }
    }

    /** Whether a supplement request stops the clock (and gives the time back) or restarts it from zero. */
    public enum SupplementClock {
        PAUSE, RESTART;

        @JsonValue
        public String wire() {
            return name().toLowerCase();
        }
    }

    /**
     * One version of the procedure.
     *
     * @param levels         the levels of government competent for it (level codes of {@code tenants/levels.yaml})
     * @param processingDays the legal processing time in working days (halves allowed)
     * @param overrides      a different time for a level or a tenant (e.g. 2.5 days in urban districts)
     * @param supplement     what a supplement request does to the clock
     * @param parts          for an interconnected procedure (liên thông): the procedures each agency handles
     * @param receivedAnywhere whether any one-stop desk of the province may receive it, whatever the applicant's
     *                       residence ("không phụ thuộc địa giới hành chính", Decree 118/2025/NĐ-CP, from 1 July 2025):
     *                       the receiving office may then differ from the competent one
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Version(LocalDate effectiveFrom, LocalizedText name, String field, List<String> levels, List<Channel> channels,
            List<String> legalBasis, LocalizedText guide, LocalizedText contact, List<RequiredDocument> documents,
            List<FormField> form, List<Fee> fees, BigDecimal processingDays, List<TimeOverride> overrides, List<Step> steps,
            SupplementClock supplement, LocalizedText result, List<Part> parts, boolean receivedAnywhere) {

        /** The processing time at {@code tenant}: its own override, else its level's, else the procedure's. */
        public BigDecimal processingDaysAt(Tenant tenant) {
            return overrides.stream().filter(o -> tenant.code().equals(o.tenant())).findFirst()
                    .or(() -> overrides.stream().filter(o -> tenant.level().equals(o.level())).findFirst())
                    .map(TimeOverride::processingDays).orElse(processingDays);
        }

        public boolean offeredAt(Tenant tenant) {
            return levels.contains(tenant.level());
        }

        public boolean interconnected() {
            return !parts.isEmpty();
        }
    }

    /** A required document (thành phần hồ sơ). */
    public record RequiredDocument(LocalizedText name, String kind, int count, boolean optional) {
    }

    /** A fee (lệ phí) for one channel, in đồng. */
    public record Fee(Channel channel, long amount) {
    }

    /** A processing time for one level or one tenant. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TimeOverride(String level, String tenant, BigDecimal processingDays) {
    }

    /** A step of the workflow, its share of the processing time and the role that acts. */
    public record Step(String code, LocalizedText name, BigDecimal share, String role) {
    }

    /** One agency's part of an interconnected procedure. */
    public record Part(String procedure, String agency, String level) {
    }

    /**
     * A field of the online form; a {@code person} field groups nested fields. A date may be bound to one side of the
     * day it is submitted ({@code when}): {@code past} (a birth, a death: today at the latest) or {@code future} (an
     * appointment: today at the earliest).
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record FormField(String name, LocalizedText label, String type, boolean required, String pattern,
            List<Option> options, List<FormField> fields, String when) {
    }

    public record Option(String value, LocalizedText label) {
    }
}
