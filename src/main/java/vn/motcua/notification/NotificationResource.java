package vn.motcua.notification;

import java.time.OffsetDateTime;
import java.util.List;

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

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.platform.web.ClientAddress;

/** A tenant's notifications, for its officers: the nearly-late dossiers and the notices no channel delivered. */
@Path("/api/t/{tenant}/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "notifications", description = "Nearly-late alerts and undelivered notices")
public class NotificationResource {

    /**
     * What a tenant's officers are warned of.
     *
     * @param deadLetters notices no chosen channel delivered (0 unless the caller may manage them)
     * @param nearlyLate  open steps due within the tenant's threshold, soonest first
     */
    public record Summary(long deadLetters, List<NearlyLate> nearlyLate) {
    }

    /** A notice that no chosen channel delivered. */
    public record Letter(long id, String kind, String receiptCode, String channel, int attempts, String lastError,
            OffsetDateTime createdAt) {
    }

    private final SecurityIdentity identity;
    private final Notifications notifications;

    NotificationResource(SecurityIdentity identity, Notifications notifications) {
        this.identity = identity;
        this.notifications = notifications;
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "queue.read")
    @GET
    @Operation(summary = "The tenant's nearly-late dossiers and the count of undelivered notices")
    public Uni<Summary> summary(@jakarta.ws.rs.PathParam("tenant") String tenant) {
        return notifications.banner(Actor.from(identity), tenant).map(b -> new Summary(b.deadLetters(), b.nearlyLate()));
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "notification.manage")
    @GET
    @Path("/dead-letters")
    @Operation(summary = "The notices no chosen channel delivered (dead letters), newest first")
    public Uni<List<Letter>> deadLetters(@PathParam("tenant") String tenant) {
        return notifications.deadLetters(Actor.from(identity), tenant).map(list -> list.stream()
                .map(d -> new Letter(d.id(), d.kind(), d.receiptCode(), d.channel(), d.attempts(), d.lastError(), d.createdAt()))
                .toList());
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "notification.manage")
    @POST
    @Path("/dead-letters/{letter}/retry")
    @Operation(summary = "Send an undelivered notice again, from the citizen's first chosen channel")
    public Uni<Response> retry(@PathParam("tenant") String tenant, @PathParam("letter") String letter,
            @Context io.vertx.core.http.HttpServerRequest request) {
        return notifications.retry(Actor.from(identity), tenant, letter, ClientAddress.of(request))
                .map(v -> Response.noContent().build());
    }
}
