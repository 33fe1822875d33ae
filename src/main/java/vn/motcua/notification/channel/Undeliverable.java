package vn.motcua.notification.channel;

/**
 * A channel that cannot carry this notice at all (not configured, no address for it, no Zalo template for the kind):
 * trying again would not help, so the relay moves to the citizen's next channel at once instead of retrying.
 */
public class Undeliverable extends RuntimeException {

    public Undeliverable(String message) {
        super(message, null, false, false);
    }
}
