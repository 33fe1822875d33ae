package vn.motcua.platform.web;

import io.vertx.core.http.HttpServerRequest;

/** Where a request came from, as the audit log and the rate limit record it. */
public final class ClientAddress {

    private ClientAddress() {
    }

    /**
     * The peer's address as the server saw it: no forwarded header is trusted unless Quarkus's proxy support is
     * configured, so a client cannot choose what is logged. {@code null} when unknown.
     */
    public static String of(HttpServerRequest request) {
        return request == null || request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }
}
