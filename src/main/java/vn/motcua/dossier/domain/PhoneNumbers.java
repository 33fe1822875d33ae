package vn.motcua.dossier.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * Vietnamese phone numbers as people type them ("0912 345 678", "+84 912-345-678"), checked with libphonenumber and
 * reduced to one form: the national significant number, which the status look-up compares.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** A valid number: what the look-up compares ({@code 912345678}) and how it is written ({@code 0912 345 678}). */
    public record Phone(String key, String display) {
    }

    /** The number, parsed once, or empty when it is not a valid Vietnamese (or international) number. */
    public static Optional<Phone> parse(String typed) {
        if (typed == null || typed.isBlank() || typed.length() > 30) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber n = UTIL.parse(typed, "VN");
            if (!UTIL.isValidNumber(n)) {
                return Optional.empty();
            }
            return Optional.of(new Phone(UTIL.getNationalSignificantNumber(n),
                    UTIL.format(n, PhoneNumberUtil.PhoneNumberFormat.NATIONAL)));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /**
     * A parser for one submission, which keeps what it parsed: the applicant's phone and the form's contact phone are
     * most often the same number, and parsing one is a tenth of a submission's time in the service (JFR, issue 20).
     * Made per request and dropped with it, so that nothing typed is kept beyond it.
     */
    public static Function<String, Optional<Phone>> memo() {
        Map<String, Optional<Phone>> parsed = new HashMap<>(4);
        return typed -> typed == null ? Optional.empty() : parsed.computeIfAbsent(typed, PhoneNumbers::parse);
    }

    /** The national significant number (e.g. {@code 912345678}), or empty when it is not a valid number. */
    public static Optional<String> key(String typed) {
        return parse(typed).map(Phone::key);
    }

    /** The number written the Vietnamese way, e.g. {@code 0912 345 678}; as typed when it is not valid. */
    public static String display(String typed) {
        return parse(typed).map(Phone::display).orElse(typed);
    }
}
