package vn.motcua.tenant;

import java.util.Locale;

import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateExtension;

/**
 * What the pages read of the tenant tree. {@code {t.name.local}} is a name in the page's language (the template's
 * {@code locale} attribute, which the page kit sets from the request), so no page passes its locale around.
 */
@TemplateData(target = LocalizedText.class)
@TemplateData(target = Tenant.class)
@TemplateData(target = TenantTree.class)
@TemplateExtension
public final class TenantTemplates {

    private TenantTemplates() {
    }

    /** The text in the language of the page being rendered. */
    static String local(LocalizedText text, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return text.in(locale instanceof Locale l ? l : null);
    }
}
