package vn.motcua.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;

/**
 * {@code GET /ping}: a bare Vert.x route answering a constant, with no REST layer, security or serialization. It is
 * the machine's ceiling that the benchmarks compare the real endpoints against, in the same process and run.
 */
@ApplicationScoped
public class PlainRoute {

    private static final Buffer PONG = Buffer.buffer("{\"status\":\"ok\"}");

    void register(@Observes Router router) {
        router.get("/ping").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json").end(PONG));
    }
}
