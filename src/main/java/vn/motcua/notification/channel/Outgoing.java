package vn.motcua.notification.channel;

import vn.motcua.notification.Rendered;

/**
 * One notice to one address on one channel.
 *
 * @param id      the outbox row's id: each provider gets it as its idempotency key (eSMS {@code RequestId}, Zalo
 *                {@code tracking_id}, the e-mail's {@code Message-ID}), so a resend after a lost answer is recognized
 * @param kind    the outbox kind (a Zalo template is chosen by it)
 * @param address an e-mail address or a phone number, as the channel needs
 */
public record Outgoing(long id, String kind, String address, Rendered message) {
}
