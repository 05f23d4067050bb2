package dev.parley.runtime.pipeline;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML through SnakeYAML's node API (which keeps line numbers) into a {@link YamlDocument}. Scalars with
 * placeholders stay {@link Template}s; the rest are typed as YAML types them. Duplicate keys are rejected
 * (SnakeYAML would silently keep the last one).
 */
final class YamlTreeReader {
    private final String source;
    private final Map<String, Integer> lines = new HashMap<>();

    private YamlTreeReader(String source) {
        this.source = source;
    }

    /** @throws PipelineException naming the line of malformed YAML */
    static YamlDocument read(String source, String text) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? source + ":1" : source + ":" + (mark.getLine() + 1);
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new PipelineException(where, "", "malformed YAML: " + what.trim(), e);
        } catch (YAMLException e) {
            throw new PipelineException(source + ":1", "", "malformed YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new PipelineException(source + ":1", "", "the file is empty; a pipeline needs at least `stages:`");
        }
        YamlTreeReader reader = new YamlTreeReader(source);
        Object value = reader.convert(root, "");
        return new YamlDocument(source, value, reader.lines);
    }

    private Object convert(Node node, String path) {
        if (!path.isEmpty()) {
            lines.putIfAbsent(path, node.getStartMark().getLine() + 1);
        }
        if (node instanceof MappingNode map) {
            return convertMap(map, path);
        }
        if (node instanceof SequenceNode seq) {
            List<Object> out = new ArrayList<>();
            for (Node item : seq.getValue()) {
                out.add(convert(item, path + "[" + out.size() + "]"));
            }
            return out;
        }
        ScalarNode scalar = (ScalarNode) node;
        String text = scalar.getValue();
        boolean plain = scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
        if (EnvInterpolator.hasPlaceholder(text)) {
            return new Template(text, plain);
        }
        return plain && !Tag.STR.equals(scalar.getTag()) ? ScalarTypes.typed(text) : text;
    }

    private Map<String, Object> convertMap(MappingNode map, String path) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            Node keyNode = tuple.getKeyNode();
            int keyLine = keyNode.getStartMark().getLine() + 1;
            if (!(keyNode instanceof ScalarNode keyScalar)) {
                throw new PipelineException(source + ":" + keyLine, path, "keys must be plain names, not lists or maps");
            }
            String key = keyScalar.getValue();
            String childPath = YamlDocument.child(path, key);
            if (out.containsKey(key)) {
                throw new PipelineException(source + ":" + keyLine, childPath,
                        "duplicate key (first at line " + lines.get(childPath) + ")");
            }
            lines.put(childPath, keyLine);
            out.put(key, convert(tuple.getValueNode(), childPath));
        }
        return out;
    }
}
