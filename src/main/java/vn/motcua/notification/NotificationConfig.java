package vn.motcua.notification;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Notifications (thông báo): the outbox relay, its channels and the nearly-late alerts. Every property has an
 * environment variable, listed in the README and in {@code docs/notifications.md}.
 */
@ConfigMapping(prefix = "motcua.notifications")
public interface NotificationConfig {

    Relay relay();

    Sms sms();

    Zalo zalo();

    NearlyLate nearlyLate();

    /** The outbox relay ({@link OutboxRelay}). */
    interface Relay {

        /** Whether this replica relays at all ({@code MOTCUA_NOTIFY_RELAY}): off, the rows wait for a replica that does. */
        @WithDefault("true")
        boolean enabled();

        /** How often the relay looks for due rows ({@code MOTCUA_NOTIFY_INTERVAL}); a commit that queues a notice also nudges it. */
        @WithDefault("PT5S")
        Duration interval();

        /** Rows claimed at once by one relay ({@code MOTCUA_NOTIFY_BATCH}). */
        @WithDefault("50")
        int batchSize();

        /**
         * How long a claimed row stays with its relay before another may claim it (the relay died meanwhile): longer than
         * the slowest provider's timeout.
         */
        @WithDefault("PT2M")
        Duration lease();

        /** Attempts on one channel before the next chosen channel is tried, or the row is dead-lettered ({@code MOTCUA_NOTIFY_MAX_ATTEMPTS}). */
        @WithDefault("5")
        int maxAttempts();

        /** The wait after the first failure; it doubles after each next one ({@code MOTCUA_NOTIFY_BACKOFF}). */
        @WithDefault("PT30S")
        Duration backoff();

        /** The longest wait between two attempts. */
        @WithDefault("PT1H")
        Duration maxBackoff();

        /** How long a provider may take to answer before the attempt counts as failed. */
        @WithDefault("PT10S")
        Duration timeout();

        /** The sender of e-mails ({@code MOTCUA_MAIL_FROM}); the SMTP server is Quarkus Mailer's ({@code quarkus.mailer.*}). */
        @WithDefault("Motcua <no-reply@motcua.local>")
        String mailFrom();

        /** The portal's address in the messages ({@code MOTCUA_NOTIFY_PORTAL_URL}), e.g. {@code https://dichvucong.hanoi.gov.vn}. */
        @WithDefault("http://localhost:8080")
        String portalUrl();

        /** Whether the e-mail channel is on ({@code MOTCUA_MAIL_ENABLED}); off, a citizen's e-mail choice falls to the next channel. */
        @WithDefault("true")
        boolean mailEnabled();
    }

    /** SMS through eSMS.vn's {@code SendMultipleMessage_V4_post_json} ({@link vn.motcua.notification.channel.SmsChannel}). */
    interface Sms {

        /** The endpoint ({@code MOTCUA_SMS_URL}); unset: no SMS is sent and the next chosen channel is used. */
        Optional<String> url();

        /** eSMS's ApiKey ({@code MOTCUA_SMS_API_KEY}). */
        Optional<String> apiKey();

        /** eSMS's SecretKey ({@code MOTCUA_SMS_SECRET_KEY}). */
        Optional<String> secretKey();

        /** The registered brand name shown as sender ({@code MOTCUA_SMS_BRANDNAME}). */
        @WithDefault("MOTCUA")
        String brandname();

        /** eSMS's message type: 2 is customer care through a brand name. */
        @WithDefault("2")
        String smsType();
    }

    /** Zalo ZNS (Zalo Notification Service) template messages ({@link vn.motcua.notification.channel.ZaloChannel}). */
    interface Zalo {

        /** The endpoint ({@code MOTCUA_ZALO_URL}), {@code https://business.openapi.zalo.me/message/template}; unset: off. */
        Optional<String> url();

        /** The Official Account's access token ({@code MOTCUA_ZALO_ACCESS_TOKEN}). */
        Optional<String> accessToken();

        /**
         * The approved ZNS template of each notice kind ({@code motcua.notifications.zalo.templates.receipt=...}); a kind
         * without one is not sent by Zalo, and the next chosen channel is used.
         */
        Map<String, String> templates();
    }

    /**
     * Alerts for nearly-late dossiers (cảnh báo hồ sơ sắp đến hạn, {@link DeadlineAlerts}). The threshold is each
     * tenant's setting in the console ({@link vn.motcua.calendar.NearlyLateSettings}), else one working day.
     */
    interface NearlyLate {

        /** Whether this replica looks for them ({@code MOTCUA_NEARLY_LATE}). */
        @WithDefault("true")
        boolean enabled();

        /** How often this replica looks. */
        @WithDefault("PT1M")
        Duration interval();
    }
}
