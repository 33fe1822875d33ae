package vn.motcua.portal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import vn.motcua.platform.web.PageContext;
import vn.motcua.platform.web.RoutePermission;

/** Finding a procedure and reading its page (tra cứu thủ tục hành chính): public, no sign-in. */
@Path("/procedures")
@Produces(MediaType.TEXT_HTML)
public class ProcedurePages {

    @CheckedTemplate(basePath = "portal")
    static class Templates {
        static native TemplateInstance procedures(ProcedureGuide.Results r);

        static native TemplateInstance procedure(ProcedureGuide.Page p);
    }

    private final ProcedureGuide guide;
    private final PageContext page;

    ProcedurePages(ProcedureGuide guide, PageContext page) {
        this.guide = guide;
        this.page = page;
    }

    /** Search ({@code q}), or browse a field or a life event. */
    @GET
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = RoutePermission.PUBLIC)
    public Uni<TemplateInstance> search(@QueryParam("q") String q, @QueryParam("field") String field, @QueryParam("event") String event) {
        return guide.search(q, field, event, page.locale()).map(Templates::procedures);
    }

    /** A procedure's page; {@code ward} picks the competent office and its due date. */
    @GET
    @Path("/{code}")
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = RoutePermission.PUBLIC)
    public Uni<TemplateInstance> procedure(@PathParam("code") String code, @QueryParam("ward") String ward) {
        return guide.page(code, ward, page.locale()).map(Templates::procedure);
    }
}
