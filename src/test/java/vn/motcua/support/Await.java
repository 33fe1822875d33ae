package vn.motcua.support;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/** Waiting, in a test, for what the service does on its event loop. */
public final class Await {

    private Await() {
    }

    /** The item of {@code uni}, subscribed on a Vert.x context (as the service's own calls are). */
    public static <T> T await(Uni<T> uni) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> uni);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sleeps {@code millis}, keeping the thread's interrupt. */
    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
