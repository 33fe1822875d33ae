package vn.motcua.platform.data;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds the line of a field in a YAML text, so that a problem found after mapping (an unknown parent, a duplicate
 * code) can still point at its line. Jackson's mapped objects do not keep locations; SnakeYAML's node tree does.
 */
public final class YamlLines {

    private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

    private final String text;
    private Node root;
    private boolean composed;

    /** The text is composed only when a line is asked for: valid files, the common case, are parsed once. */
    public YamlLines(String text) {
        this.text = text;
    }

    private Node root() {
        if (!composed) {
            composed = true;
            try {
                root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
            } catch (RuntimeException e) {
                root = null;
            }
        }
        return root;
    }

    /** 1-based line of the deepest node found along a field path as reports write it ({@code tenants[3].parent}). */
    public int lineOf(String field) {
        return lineOf(path(field));
    }

    /** The steps of a field path: names and list indexes, e.g. {@code ["tenants", 3, "parent"]}. */
    static List<Object> path(String field) {
        List<Object> path = new ArrayList<>();
        Matcher m = STEP.matcher(field);
        while (m.find()) {
            path.add(m.group(1) != null ? m.group(1) : (Object) Integer.valueOf(m.group(2)));
        }
        return path;
    }

    /**
     * 1-based line of the deepest node found along the path (names and indexes), 0 when nothing matches. A name
     * applied to a list picks the entry whose {@code code} or {@code name} is that name ({@code steps.receive}).
     */
    public int lineOf(List<Object> path) {
        Node node = root();
        int line = 0;
        for (Object step : path) {
            NodeTuple field = null;
            Node next = null;
            if (node instanceof MappingNode map && step instanceof String name) {
                for (NodeTuple t : map.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode key && key.getValue().equals(name)) {
                        field = t;
                        next = t.getValueNode();
                    }
                }
            } else if (node instanceof SequenceNode seq && step instanceof Integer i && i < seq.getValue().size()) {
                next = seq.getValue().get(i);
            } else if (node instanceof SequenceNode seq && step instanceof String name) {
                next = seq.getValue().stream().filter(item -> named(item, name)).findFirst().orElse(null);
            }
            if (next == null) {
                break;
            }
            // A field is reported at its key: for a block value the value itself starts on a later line.
            line = (field != null ? field.getKeyNode() : next).getStartMark().getLine() + 1;
            node = next;
        }
        return line;
    }

    private static boolean named(Node item, String name) {
        return item instanceof MappingNode map && map.getValue().stream()
                .anyMatch(t -> t.getKeyNode() instanceof ScalarNode key && (key.getValue().equals("code") || key.getValue().equals("name"))
                        && t.getValueNode() instanceof ScalarNode value && value.getValue().equals(name));
    }
}
