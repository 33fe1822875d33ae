package vn.motcua.dossier.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import vn.motcua.dossier.domain.CitizenCardQr;
import vn.motcua.dossier.usecase.ReadCitizenCard;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;

/** A citizen's ID card read from a photo of its QR code, to fill a form without typing. */
@Path("/api/id-card")
@Authenticated
@Tag(name = "dossiers", description = "Submit a dossier and follow it")
public class CitizenCardResource {

    private final SecurityIdentity identity;
    private final ReadCitizenCard cards;

    CitizenCardResource(SecurityIdentity identity, ReadCitizenCard cards) {
        this.identity = identity;
        this.cards = cards;
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "dossier.submit-online")
    @POST
    @Path("/qr")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read a citizen ID card (CCCD) from a photo of its QR code",
            description = "`image`: a JPEG or PNG photo of the front of the card. Answers the fields the QR code carries "
                    + "(dates as yyyy-MM-dd; `oldId` null when the card has none). Nothing is stored. 400 on the field `image` "
                    + "when no QR code could be read or it is not a card's; 413 above the attachments' size or pixel limit; "
                    + "415 for other file types.")
    public Uni<CitizenCardQr> read(@RestForm("image") FileUpload image) {
        return cards.read(Actor.from(identity), image == null ? null : image.uploadedFile(), image == null ? 0 : image.size());
    }
}
