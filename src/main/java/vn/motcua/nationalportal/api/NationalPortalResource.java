package vn.motcua.nationalportal.api;

import java.time.LocalDate;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import vn.motcua.calendar.VietnameseLunarCalendar;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.nationalportal.domain.IntakeSignature;
import vn.motcua.nationalportal.domain.PortalCodes;
import vn.motcua.nationalportal.domain.PortalDossier;
import vn.motcua.nationalportal.usecase.SyncRates;
import vn.motcua.nationalportal.usecase.TakeIn;
import vn.motcua.platform.web.ClientAddress;

/**
 * The national public-service portal's ways in: a dossier submitted on it, delivered to us (signed, not signed in),
 * and how much of a tenant's history reached it. Parse, call the use case, render; nothing else.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "national-portal", description = "The national public-service portal (Cổng Dịch vụ công quốc gia): take-in and sync rate")
public class NationalPortalResource {

    /** The answer to the portal, in its own names and codes: {@code error_code} "00", its id, our receipt code, status and due time. */
    public record Answer(@JsonProperty("error_code") String errorCode, @JsonProperty("MaHoSoQG") String portalId,
            @JsonProperty("MaHoSo") String receiptCode, @JsonProperty("TrangThaiHoSo") String status,
            @JsonProperty("NgayHenTra") String dueAt) {
    }

    private final SecurityIdentity identity;
    private final TakeIn takeIn;
    private final SyncRates rates;

    NationalPortalResource(SecurityIdentity identity, TakeIn takeIn, SyncRates rates) {
        this.identity = identity;
        this.takeIn = takeIn;
        this.rates = rates;
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "public")
    @POST
    @Path("/national-portal/dossiers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A dossier submitted on the national portal, delivered to its competent office (server to server)",
            description = "Signed, not signed in: headers `X-DVCQG-Timestamp` (seconds since the epoch, within 5 minutes of ours) "
                    + "and `X-DVCQG-Signature` = hex(HMAC-SHA256(shared secret, timestamp + \".\" + body)); otherwise 401 "
                    + "`signature-invalid`. The office and procedure are looked up by their codes (`MaDonVi`, `MaTTHC`). 201 with "
                    + "our receipt code (`MaHoSo`); the same `MaHoSoQG` again: 200 with the same code, nothing created; with "
                    + "another content: 422 `idempotency-conflict`. 400 with field errors under the portal's names. "
                    + "docs/national-portal.md")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PortalDossier.class)))
    public Uni<Response> takeIn(byte[] body, @HeaderParam(IntakeSignature.TIMESTAMP_HEADER) String timestamp,
            @HeaderParam(IntakeSignature.SIGNATURE_HEADER) String signature, @Context HttpServerRequest http) {
        return takeIn.takeIn(body, timestamp, signature, ClientAddress.of(http)).map(t -> Response
                .status(t.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(new Answer("00", t.portalId(), t.receiptCode(), PortalCodes.status(t.status()), PortalCodes.time(t.dueAt()))).build());
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "report.read")
    @Authenticated
    @GET
    @Path("/t/{tenant}/national-portal/sync")
    @Operation(summary = "How much of the tenant's dossier history reached the national portal, per tenant below it",
            description = "`from` and `to` (YYYY-MM-DD, at most 366 days; default: the last 8 weeks): status changes and ratings "
                    + "queued then, synced / pending / dead-lettered, the share synced, and the lag (seconds).")
    public Uni<SyncRates.Rates> sync(@PathParam("tenant") String tenant, @QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate today = LocalDate.now(VietnameseLunarCalendar.VIETNAM);
        return rates.of(Actor.from(identity), tenant, from == null || from.isBlank() ? today.minusWeeks(8).toString() : from,
                to == null || to.isBlank() ? today.toString() : to);
    }
}
