package vn.motcua.tenant;

import java.util.List;
import java.util.Map;

/** The tenant API's response shapes. */
public final class TenantViews {

    private TenantViews() {
    }

    /** A tenant in a list: enough to name it and link to it. */
    public record Summary(String code, String level, LocalizedText name, String agencyCode) {
        static Summary of(Tenant t) {
            return new Summary(t.code(), t.level(), t.name(), t.agencyCode());
        }
    }

    public record Office(String code, LocalizedText name, String address, String phone) {
    }

    /**
     * One tenant with its place in the tree.
     *
     * @param ancestors   from the root down to the parent
     * @param children    direct children
     * @param descendants how many tenants are below, at any depth
     * @param deskHours   effective opening hours per day, e.g. {@code MONDAY: ["07:30-11:30", "13:30-17:00"]}
     */
    public record Detail(String code, String parent, String level, int depth, LocalizedText name, String agencyCode,
            String address, String phone, String email, Map<String, List<String>> deskHours, boolean deskHoursInherited,
            List<Office> postalOffices, List<Summary> ancestors, List<Summary> children, int descendants) {

        static Detail of(TenantTree tree, Tenant t) {
            return new Detail(t.code(), t.parentCode(), t.level(), t.depth(), t.name(), t.agencyCode(), t.address(), t.phone(),
                    t.email(), DeskHoursJson.view(t.deskHours()), !t.ownDeskHours(),
                    t.postalOffices().stream().map(c -> tree.postalOffice(c).orElseThrow())
                            .map(o -> new Office(o.code(), o.name(), o.address(), o.phone())).toList(),
                    tree.ancestors(t.code()).stream().map(Summary::of).toList(),
                    tree.children(t.code()).stream().map(Summary::of).toList(),
                    tree.descendants(t.code()).size());
        }
    }

    /** A node of the whole tree. */
    public record Node(String code, String level, LocalizedText name, String agencyCode, List<Node> children) {
        static Node of(TenantTree tree, Tenant t) {
            return new Node(t.code(), t.level(), t.name(), t.agencyCode(),
                    tree.children(t.code()).stream().map(c -> of(tree, c)).toList());
        }
    }

    public record LevelView(String code, int depth, LocalizedText name) {
    }

    /** The whole tree: its levels, top first, and the root with every descendant nested. */
    public record Tree(List<LevelView> levels, int size, Node root) {
        static Tree of(TenantTree tree) {
            return new Tree(tree.levels().stream().map(l -> new LevelView(l.code(), l.depth(), l.name())).toList(),
                    tree.size(), Node.of(tree, tree.root()));
        }
    }
}
