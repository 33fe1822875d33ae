package vn.motcua.tenant;

import java.io.StringReader;
import java.util.List;

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
final class YamlLines {

    private final Node root;

    YamlLines(String text) {
        Node composed;
        try {
            composed = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (RuntimeException e) {
            composed = null;
        }
        this.root = composed;
    }

    /** 1-based line of the deepest node found along the path (names and indexes), 0 when nothing matches. */
    int lineOf(List<Object> path) {
        Node node = root;
        Node found = null;
        for (Object step : path) {
            Node next = child(node, step);
            if (next == null) {
                break;
            }
            found = next;
            node = next;
        }
        return found == null ? 0 : found.getStartMark().getLine() + 1;
    }

    private static Node child(Node node, Object step) {
        if (node instanceof MappingNode map && step instanceof String name) {
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode key && key.getValue().equals(name)) {
                    return t.getValueNode() instanceof ScalarNode ? t.getKeyNode() : t.getValueNode();
                }
            }
        } else if (node instanceof SequenceNode seq && step instanceof Integer i && i < seq.getValue().size()) {
            return seq.getValue().get(i);
        }
        return null;
    }
}
