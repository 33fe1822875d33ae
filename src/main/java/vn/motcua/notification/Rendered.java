package vn.motcua.notification;

import java.util.Map;

/**
 * A notice in one language, ready for every channel: the e-mail's subject, plain text and HTML, the SMS text (ASCII),
 * and the named values a Zalo ZNS template is filled with.
 */
public record Rendered(String subject, String text, String html, String sms, Map<String, String> values) {
}
