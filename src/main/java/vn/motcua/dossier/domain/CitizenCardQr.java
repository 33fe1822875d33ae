package vn.motcua.dossier.domain;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the QR code printed on the citizen ID card (mã QR trên thẻ căn cước / CCCD) says: seven fields separated by
 * {@code |}: {@code id|old id|full name|date of birth ddMMyyyy|sex|address|issue date ddMMyyyy}. Pure: the decoder of
 * photos is {@code dossier.store.CardQrImages}.
 *
 * @param citizenId the 12-digit personal identification number
 * @param oldId     the 9-digit number of the old identity card (CMND), or {@code null} when the card has none
 * @param fullName  as printed, composed (NFC), single spaces
 * @param sex       as printed: {@code Nam} or {@code Nữ}
 * @param address   the place of residence as printed, composed (NFC), single spaces
 * @param issuedOn  the day the card was issued
 */
public record CitizenCardQr(String citizenId, String oldId, String fullName, LocalDate birthDate, String sex, String address,
        LocalDate issuedOn) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("ddMMuuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");
    private static final Pattern OLD_ID = Pattern.compile("\\d{9}|\\d{12}");
    private static final Pattern EIGHT_DIGITS = Pattern.compile("\\d{8}");
    /** Control and invisible formatting characters: nothing a card prints. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}]");
    static final int MAX_NAME = 100;
    static final int MAX_ADDRESS = 300;

    /** {@link #parse(String, LocalDate)} with today in Vietnam. */
    public static Optional<CitizenCardQr> parse(String text) {
        return parse(text, LocalDate.now(java.time.ZoneOffset.ofHours(7)));
    }

    /**
     * The card's data, if {@code text} is a card's QR: strict on the 12-digit number, the two dates (real days,
     * birth not after issue, neither in the future of {@code today}) and the sex; tolerant of an empty or missing old
     * number (newer cards leave it empty), of a trailing separator and of text that is not composed (NFD) or carries
     * a byte-order mark. Empty for anything else.
     */
    public static Optional<CitizenCardQr> parse(String text, LocalDate today) {
        if (text == null || text.length() > 1000) {
            return Optional.empty();
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFC).replace("\uFEFF", "").strip();
        String[] f = t.split("\\|", -1);
        // A trailing separator (or several) adds empty fields that mean nothing.
        int n = f.length;
        while (n > 7 && f[n - 1].isBlank()) {
            n--;
        }
        if (n == 6 && !f[1].strip().isEmpty() && !f[1].strip().matches("\\d+")) {
            // No old-number field at all: id|name|birth|sex|address|issue.
            String[] seven = new String[7];
            seven[0] = f[0];
            seven[1] = "";
            System.arraycopy(f, 1, seven, 2, 5);
            f = seven;
            n = 7;
        }
        if (n != 7) {
            return Optional.empty();
        }
        f = Arrays.copyOf(f, 7);
        String id = f[0].strip();
        String old = f[1].strip();
        String name = clean(f[2]);
        String sex = clean(f[4]);
        String address = clean(f[5]);
        if (!TWELVE_DIGITS.matcher(id).matches() || !old.isEmpty() && !OLD_ID.matcher(old).matches()) {
            return Optional.empty();
        }
        if (name.isEmpty() || name.length() > MAX_NAME || address.isEmpty() || address.length() > MAX_ADDRESS) {
            return Optional.empty();
        }
        Optional<String> printedSex = sex(sex);
        Optional<LocalDate> birth = day(f[3]);
        Optional<LocalDate> issued = day(f[6]);
        if (printedSex.isEmpty() || birth.isEmpty() || issued.isEmpty() || birth.get().isAfter(issued.get())
                || issued.get().isAfter(today)) {
            return Optional.empty();
        }
        return Optional.of(new CitizenCardQr(id, old.isEmpty() ? null : old, name, birth.get(), printedSex.get(), address,
                issued.get()));
    }

    /** The sex as {@link CitizenId} has it. */
    public CitizenId.Sex sexCode() {
        return sex.equals("Nam") ? CitizenId.Sex.MALE : CitizenId.Sex.FEMALE;
    }

    private static Optional<String> sex(String printed) {
        String s = printed.toLowerCase(java.util.Locale.ROOT);
        return s.equals("nam") ? Optional.of("Nam") : s.equals("nữ") ? Optional.of("Nữ") : Optional.empty();
    }

    private static Optional<LocalDate> day(String field) {
        String s = field.strip();
        if (!EIGHT_DIGITS.matcher(s).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(s, DAY));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Composed, without invisible characters, one space between words. */
    private static String clean(String s) {
        return INVISIBLE.matcher(s).replaceAll(" ").replaceAll("\\s+", " ").strip();
    }
}
