package dev.parley.runtime.pipeline;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/** Types an unquoted scalar the way YAML 1.1 does (int, float, bool, null, else string). */
final class ScalarTypes {
    private static final Resolver RESOLVER = new Resolver();

    private ScalarTypes() {
    }

    /** The implicit tag YAML gives an unquoted {@code value}. */
    static Tag implicitTag(String value) {
        return RESOLVER.resolve(NodeId.scalar, value, true);
    }

    /** {@code value} as YAML would construct it when unquoted. */
    static Object typed(String value) {
        Tag tag = implicitTag(value);
        if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag) || Tag.BOOL.equals(tag) || Tag.NULL.equals(tag)) {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(value);
        }
        return value;
    }
}
