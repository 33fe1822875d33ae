package vn.motcua.dossier.domain;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import vn.motcua.platform.error.FieldIssue;

/**
 * The 12-digit personal identification number (số định danh cá nhân) on the chip citizen ID card (CCCD), as Decree
 * 137/2015 and Circular 59/2021 build it: three digits for the province where the birth was registered, one for the
 * century and sex, two for the year of birth, six random.
 */
public final class CitizenId {

    /** The province codes of Circular 59/2021/TT-BCA (the 63 provinces before the 2025 mergers; numbers stay valid). */
    static final Set<String> PROVINCES = Set.of("001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017",
            "019", "020", "022", "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040",
            "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067",
            "068", "070", "072", "074", "075", "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092",
            "093", "094", "095", "096");

    public enum Sex {
        MALE, FEMALE
    }

    private CitizenId() {
    }

    /** What is wrong with the number on its own, if anything. */
    public static Optional<FieldIssue> check(String value) {
        if (value == null || !value.matches("\\d{12}")) {
            return Optional.of(FieldIssue.CITIZEN_ID_FORMAT);
        }
        if (!PROVINCES.contains(value.substring(0, 3))) {
            return Optional.of(FieldIssue.CITIZEN_ID_PROVINCE);
        }
        return Optional.empty();
    }

    /** The year of birth the number encodes: the century from the fourth digit (0–1: 1900s, 2–3: 2000s…). */
    public static int birthYear(String valid) {
        int centuryDigit = valid.charAt(3) - '0';
        return 1900 + (centuryDigit / 2) * 100 + Integer.parseInt(valid.substring(4, 6));
    }

    /** Even fourth digit: male; odd: female. */
    public static Sex sex(String valid) {
        return (valid.charAt(3) - '0') % 2 == 0 ? Sex.MALE : Sex.FEMALE;
    }

    /** Whether the number agrees with a date of birth given elsewhere in the form. */
    public static boolean matchesBirth(String valid, LocalDate birthDate) {
        return birthYear(valid) == birthDate.getYear();
    }

    /** Normalizes what people type: spaces, dots and dashes between the digits are dropped. */
    public static String normalize(String typed) {
        return typed == null ? null : typed.replaceAll("[\\s.\\-]", "");
    }
}
