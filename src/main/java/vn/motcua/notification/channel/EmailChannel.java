package vn.motcua.notification.channel;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import vn.motcua.notification.NotificationConfig;
import vn.motcua.notification.domain.Channel;

/**
 * E-mail over SMTP (thư điện tử) with Quarkus's reactive mailer: HTML and plain text in one message. The server and
 * its credentials are the mailer's ({@code quarkus.mailer.host}, {@code port}, {@code username}, {@code password},
 * {@code tls}); a notice to officers goes the same way ({@link #staff()}).
 */
@ApplicationScoped
public class EmailChannel implements Sender {

    private final ReactiveMailer mailer;
    private final NotificationConfig config;

    EmailChannel(ReactiveMailer mailer, NotificationConfig config) {
        this.mailer = mailer;
        this.config = config;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public Uni<Void> send(Outgoing m) {
        if (!config.relay().mailEnabled()) {
            return Uni.createFrom().failure(new Undeliverable("e-mail is off"));
        }
        if (m.address() == null || m.address().isBlank()) {
            return Uni.createFrom().failure(new Undeliverable("no e-mail address"));
        }
        // Officers' alerts go to several addresses at once, comma-separated.
        Mail mail = new Mail().setTo(java.util.Arrays.stream(m.address().split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList())
                .setSubject(m.message().subject()).setHtml(m.message().html()).setText(m.message().text())
                .setFrom(config.relay().mailFrom())
                // The same id on every attempt: a resend after a lost answer is recognizably the same message.
                .addHeader("Message-ID", "<outbox-" + m.id() + "@motcua>");
        return mailer.send(mail).ifNoItem().after(config.relay().timeout()).fail();
    }

    /** The same channel, named for what it carries to officers. */
    public Sender staff() {
        EmailChannel self = this;
        return new Sender() {
            @Override
            public Channel channel() {
                return Channel.STAFF_EMAIL;
            }

            @Override
            public Uni<Void> send(Outgoing message) {
                return self.send(message);
            }
        };
    }
}
