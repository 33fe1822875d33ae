package vn.motcua.notification.domain;

import java.util.Optional;

/** A way to reach a citizen (kênh thông báo); {@link #wire()} is the name in requests and in the outbox. */
public enum Channel {
    EMAIL("email"),
    SMS("sms"),
    /** Zalo ZNS: a template message to the Zalo account of the applicant's phone number. */
    ZALO("zalo"),
    /** The notices on the dossier's page in the portal: always written, whatever else was chosen. */
    IN_APP("in-app"),
    /** An e-mail to officers (the nearly-late alerts), not to a citizen. */
    STAFF_EMAIL("staff-email");

    private final String wire;

    Channel(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<Channel> parse(String wire) {
        for (Channel c : values()) {
            if (c.wire.equals(wire)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
