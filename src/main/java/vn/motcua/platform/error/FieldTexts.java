package vn.motcua.platform.error;

import java.util.List;
import java.util.Locale;

import vn.motcua.platform.i18n.MessageKeys;
import vn.motcua.platform.i18n.Messages;

/** The localized message of each {@link FieldIssue}: the platform bundle's message under the issue's key. */
final class FieldTexts {

    private FieldTexts() {
    }

    static String text(FieldIssue issue, Locale locale, List<Object> args) {
        return MessageKeys.text(Messages.class, locale, issue.key(), args);
    }
}
