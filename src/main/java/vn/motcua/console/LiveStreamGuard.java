package vn.motcua.console;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import vn.motcua.dossier.usecase.WorkQueue;
import vn.motcua.identity.Actor;

/**
 * Authorizes a {@link LiveStream} before it opens: an event stream sends its status and headers as soon as it is
 * subscribed to, so a refusal raised inside it (an office that does not exist, or is not the officer's) would leave
 * the browser with an open stream that says nothing. Here the refusal is an ordinary problem answer (403, 404).
 */
public class LiveStreamGuard {

    private final WorkQueue queue;
    private final SecurityIdentity identity;

    LiveStreamGuard(WorkQueue queue, SecurityIdentity identity) {
        this.queue = queue;
        this.identity = identity;
    }

    @ServerRequestFilter
    @LiveStream
    public Uni<Void> authorize(ContainerRequestContext request) {
        String tenant = request.getUriInfo().getPathParameters().getFirst("tenant");
        return queue.mayWatch(Actor.from(identity), tenant);
    }
}
