package vn.motcua.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The whole tenant tree, immutable and validated: every parent exists, levels step down one at a time, codes and
 * agency codes are unique. Ancestors and descendants are computed once here so that reads cost a map look-up.
 */
public final class TenantTree {

    private final List<Level> levels;
    private final Map<String, Tenant> byCode;
    private final Map<String, List<String>> children;
    private final Map<String, List<String>> ancestors;
    private final Map<String, List<String>> descendants;
    private final Map<String, PostalOffice> postalOffices;
    private final String rootCode;

    /** @param tenants in an order where each parent comes before its children (as {@link TenantFiles} produces) */
    public TenantTree(List<Level> levels, Collection<Tenant> tenants, Collection<PostalOffice> postalOffices) {
        this.levels = List.copyOf(levels);
        Map<String, Tenant> codes = new LinkedHashMap<>();
        Map<String, List<String>> kids = new LinkedHashMap<>();
        String root = null;
        for (Tenant t : tenants) {
            codes.put(t.code(), t);
            kids.put(t.code(), new ArrayList<>());
            if (t.isRoot()) {
                root = t.code();
            }
        }
        for (Tenant t : tenants) {
            if (!t.isRoot()) {
                kids.get(t.parentCode()).add(t.code());
            }
        }
        this.byCode = Collections.unmodifiableMap(codes);
        this.rootCode = root;
        Map<String, List<String>> up = new LinkedHashMap<>();
        Map<String, List<String>> down = new LinkedHashMap<>();
        for (Tenant t : tenants) {
            List<String> chain = new ArrayList<>();
            for (String p = t.parentCode(); p != null; p = codes.get(p).parentCode()) {
                chain.add(0, p);
            }
            up.put(t.code(), List.copyOf(chain));
            kids.put(t.code(), List.copyOf(kids.get(t.code())));
        }
        this.children = Collections.unmodifiableMap(kids);
        for (Tenant t : tenants) {
            List<String> all = new ArrayList<>();
            Deque<String> todo = new ArrayDeque<>(children.get(t.code()));
            while (!todo.isEmpty()) {
                String c = todo.removeFirst();
                all.add(c);
                List<String> grand = children.get(c);
                for (int i = grand.size() - 1; i >= 0; i--) {
                    todo.addFirst(grand.get(i));
                }
            }
            down.put(t.code(), List.copyOf(all));
        }
        this.ancestors = Collections.unmodifiableMap(up);
        this.descendants = Collections.unmodifiableMap(down);
        Map<String, PostalOffice> offices = new LinkedHashMap<>();
        postalOffices.forEach(o -> offices.put(o.code(), o));
        this.postalOffices = Collections.unmodifiableMap(offices);
    }

    /**
     * A fingerprint of the whole tree (levels, post offices, tenants with every field): equal trees have equal
     * digests, so a replica restarting on unchanged files can skip rewriting them.
     */
    public String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(levels.toString().getBytes(StandardCharsets.UTF_8));
            sha.update(postalOffices.values().toString().getBytes(StandardCharsets.UTF_8));
            for (Tenant t : byCode.values()) {
                sha.update(t.toString().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The same tree with these tenants' desk hours replaced (the hours their administrators set in the console), each
     * then counted as the tenant's own. The tenants below keep the hours they had.
     */
    public TenantTree withDeskHours(Map<String, DeskHours> overrides) {
        if (overrides.isEmpty()) {
            return this;
        }
        List<Tenant> tenants = new ArrayList<>();
        for (Tenant t : byCode.values()) {
            DeskHours h = overrides.get(t.code());
            tenants.add(h == null ? t : new Tenant(t.code(), t.parentCode(), t.level(), t.depth(), t.name(), t.agencyCode(), t.address(),
                    t.phone(), t.email(), h, true, t.postalOffices(), t.source()));
        }
        return new TenantTree(levels, tenants, postalOffices.values());
    }

    public List<Level> levels() {
        return levels;
    }

    public Optional<Tenant> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public Tenant root() {
        return byCode.get(rootCode);
    }

    public Collection<Tenant> all() {
        return byCode.values();
    }

    public int size() {
        return byCode.size();
    }

    /** Direct children, in file order. */
    public List<Tenant> children(String code) {
        return children.getOrDefault(code, List.of()).stream().map(byCode::get).toList();
    }

    /** From the root down to the parent; empty for the root. */
    public List<Tenant> ancestors(String code) {
        return ancestors.getOrDefault(code, List.of()).stream().map(byCode::get).toList();
    }

    /** Every tenant below, depth first. */
    public List<Tenant> descendants(String code) {
        return descendants.getOrDefault(code, List.of()).stream().map(byCode::get).toList();
    }

    /** The codes of the tenant and all its descendants: the scope a supervisor may read. */
    public Set<String> subtreeCodes(String code) {
        if (!byCode.containsKey(code)) {
            return Set.of();
        }
        List<String> all = new ArrayList<>(descendants.get(code));
        all.add(0, code);
        return Collections.unmodifiableSet(new LinkedHashSet<>(all));
    }

    /**
     * The tenant at the top of the tree above {@code code} (the province, or the city run as one), or the tenant itself
     * at the top: two tenants with the same top are in the same province.
     */
    public Optional<Tenant> top(String code) {
        List<String> up = ancestors.get(code);
        return up == null ? Optional.empty() : find(up.isEmpty() ? code : up.get(0));
    }

    /** Whether {@code ancestor} is {@code code} itself or one of its ancestors. */
    public boolean isSelfOrAncestor(String ancestor, String code) {
        return ancestor != null && (ancestor.equals(code) || ancestors.getOrDefault(code, List.of()).contains(ancestor));
    }

    public Optional<Level> level(String levelCode) {
        return levels.stream().filter(l -> l.code().equals(levelCode)).findFirst();
    }

    public Optional<PostalOffice> postalOffice(String code) {
        return Optional.ofNullable(postalOffices.get(code));
    }

    public Collection<PostalOffice> postalOffices() {
        return postalOffices.values();
    }
}
