package vn.motcua.platform.web;

import io.quarkus.qute.TemplateData;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;

/**
 * The platform types the pages read. Qute resolves template expressions with code generated at build time, not
 * reflection; listing the types here keeps the classes free of template annotations. Each feature lists its own
 * the same way (e.g. {@code tenant.TenantTemplates}).
 */
@TemplateData(target = PageUser.class)
@TemplateData(target = ProblemType.class)
@TemplateData(target = ProblemException.FieldError.class)
final class TemplateTypes {

    private TemplateTypes() {
    }
}
