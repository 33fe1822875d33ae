package vn.motcua.notification.channel;

/** Phone numbers as the providers want them. */
final class Phones {

    private Phones() {
    }

    /** The national form, digits only: {@code 0912345678} (eSMS). */
    static String national(String phone) {
        String digits = phone == null ? "" : phone.replaceAll("[^0-9]", "");
        if (digits.startsWith("84") && digits.length() >= 11) {
            return "0" + digits.substring(2);
        }
        return digits;
    }

    /** The international form without "+": {@code 84912345678} (Zalo ZNS). */
    static String international(String phone) {
        String national = national(phone);
        return national.startsWith("0") ? "84" + national.substring(1) : national;
    }
}
