package vn.motcua.portal;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The public portal's words (cổng dịch vụ công): its home page, the citizen's own page and the reasons an officer read
 * their data. Both languages are in properties files of the same format, Vietnamese (the default) in
 * {@code messages/portal_vi.properties}, English in {@code messages/portal_en.properties}; the build fails when either
 * lacks a method's text, and {@code BundleKeysTest} when the two differ in keys. Templates use them as
 * {@code {portal:key}}.
 *
 * <p>A purpose is keyed {@code purpose_<code>}, read by {@link PortalResource} through the key rather than a method per
 * purpose.
 */
@MessageBundle(value = "portal", locale = "vi")
public interface PortalMessages {

    @Message
    String portal_tagline();

    @Message
    String portal_home();

    @Message
    String portal_tenants_heading();

    @Message
    String portal_tenants_intro(int count);

    @Message
    String my_page();

    @Message
    String me_intro();

    @Message
    String me_username();

    @Message
    String assurance();

    @Message
    String assurance_high(String masked);

    @Message
    String assurance_low();

    @Message
    String data_access_heading();

    @Message
    String data_access_intro();

    @Message
    String data_access_none();

    @Message
    String data_access_when();

    @Message
    String data_access_officer();

    @Message
    String data_access_office();

    @Message
    String data_access_dossier();

    @Message
    String data_access_purpose();

    @Message
    String purpose_processing();

    @Message
    String purpose_supervision();

    @Message
    String purpose_audit();

    @Message
    String purpose_postal();

    @Message
    String purpose_reuse();

    @Message
    String kiosk_title();

    @Message
    String kiosk_intro(int minutes);

    @Message
    String kiosk_on();

    @Message
    String kiosk_off();

    @Message
    String kiosk_turn_on();

    @Message
    String kiosk_turn_off();
}
