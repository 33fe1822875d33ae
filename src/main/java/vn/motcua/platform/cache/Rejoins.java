package vn.motcua.platform.cache;

import org.infinispan.manager.EmbeddedCacheManager;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachemanagerlistener.annotation.Merged;
import org.infinispan.notifications.cachemanagerlistener.annotation.ViewChanged;
import org.infinispan.notifications.cachemanagerlistener.event.MergeEvent;
import org.infinispan.notifications.cachemanagerlistener.event.ViewChangedEvent;
import org.jboss.logging.Logger;

/**
 * Drops what this replica keeps of the read-mostly data when members come into its view of the cluster (thành viên
 * nhập lại): the two sides of a split merging, or a replica joining, perhaps one that was cut off and restarted. While
 * apart, each side's changes dropped the caches on its own side only (an invalidation to a member out of reach is lost
 * once the member is out of the view), and nothing else would drop them: the tenant tree has no age limit. So every
 * replica drops them when the view grows, and reloads from PostgreSQL, the truth, on the next read. A join costs each
 * replica one reload; views grow rarely (a start, a scale-out, a heal).
 */
@Listener(sync = false)
public final class Rejoins {

    private static final Logger LOG = Logger.getLogger(Rejoins.class);

    private final String what;
    private final Runnable drop;

    private Rejoins(String what, Runnable drop) {
        this.what = what;
        this.drop = drop;
    }

    /** Runs {@code drop} (which must not block long: it runs on Infinispan's notification thread) whenever the view grows. */
    public static void onRejoin(EmbeddedCacheManager manager, String what, Runnable drop) {
        manager.addListener(new Rejoins(what, drop));
    }

    @ViewChanged
    public void viewChanged(ViewChangedEvent event) {
        // A merge view may come here, to merged() or to both: dropping twice costs nothing.
        if (event.isMergeView() || !event.getOldMembers().containsAll(event.getNewMembers())) {
            run("the view grew: " + event.getOldMembers() + " -> " + event.getNewMembers());
        }
    }

    @Merged
    public void merged(MergeEvent event) {
        run("the cluster merged: " + event.getSubgroupsMerged());
    }

    private void run(String why) {
        LOG.infof("Dropping the cached %s (%s)", what, why);
        try {
            drop.run();
        } catch (RuntimeException e) {
            LOG.errorf(e, "The cached %s were not dropped", what);
        }
    }
}
