package dev.parley.runtime.pipeline;

import java.util.Map;

/**
 * A pipeline file as plain Java values (maps, lists, scalars, unexpanded {@link Template}s) plus the line of every
 * key, so that checks made long after parsing can still say {@code file:line}.
 *
 * @param source how the file is named in messages, e.g. {@code pipelines/default.yaml}
 * @param root   the top-level value
 * @param lines  1-based line per key path ({@code stages.llm[0].when})
 */
public record YamlDocument(String source, Object root, Map<String, Integer> lines) {
    public YamlDocument {
        lines = Map.copyOf(lines);
    }

    /** {@code source:line} of {@code path}, or of its nearest enclosing key when the path itself has no line. */
    public String at(String path) {
        String p = path;
        while (!p.isEmpty()) {
            Integer line = lines.get(p);
            if (line != null) {
                return source + ":" + line;
            }
            p = parent(p);
        }
        return source + ":1";
    }

    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }

    /** {@code parent.key}, or {@code key} at the top. */
    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }
}
