package vn.motcua.tenant;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.buffer.Buffer;

/**
 * Each tenant's API representation, serialized once per tree: the tree changes only when a sync publishes a new
 * one, and the tenant read is the most frequent request of the portal. Kept as a Vert.x buffer, which an answer
 * writes without copying ({@link TenantReadRoute}; each write reads a duplicate with its own indices, so one buffer
 * serves every event loop at once).
 */
@ApplicationScoped
class TenantJson {

    private record Snapshot(TenantTree tree, Map<String, Buffer> details) {
    }

    private final ObjectMapper mapper;
    private volatile Snapshot snapshot = new Snapshot(null, Map.of());

    TenantJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The tenant's representation in {@code tree}, as bytes of its own (a copy: the caller may keep it). */
    byte[] detail(TenantTree tree, Tenant tenant) {
        return kept(tree, tenant).getBytes();
    }

    /** The tenant's representation in {@code tree}, shared: to be written, never changed. */
    Buffer kept(TenantTree tree, Tenant tenant) {
        Snapshot s = snapshot;
        if (s.tree() != tree) {
            s = new Snapshot(tree, new ConcurrentHashMap<>());
            snapshot = s;
        }
        return s.details().computeIfAbsent(tenant.code(), code -> {
            try {
                return Buffer.buffer(mapper.writeValueAsBytes(TenantViews.Detail.of(tree, tenant)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
