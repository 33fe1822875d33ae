package vn.motcua.payment.domain;

/**
 * The electronic receipt number (số biên lai điện tử): a series per tenant and year, {@code BL<year>-<7 digits>}, the
 * sequence taken from a counter row in the paying transaction (gap-free, like the receipt codes).
 */
public final class ReceiptNumbers {

    private ReceiptNumbers() {
    }

    public static String format(int year, int sequence) {
        if (sequence < 1 || sequence > 9_999_999) {
            throw new IllegalArgumentException("receipt sequence out of range: " + sequence);
        }
        return "BL%d-%07d".formatted(year, sequence);
    }
}
