package vn.motcua.dossier.usecase;

import java.time.Clock;
import java.time.Duration;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;

/**
 * The service's clock moved for a test (đồng hồ của dịch vụ): every command and read of the dossier use cases counts
 * from {@link DossierWork}'s clock, so a test that needs a late dossier moves it forward, acts, and puts it back.
 * The suite runs one test at a time, so nothing else sees the moved clock.
 */
public final class Clocks {

    private Clocks() {
    }

    /** Moves the clock {@code by} ahead until the returned handle is closed. */
    public static AutoCloseable ahead(Duration by) {
        DossierWork work = ClientProxy.unwrap(Arc.container().instance(DossierWork.class).get());
        Clock before = work.clock;
        work.clock = Clock.offset(before, by);
        return () -> work.clock = before;
    }
}
