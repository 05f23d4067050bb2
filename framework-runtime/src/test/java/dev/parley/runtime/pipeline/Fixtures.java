package dev.parley.runtime.pipeline;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

/** Fixture pipeline files (src/test/resources/pipelines) and a fake environment. */
final class Fixtures {
    private Fixtures() {
    }

    static Path file(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/pipelines/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static PipelineParser parser(Map<String, String> env) {
        return new PipelineParser(new EnvInterpolator(env::get));
    }

    static PipelineDefinition parse(String name, Map<String, String> env) {
        return parser(env).parse(file(name));
    }
}
