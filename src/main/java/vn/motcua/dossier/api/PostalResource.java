package vn.motcua.dossier.api;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.platform.error.FieldIssue;
import vn.motcua.platform.web.ClientAddress;
import vn.motcua.platform.web.PageLimit;
import vn.motcua.dossier.domain.DossierCommands;
import vn.motcua.dossier.usecase.PostalDossiers;
import vn.motcua.dossier.usecase.PostalItem;

/**
 * A post office's side (bưu điện): the dossiers it took in and the results it must deliver, with only what the
 * counter and the postman need: no form, no citizen ID number, no history.
 */
@Path("/api/postal/{office}/dossiers")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "postal", description = "Post offices: dossiers taken in, results to deliver")
public class PostalResource {

    /** The postman's note on delivery, e.g. who signed for it. */
    public record Delivery(String note) {
    }

    private final SecurityIdentity identity;
    private final PostalDossiers dossiers;

    PostalResource(SecurityIdentity identity, PostalDossiers dossiers) {
        this.identity = identity;
        this.dossiers = dossiers;
    }

    @GET
    @Extension(name = Permission.OPENAPI_EXTENSION, value = "postal.list")
    @Operation(summary = "The dossiers this post office took in, or (kind=delivery) whose results it must deliver, newest first")
    public Uni<List<PostalItem>> list(@PathParam("office") String office,
            @Parameter(description = "intake (default) or delivery") @QueryParam("kind") @DefaultValue("intake") String kind,
            @Parameter(description = "Only those submitted before this instant (the last item's submittedAt, to page)")
            @QueryParam("before") String before,
            @Parameter(description = "Items per page, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam(PageLimit.PARAMETER) String limit) {
        int size = PageLimit.parse(limit, 50, 200);
        boolean delivery = switch (kind.strip()) {
            case "intake" -> false;
            case "delivery" -> true;
            default -> throw DossierCommands.validation("kind", FieldIssue.NOT_AN_OPTION, "intake, delivery");
        };
        OffsetDateTime until = null;
        if (before != null && !before.isBlank()) {
            try {
                until = OffsetDateTime.parse(before.strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw DossierCommands.validation("before", FieldIssue.NOT_DATE);
            }
        }
        return dossiers.list(Actor.from(identity), office, delivery, until, size);
    }

    @POST
    @Path("/{receiptCode}/deliver")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = Permission.OPENAPI_EXTENSION, value = "postal.deliver")
    @Operation(summary = "The result was delivered to the applicant by post: the dossier is returned")
    public Uni<PostalItem> deliver(@PathParam("office") String office, @PathParam("receiptCode") String receiptCode, Delivery body,
            @Context io.vertx.core.http.HttpServerRequest http) {
        return dossiers.deliver(Actor.from(identity), office, receiptCode, body == null ? null : body.note(), ClientAddress.of(http));
    }
}
