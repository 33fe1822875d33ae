package vn.motcua.notification.channel;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import vn.motcua.notification.NotificationConfig;
import vn.motcua.notification.domain.Channel;

/**
 * Zalo ZNS (Zalo Notification Service): a template message, approved by Zalo beforehand, to the Zalo account of a
 * phone number. {@code POST https://business.openapi.zalo.me/message/template}, header {@code access_token} (the
 * Official Account's), body {@code {phone: "84912345678", template_id, template_data: {…}, tracking_id}}; the answer
 * is {@code {error: 0, message: "Success", data: {msg_id, sent_time, quota}}} when sent, a non-zero {@code error}
 * otherwise. The template of each notice kind is configured ({@code motcua.notifications.zalo.templates.<kind>}); its
 * parameters are {@code customer_name}, {@code receipt_code}, {@code procedure}, {@code office}, {@code date}.
 */
@ApplicationScoped
public class ZaloChannel implements Sender {

    private final Http http;
    private final NotificationConfig.Zalo zalo;
    private final NotificationConfig config;

    ZaloChannel(Http http, NotificationConfig config) {
        this.http = http;
        this.zalo = config.zalo();
        this.config = config;
    }

    @Override
    public Channel channel() {
        return Channel.ZALO;
    }

    @Override
    public Uni<Void> send(Outgoing m) {
        String template = zalo.templates().get(m.kind());
        if (zalo.url().isEmpty() || template == null) {
            return Uni.createFrom().failure(new Undeliverable("no Zalo ZNS template for " + m.kind()));
        }
        String phone = Phones.international(m.address());
        if (phone.length() < 10) {
            return Uni.createFrom().failure(new Undeliverable("no phone number"));
        }
        JsonObject data = new JsonObject();
        m.message().values().forEach(data::put);
        JsonObject body = new JsonObject().put("phone", phone).put("template_id", template).put("template_data", data)
                .put("tracking_id", "motcua-" + m.id());
        return http.client().postAbs(zalo.url().get()).putHeader("access_token", zalo.accessToken().orElse(""))
                .timeout(config.relay().timeout().toMillis()).sendJsonObject(body).map(r -> {
                    if (r.statusCode() / 100 != 2) {
                        throw new IllegalStateException("Zalo ZNS HTTP " + r.statusCode());
                    }
                    JsonObject answer = r.bodyAsJsonObject();
                    Integer error = answer == null ? null : answer.getInteger("error");
                    if (error == null || error != 0) {
                        throw new IllegalStateException("Zalo ZNS error " + error + ": "
                                + (answer == null ? "no JSON" : answer.getString("message", "")));
                    }
                    return null;
                }).replaceWithVoid();
    }
}
