package vn.motcua.notification.channel;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import vn.motcua.notification.NotificationConfig;
import vn.motcua.notification.domain.Channel;

/**
 * SMS through eSMS.vn (tin nhắn thương hiệu chăm sóc khách hàng): {@code POST .../SendMultipleMessage_V4_post_json/}
 * with a JSON body {@code {ApiKey, SecretKey, Phone, Content, Brandname, SmsType: "2", IsUnicode: "0", Sandbox: "0",
 * RequestId}}; the answer's {@code CodeResult} is {@code "100"} when accepted, {@code "124"} when the same
 * {@code RequestId} was already accepted (a resend after a lost answer: delivered once), anything else an error
 * ({@code "101"} credentials, {@code "104"} brand name, {@code "146"} template not registered...). See
 * docs/notifications.md for the link to the provider's documentation.
 */
@ApplicationScoped
public class SmsChannel implements Sender {

    private final Http http;
    private final NotificationConfig.Sms sms;
    private final NotificationConfig config;

    SmsChannel(Http http, NotificationConfig config) {
        this.http = http;
        this.sms = config.sms();
        this.config = config;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public Uni<Void> send(Outgoing m) {
        if (sms.url().isEmpty()) {
            return Uni.createFrom().failure(new Undeliverable("SMS is not configured"));
        }
        String phone = Phones.national(m.address());
        if (phone.length() < 9) {
            return Uni.createFrom().failure(new Undeliverable("no phone number"));
        }
        JsonObject body = new JsonObject().put("ApiKey", sms.apiKey().orElse("")).put("SecretKey", sms.secretKey().orElse("")).put("Phone", phone)
                .put("Content", m.message().sms()).put("Brandname", sms.brandname()).put("SmsType", sms.smsType())
                .put("IsUnicode", "0").put("Sandbox", "0").put("RequestId", "motcua-" + m.id());
        return http.client().postAbs(sms.url().get()).timeout(config.relay().timeout().toMillis()).sendJsonObject(body)
                .map(r -> {
                    if (r.statusCode() / 100 != 2) {
                        throw new IllegalStateException("eSMS HTTP " + r.statusCode());
                    }
                    JsonObject answer = r.bodyAsJsonObject();
                    String code = answer == null ? null : answer.getString("CodeResult");
                    if (!"100".equals(code) && !"124".equals(code)) {
                        throw new IllegalStateException("eSMS CodeResult " + code + ": "
                                + (answer == null ? "no JSON" : answer.getString("ErrorMessage", "")));
                    }
                    return null;
                }).replaceWithVoid();
    }
}
