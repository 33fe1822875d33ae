package vn.motcua.portal;

import vn.motcua.intake.ProcedureGuide;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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
@jakarta.inject.Singleton
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

    /**
     * A procedure's page; {@code ward} picks the competent office and its due date. The page most visited at a peak
     * morning, and the same for every anonymous visitor of a language: rendered once a minute (its due date is to the
     * minute) and kept, up to {@link #KEPT} variants. A signed-in visitor's page names them, so it is rendered for them.
     */
    @GET
    @Path("/{code}")
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = RoutePermission.PUBLIC)
    public Uni<Response> procedure(@PathParam("code") String code, @QueryParam("ward") String ward,
            @jakarta.ws.rs.HeaderParam("Accept-Encoding") String encodings) {
        if (page.user() != null) {
            return guide.page(code, ward, page.locale()).chain(p -> Templates.procedure(p).createUni()).map(ProcedurePages::html);
        }
        String key = code + "|" + (ward == null ? "" : ward) + "|" + page.lang();
        long minute = System.currentTimeMillis() / 60_000;
        Rendered kept = rendered.getIfPresent(key);
        boolean gzip = encodings != null && encodings.contains("gzip");
        if (kept != null && kept.minute() == minute) {
            return Uni.createFrom().item(gzip ? gzipped(kept.gzip()) : html(kept.html()));
        }
        return guide.page(code, ward, page.locale()).chain(p -> Templates.procedure(p).createUni())
                .invoke(html -> {
                    // Only a known procedure and ward is kept: an unknown ward renders the page without an office,
                    // and keeping each made-up one would let a visitor fill the cache.
                    if (ward == null || ward.isEmpty() || html.contains("value=\"" + ward + "\" selected")) {
                        rendered.put(key, new Rendered(minute, html, gzip(html)));
                    }
                })
                .map(ProcedurePages::html);
    }

    /** How many rendered procedure pages are kept (procedures × wards × languages, the most used). */
    static final int KEPT = 5000;

    /** A kept page, also compressed once: compressing 13 KB again for every visitor was most of the page's cost. */
    private record Rendered(long minute, String html, byte[] gzip) {
    }

    private static byte[] gzip(String html) {
        var out = new java.io.ByteArrayOutputStream(html.length() / 3);
        try (var z = new java.util.zip.GZIPOutputStream(out)) {
            z.write(html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Response gzipped(byte[] body) {
        return Response.ok(body, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Content-Encoding", "gzip").header("Vary", "Accept-Encoding")
                .build();
    }

    private final com.github.benmanes.caffeine.cache.Cache<String, Rendered> rendered = com.github.benmanes.caffeine.cache.Caffeine
            .newBuilder().maximumSize(KEPT).expireAfterWrite(java.time.Duration.ofMinutes(2)).build();

    private static Response html(String html) {
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Vary", "Accept-Encoding").build();
    }
}
