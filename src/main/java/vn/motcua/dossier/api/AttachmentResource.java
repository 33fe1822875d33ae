package vn.motcua.dossier.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import vn.motcua.dossier.api.DossierViews.AttachmentView;
import vn.motcua.identity.Actor;
import vn.motcua.platform.web.ClientAddress;
import vn.motcua.identity.Permission;
import vn.motcua.platform.error.FieldIssue;
import vn.motcua.dossier.domain.DossierCommands;
import vn.motcua.dossier.usecase.AttachmentService;

/** Files of a dossier: upload one per required document, read them back. */
@Path("/api/dossiers/{receiptCode}/attachments")
@Authenticated
@Tag(name = "dossiers", description = "Submit a dossier and follow it")
public class AttachmentResource {

    private final SecurityIdentity identity;
    private final AttachmentService attachments;

    AttachmentResource(SecurityIdentity identity, AttachmentService attachments) {
        this.identity = identity;
        this.attachments = attachments;
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "dossier.attach-own,dossier.attach")
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Attach a file (PDF, JPEG, PNG) to a required document",
            description = "`document` is the document's number in the procedure's list, from 1. The type is read from the "
                    + "bytes; photos are scaled down and recompressed; 413 above the size limit, 415 for other types.")
    public Uni<Response> upload(@PathParam("receiptCode") String receiptCode, @RestForm("document") Integer document,
            @RestForm("file") FileUpload file, @Context io.vertx.core.http.HttpServerRequest http) {
        if (file == null) {
            throw DossierCommands.validation("file", FieldIssue.REQUIRED);
        }
        return attachments.attach(Actor.from(identity), receiptCode, document, file.fileName(), file.uploadedFile(), file.size(),
                ClientAddress.of(http))
                .map(a -> Response.status(Response.Status.CREATED).entity(new AttachmentView(a.id().toString(), a.document(),
                        a.fileName(), a.contentType(), a.sizeBytes(), a.storedBytes(), a.sha256(), a.uploadedAt())).build());
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "dossier.read-own,dossier.read")
    @GET
    @Path("/{id}")
    @Operation(summary = "The stored file, for whoever may read the dossier")
    public Uni<Response> download(@PathParam("receiptCode") String receiptCode, @PathParam("id") String id,
            @Context io.vertx.core.http.HttpServerRequest request) {
        return attachments.read(Actor.from(identity), receiptCode, id, ClientAddress.of(request))
                .map(s -> Response.ok(s.bytes(), s.record().contentType())
                        .header("Content-Disposition", s.disposition())
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Digest", "sha-256=" + s.record().sha256())
                        .build());
    }
}
