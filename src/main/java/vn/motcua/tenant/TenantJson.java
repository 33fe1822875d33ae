package vn.motcua.tenant;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Each tenant's API representation, serialized once per tree: the tree changes only when a sync publishes a new
 * one, and the tenant read is the most frequent request of the portal.
 */
@ApplicationScoped
class TenantJson {

    private record Snapshot(TenantTree tree, Map<String, byte[]> details) {
    }

    private final ObjectMapper mapper;
    private volatile Snapshot snapshot = new Snapshot(null, Map.of());

    TenantJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    byte[] detail(TenantTree tree, Tenant tenant) {
        Snapshot s = snapshot;
        if (s.tree() != tree) {
            s = new Snapshot(tree, new ConcurrentHashMap<>());
            snapshot = s;
        }
        return s.details().computeIfAbsent(tenant.code(), code -> {
            try {
                return mapper.writeValueAsBytes(TenantViews.Detail.of(tree, tenant));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
