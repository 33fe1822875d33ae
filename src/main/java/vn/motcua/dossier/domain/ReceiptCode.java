package vn.motcua.dossier.domain;

import java.util.Locale;

/**
 * The receipt code (mã hồ sơ, số biên nhận): the receiving agency's electronic identifier, the date and the agency's
 * sequence number of that day, as in {@code 000.00.01.H26-261124-0007}. The number comes from the database's
 * per-agency-per-day counter, so it is gap-free and unique across every replica; the code is therefore made by
 * the statement that takes the number ({@code store.DossierRows.receiptCode}), with at least four digits.
 */
public final class ReceiptCode {

    private ReceiptCode() {
    }

    /** The code of the {@code index}-th part (1-based) of an interconnected dossier (liên thông): {@code …-0007.L2}. */
    public static String part(String parentCode, int index) {
        return parentCode + ".L" + index;
    }

    /**
     * What a look-up compares: upper case, letters and digits only. "000.00.01.h26 261124 0007" and
     * "00000-01H26/261124/0007" find the same dossier.
     */
    public static String lookupKey(String typed) {
        StringBuilder b = new StringBuilder(typed.length());
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
                b.append(c);
            } else if (c >= 'a' && c <= 'z') {
                b.append(Character.toUpperCase(c));
            }
        }
        return b.toString().toUpperCase(Locale.ROOT);
    }
}
