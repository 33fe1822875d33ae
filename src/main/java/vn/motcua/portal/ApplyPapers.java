package vn.motcua.portal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.usecase.AttachmentService;
import vn.motcua.dossier.usecase.DraftPapers;
import vn.motcua.dossier.usecase.Drafts;
import vn.motcua.identity.Actor;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemException.FieldError;
import vn.motcua.platform.error.ProblemTexts;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.platform.web.PageContext;
import vn.motcua.platform.web.PostedForm;
import vn.motcua.platform.web.Redirects;
import vn.motcua.platform.web.RoutePermission;

/**
 * The papers page of a draft (giấy tờ): a file for each paper the procedure lists, from the camera or the files,
 * staged before the check page. One multipart form, JavaScript or not: "Tiếp tục" stages every file chosen and goes on;
 * a file refused (too big, of a kind not taken, unreadable) is explained beside its paper, and what was staged before
 * stays; "Xoá" removes one paper's file. The photo preview before sending is the page's only script, an enhancement.
 */
@Path("/apply/{draft}/papers")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ApplyPapers {

    @CheckedTemplate(basePath = "portal")
    static class Templates {
        static native TemplateInstance papers(Page p);
    }

    /** A paper of the procedure and the file staged for it, if any. */
    @TemplateData
    public record PaperRow(int number, String name, boolean optional, DraftPapers.StagedPaper file, String size) {
        /** The file field's name, where its error is shown. */
        public String field() {
            return "file-" + number;
        }
    }

    /** The papers page. */
    @TemplateData
    public record Page(String draft, String procedure, String back, int number, int total, boolean change, boolean full, long maxMegabytes,
            List<PaperRow> papers) {
    }

    private final Drafts drafts;
    private final DraftPapers papers;
    private final AttachmentService attachments;
    private final ApplyViews views;
    private final PageContext page;
    private final SecurityIdentity identity;

    ApplyPapers(Drafts drafts, DraftPapers papers, AttachmentService attachments, ApplyViews views, PageContext page, SecurityIdentity identity) {
        this.drafts = drafts;
        this.papers = papers;
        this.attachments = attachments;
        this.views = views;
        this.page = page;
        this.identity = identity;
    }

    @GET
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = ApplyPages.SUBMIT_ONLINE)
    public Uni<Response> show(@PathParam("draft") String draft, @QueryParam("change") String change) {
        Actor actor = Actor.from(identity);
        return drafts.load(actor, id(draft)).chain(d -> d.submitted() ? Uni.createFrom().item(Redirects.seeOther("/dossiers/" + d.receiptCode()))
                : render(actor, d, change != null, Response.Status.OK));
    }

    /**
     * Stages the files chosen (one field a paper, {@code file-<n>}), then the next page; or removes one paper's file
     * ({@code remove=<n>}) and shows the page again. Each file is staged on its own: one refused does not undo another.
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = ApplyPages.SUBMIT_ONLINE)
    public Uni<Response> post(@PathParam("draft") String draft, @RestForm(FileUpload.ALL) List<FileUpload> uploads) {
        Actor actor = Actor.from(identity);
        Map<String, String> posted = PostedForm.current();
        boolean change = posted.containsKey("change");
        Locale locale = page.locale();
        UUID draftId = id(draft);
        String here = "/apply/" + draft + "/" + ApplyForm.PAPERS + (change ? "?change=1" : "");
        return drafts.load(actor, draftId).chain(d -> {
            if (d.submitted()) {
                return Uni.createFrom().item(Redirects.seeOther("/dossiers/" + d.receiptCode()));
            }
            String remove = posted.get("remove");
            if (remove != null) {
                return papers.remove(actor, draftId, number(remove)).replaceWith(Redirects.seeOther(here + "#" + ApplyForm.PAPERS));
            }
            Procedure.Version v = views.version(d.procedureCode());
            List<FileUpload> chosen = uploads == null ? List.of() : uploads.stream()
                    .filter(u -> u.name() != null && u.name().matches("file-\\d{1,3}") && (u.size() > 0 || !blank(u.fileName()))).toList();
            return Multi.createFrom().iterable(chosen).onItem().transformToUniAndConcatenate(u -> {
                String field = u.name();
                Integer document = number(field.substring("file-".length()));
                return Uni.createFrom().deferred(() -> papers.stage(actor, draftId, document, u.fileName(), u.uploadedFile(), u.size()))
                        .replaceWith((FieldError) null)
                        .onFailure(ApplyPapers::refusedFile).recoverWithItem(e -> new FieldError(field, message((ProblemException) e, locale), null,
                                List.of()));
            }).filter(e -> e != null).collect().asList().chain(refused -> {
                if (refused.isEmpty()) {
                    List<String> steps = ApplyForm.steps(v);
                    String next = change ? ApplyForm.CHECK : steps.get(steps.indexOf(ApplyForm.PAPERS) + 1);
                    return Uni.createFrom().item(Redirects.seeOther("/apply/" + draft + "/" + next));
                }
                Map<String, String> labels = new HashMap<>();
                for (int i = 0; i < v.documents().size(); i++) {
                    labels.put("file-" + (i + 1), v.documents().get(i).name().in(locale));
                }
                page.refused(new ProblemException(ProblemType.VALIDATION_FAILED, refused, refused.size()), refused.get(0).field(), labels);
                return render(actor, d, change, Response.Status.BAD_REQUEST);
            });
        });
    }

    /** A staged file, for its owner to look at before submitting. */
    @GET
    @Path("{id}")
    @Produces({ "application/pdf", "image/jpeg", "image/png", MediaType.TEXT_HTML })
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = ApplyPages.SUBMIT_ONLINE)
    public Uni<Response> file(@PathParam("draft") String draft, @PathParam("id") String file) {
        return papers.read(Actor.from(identity), id(draft), id(file))
                .map(s -> vn.motcua.platform.web.InlineFiles.of(s.bytes(), s.contentType(), s.disposition()));
    }

    private Uni<Response> render(Actor actor, Drafts.DraftView d, boolean change, Response.Status status) {
        Locale locale = page.locale();
        Procedure.Version v = views.version(d.procedureCode());
        List<String> steps = ApplyForm.steps(v);
        int at = steps.indexOf(ApplyForm.PAPERS);
        if (at < 0) {
            throw new ProblemException(ProblemType.NOT_FOUND);
        }
        String back = "/apply/" + d.id() + "/" + (change ? ApplyForm.CHECK : steps.get(at - 1));
        return papers.staged(actor, d.id()).map(staged -> {
            List<PaperRow> rows = new ArrayList<>();
            for (int i = 0; i < v.documents().size(); i++) {
                int n = i + 1;
                Procedure.RequiredDocument doc = v.documents().get(i);
                DraftPapers.StagedPaper file = staged.stream().filter(f -> f.document() == n).findFirst().orElse(null);
                rows.add(new PaperRow(n, doc.name().in(locale), doc.optional(), file, file == null ? null : DossierPages.size(file.storedBytes())));
            }
            Page p = new Page(d.id().toString(), v.name().in(locale), back, at + 1, steps.size(), change,
                    v.channels().contains(Procedure.Channel.ONLINE_FULL), attachments.maxBytes() / (1024 * 1024), rows);
            return Response.status(status).entity(Templates.papers(p)).header("Cache-Control", "no-store").build();
        });
    }

    /** What is wrong with a file, in the page's language. */
    private static String message(ProblemException p, Locale locale) {
        return p.fieldErrors().isEmpty() ? ProblemTexts.detail(p.type(), locale, p.args()) : p.localized(locale).fieldErrors().get(0).message();
    }

    /** A refusal of the file itself (too big, empty, of a kind not taken, unreadable, not a paper of the procedure). */
    private static boolean refusedFile(Throwable e) {
        return e instanceof ProblemException p && (p.type().status() == 400 || p.type().status() == 413 || p.type().status() == 415);
    }

    private static Integer number(String s) {
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new ProblemException(ProblemType.NOT_FOUND);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static UUID id(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.NOT_FOUND);
        }
    }
}
