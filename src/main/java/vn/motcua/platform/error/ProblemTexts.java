package vn.motcua.platform.error;

import java.util.List;
import java.util.Locale;

import vn.motcua.platform.i18n.MessageKeys;

/** The localized title and detail of each problem type: the messages of {@link ProblemMessages} under the type's keys. */
public final class ProblemTexts {

    private ProblemTexts() {
    }

    public static String title(ProblemType type, Locale locale) {
        return MessageKeys.text(ProblemMessages.class, locale, type.titleKey());
    }

    /** The detail, with the problem's arguments in the order of the message's parameters. */
    public static String detail(ProblemType type, Locale locale, List<Object> args) {
        return MessageKeys.text(ProblemMessages.class, locale, type.detailKey(), args);
    }
}
