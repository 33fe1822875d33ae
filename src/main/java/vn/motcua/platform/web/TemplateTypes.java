package vn.motcua.platform.web;

import io.quarkus.qute.TemplateData;
import vn.motcua.identity.Actor;
import vn.motcua.identity.TenantAccess;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.tenant.LocalizedText;
import vn.motcua.tenant.Tenant;
import vn.motcua.tenant.TenantTree;

/**
 * The types the pages read. Qute resolves template expressions with code generated at build time, not reflection;
 * listing the types here keeps the domain classes free of template annotations.
 */
@TemplateData(target = Page.class)
@TemplateData(target = LocalizedText.class)
@TemplateData(target = Tenant.class)
@TemplateData(target = TenantTree.class)
@TemplateData(target = Actor.class)
@TemplateData(target = TenantAccess.class)
@TemplateData(target = ProblemType.class)
@TemplateData(target = ProblemException.FieldError.class)
final class TemplateTypes {

    private TemplateTypes() {
    }
}
