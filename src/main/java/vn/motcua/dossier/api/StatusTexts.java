package vn.motcua.dossier.api;

import java.util.Locale;

import vn.motcua.dossier.DossierMessages;
import vn.motcua.dossier.domain.DossierStatus;
import vn.motcua.platform.i18n.MessageKeys;

/** Each status in plain words, for the look-up and the pages: the bundle's text under the key the status carries. */
public final class StatusTexts {

    private StatusTexts() {
    }

    public static String text(DossierStatus status, Locale locale) {
        return MessageKeys.text(DossierMessages.class, locale, status.messageKey());
    }
}
