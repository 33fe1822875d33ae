package vn.motcua.notification;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.json.JsonObject;

import vn.motcua.dossier.PortalOnlyNotices;
import vn.motcua.notification.domain.Contact;

/**
 * Where a citizen hears of their dossier (kênh nhận thông báo), one rule for the relay and for the submissions that
 * write their receipt notice themselves: the contact the submission recorded; without one, SMS to the applicant's
 * phone when an SMS provider is configured, else the portal only (not a dead letter per dossier).
 */
@ApplicationScoped
public class CitizenContacts implements PortalOnlyNotices {

    private final NotificationConfig config;

    CitizenContacts(NotificationConfig config) {
        this.config = config;
    }

    /** The contact of a dossier whose receipt row recorded {@code choice} (null: none made). */
    public Contact of(JsonObject choice, String applicantPhone) {
        return choice == null && config.sms().url().isEmpty()
                ? new Contact(null, applicantPhone, List.of(), Contact.VIETNAMESE)
                : Contact.of(choice, applicantPhone);
    }

    @Override
    public boolean portalOnly(JsonObject contact, String applicantPhone) {
        return of(contact, applicantPhone).outside().isEmpty();
    }
}
