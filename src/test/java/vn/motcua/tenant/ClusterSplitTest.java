package vn.motcua.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.remoting.transport.jgroups.JGroupsTransport;
import org.jgroups.protocols.DISCARD;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import vn.motcua.platform.cache.CacheManagerProducer;
import vn.motcua.platform.cache.SharedValue;
import vn.motcua.platform.cache.SharedValues;

/**
 * Three replicas' caches in one JVM, clustered over JGroups TCP on loopback as the service's are, and the third cut off
 * from the other two (a {@code DISCARD} above its transport drops everything it sends and receives), then healed: the
 * partition chaos (docs/chaos.md, section 4) in seconds. A change committed through the first replica while the third
 * is cut off but still a member answers at once and is seen by the first two; once the cluster has merged, the third
 * has dropped what it kept from before the cut and serves the change too: the tenant tree and a shared value.
 */
class ClusterSplitTest {

    /** A read waits no longer: a reload stuck behind the key's lock (10 s) fails it. */
    static final Duration WAIT = Duration.ofSeconds(3);

    /** One replica: its cache manager, its tree and one shared value, each loaded from "the database" below. */
    record Replica(DefaultCacheManager manager, TenantDirectory tenants, SharedValue<String> days, ExecutorService loop) {
        DISCARD discard() {
            return ((JGroupsTransport) org.infinispan.factories.GlobalComponentRegistry.of(manager)
                    .getComponent(org.infinispan.remoting.transport.Transport.class)).getChannel().getProtocolStack()
                    .findProtocol(DISCARD.class);
        }

        TenantTree tree() {
            return tenants.tree().await().atMost(WAIT);
        }

        String value() {
            return days.get().await().atMost(WAIT);
        }
    }

    static final List<Replica> replicas = new ArrayList<>();
    static final AtomicReference<TenantTree> treeInDb = new AtomicReference<>();
    static final AtomicReference<String> valueInDb = new AtomicReference<>("before");
    static TenantTree before;
    static TenantTree after;

    @BeforeAll
    static void start() throws Exception {
        before = TenantFiles.load(Path.of("tenants"));
        after = before.withDeskHours(Map.of());
        treeInDb.set(before);
        String cluster = "split-" + UUID.randomUUID();
        for (String name : List.of("r1", "r2", "r3")) {
            GlobalConfigurationBuilder global = GlobalConfigurationBuilder.defaultClusteredBuilder();
            global.jmx().disable();
            global.globalState().disable();
            global.transport().clusterName(cluster).nodeName(name).addProperty("configurationFile", "jgroups-split-test.xml");
            DefaultCacheManager manager = CacheManagerProducer.start(global, true);
            // Loads complete on a thread of the replica's own, as the reactive client completes on an event loop.
            ExecutorService loop = Executors.newSingleThreadExecutor(r -> new Thread(r, name + "-loop"));
            TenantDirectory tenants = new TenantDirectory(() -> manager,
                    () -> Uni.createFrom().item(treeInDb::get).emitOn(loop));
            tenants.startCache();
            SharedValue<String> days = new SharedValues(() -> manager).value("calendar-days", Duration.ofHours(1),
                    () -> Uni.createFrom().item(valueInDb::get).emitOn(loop));
            replicas.add(new Replica(manager, tenants, days, loop));
        }
        await("three members", () -> replicas.stream().allMatch(r -> r.manager().getMembers().size() == 3));
        for (Replica r : replicas) {
            TenantDirectoryRaceTest.awaitCache(r.tenants(), r.manager(), false);
            r.value(); // starts the settings cache (on a worker)
        }
        await("the settings caches up", () -> replicas.stream().allMatch(r -> r.manager().cacheExists(CacheManagerProducer.SETTINGS)
                && r.manager().getCache(CacheManagerProducer.SETTINGS).getStatus().allowInvocations()));
        Thread.sleep(100);
        for (Replica r : replicas) {
            // Read with the caches up, so that each replica keeps what it read in them.
            r.tree();
            r.value();
        }
    }

    @AfterAll
    static void stop() {
        for (Replica r : replicas) {
            r.discard().discardAll(false);
        }
        for (Replica r : replicas) {
            r.manager().stop();
            r.loop().shutdownNow();
        }
    }

    @Test
    void aChangeDuringACutAnswersAtOnceAndReachesTheCutReplicaOnceTheClusterHasMerged() throws Exception {
        Replica r1 = replicas.get(0), r2 = replicas.get(1), r3 = replicas.get(2);
        for (Replica r : replicas) {
            assertSame(before, r.tree());
            assertEquals("before", r.value());
        }

        r3.discard().discardAll(true);
        treeInDb.set(after);
        valueInDb.set("after");
        long t0 = System.nanoTime();
        r1.tenants().invalidate().await().atMost(Duration.ofSeconds(30));
        r1.days().invalidate().await().atMost(Duration.ofSeconds(30));
        long tookMillis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(tookMillis < 2_000, "the change answered at once, not after the cut replica's timeout: " + tookMillis + " ms");
        for (Replica r : List.of(r1, r2)) {
            await("the writer and the replica it reaches serve the change", () -> r.tree() == after && "after".equals(r.value()));
        }
        assertSame(before, r3.tree(), "the cut replica missed the change (it is what the merge must repair)");
        assertEquals("before", r3.value(), "and the shared value's");

        await("the cluster split", () -> r1.manager().getMembers().size() == 2 && r3.manager().getMembers().size() == 1);
        r3.discard().discardAll(false);
        await("the cluster merged", () -> replicas.stream().allMatch(r -> r.manager().getMembers().size() == 3));
        for (Replica r : replicas) {
            await("every replica serves the change after the merge", () -> r.tree() == after && "after".equals(r.value()));
        }
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void await(String what, Check check) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(25).toNanos();
        while (!check.ok()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within 25 s: " + what + "; members "
                        + replicas.stream().map(r -> r.manager().getMembers().toString()).toList());
            }
            Thread.sleep(100);
        }
    }
}
