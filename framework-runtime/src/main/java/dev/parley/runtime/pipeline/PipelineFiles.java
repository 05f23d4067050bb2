package dev.parley.runtime.pipeline;

import dev.parley.runtime.plugins.PluginsDirectory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Finds the pipeline {@code --pipeline} names: an existing file path; else {@code <parley.home>/pipelines/NAME.yaml};
 * else the copy of {@code pipelines/NAME.yaml} embedded in the runtime jar (so {@code default} always exists).
 */
public final class PipelineFiles {
    /** The pipeline {@code serve} uses when none is named. */
    public static final String DEFAULT = "default";

    private PipelineFiles() {
    }

    /** @throws PipelineException naming what was tried and the pipelines that exist */
    public static PipelineDefinition load(String nameOrPath, PipelineParser parser) {
        Path asPath = Path.of(nameOrPath);
        if (Files.isRegularFile(asPath)) {
            return parser.parse(asPath);
        }
        Path inHome = PluginsDirectory.home().resolve("pipelines").resolve(nameOrPath + ".yaml");
        if (Files.isRegularFile(inHome)) {
            return parser.parse(inHome);
        }
        String resource = "pipelines/" + nameOrPath + ".yaml";
        try (InputStream in = PipelineFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                return parser.parse("classpath:" + resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new PipelineException("cannot read embedded " + resource + ": " + e, e);
        }
        throw new PipelineException("no pipeline '" + nameOrPath + "': not a file, and neither " + inHome
                + " nor an embedded " + resource + " exists; known pipelines: " + known(inHome.getParent()));
    }

    private static String known(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return String.join(", ", files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList());
        } catch (IOException e) {
            return DEFAULT;
        }
    }
}
