package vn.motcua.platform.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The platform's words (chữ dùng chung): the layout's (language switch, sign-in, skip link, footer), the error summary's
 * and the words several features' pages share (a tenant's address, desk hours, "(optional)", …). A problem's title and
 * detail are in {@code platform.error.ProblemMessages}, a field issue's text in {@code platform.error.FieldMessages};
 * each feature has its own bundle for its own words ({@code console.ConsoleMessages}, {@code intake.PortalMessages}, …).
 *
 * <p>Both languages are in properties files of the same format: Vietnamese, the default, in
 * {@code messages/msg_vi.properties}, English in {@code messages/msg_en.properties}. The build fails when either file
 * lacks a method's text; {@code BundleKeysTest} fails when the two differ in keys. Templates use them as
 * {@code {msg:key}}.
 */
@MessageBundle(value = "msg", locale = "vi")
public interface Messages {

    @Message
    String app_name();

    @Message
    String skip_to_content();

    @Message
    String sign_in();

    @Message
    String sign_out();

    @Message
    String other_language();

    @Message
    String other_language_code();

    @Message
    String this_language();

    /** Before the title of a page whose form was refused, so a screen reader says it first. */
    @Message
    String error_prefix();

    @Message
    String error_summary_title();

    /** After the label of a field that may be left empty (GOV.UK: "(optional)", never an asterisk). */
    @Message
    String optional();

    @Message
    String agency_code();

    @Message
    String address();

    @Message
    String phone();

    @Message
    String desk_hours();

    @Message
    String hello(String name);

    @Message
    String back_home();

    @Message
    String footer_lookup();

    @Message
    String footer_offices();

    @Message
    String footer_kiosk();
}
