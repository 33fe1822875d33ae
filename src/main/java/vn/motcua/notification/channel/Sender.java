package vn.motcua.notification.channel;

import io.smallrye.mutiny.Uni;
import vn.motcua.notification.domain.Channel;

/**
 * A channel's adapter (bộ gửi): delivers one notice or fails. {@link Undeliverable} means "not on this channel"; any
 * other failure (a timeout, a provider's error) is retried with backoff.
 */
public interface Sender {

    Channel channel();

    Uni<Void> send(Outgoing message);
}
