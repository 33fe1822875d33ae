package vn.motcua.platform.error;

import java.util.List;
import java.util.Locale;

import vn.motcua.platform.i18n.MessageKeys;

/** The localized message of each {@link FieldIssue}: the message of {@link FieldMessages} under the issue's key. */
final class FieldTexts {

    private FieldTexts() {
    }

    static String text(FieldIssue issue, Locale locale, List<Object> args) {
        return MessageKeys.text(FieldMessages.class, locale, issue.key(), args);
    }
}
