package dev.parley.runtime.cli;

import dev.parley.runtime.pipeline.PipelineDefinition;
import dev.parley.runtime.pipeline.RecordBlock;
import dev.parley.runtime.plugins.PluginSummary;
import dev.parley.runtime.plugins.PluginsDirectory;
import dev.parley.runtime.recording.RecordSettings;
import dev.parley.runtime.recording.Recordings;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code serve}'s session-recording options. {@code --record-dir} records every session of the server; without it
 * the pipeline's {@code record:} block decides (its relative {@code dir} is below the Parley home). The size and
 * age options override the block's.
 */
final class RecordOptions {
    @Option(names = "--record-dir", paramLabel = "DIR",
            description = "Record every session (events, input and output audio, manifest) to DIR/<session id>/; "
                    + "a client skips with ?record=off. Default: the pipeline's record: block, else off.")
    Path dir;

    @Option(names = "--record-keep-days", paramLabel = "DAYS",
            description = "Delete recordings older than this; 0 keeps them until --record-max-mb needs room "
                    + "(default: the pipeline's, else " + RecordSettings.DEFAULT_KEEP_DAYS + ").")
    Integer keepDays;

    @Option(names = "--record-max-mb", paramLabel = "MB",
            description = "All recordings together stay under this, the oldest deleted first (default: the "
                    + "pipeline's, else " + RecordSettings.DEFAULT_MAX_MB + ").")
    Long maxMb;

    /** The server's recording, or {@link Recordings#OFF}. */
    Recordings open(PipelineDefinition definition, String version, List<PluginSummary> plugins) {
        RecordSettings yaml = RecordBlock.of(definition);
        if (dir == null && yaml == null) {
            return Recordings.OFF;
        }
        Path where = dir != null ? dir.toAbsolutePath() : PluginsDirectory.home().resolve(yaml.dir());
        int days = keepDays != null ? keepDays : yaml != null ? yaml.keepDays() : RecordSettings.DEFAULT_KEEP_DAYS;
        long mb = maxMb != null ? maxMb : yaml != null ? yaml.maxMb() : RecordSettings.DEFAULT_MAX_MB;
        return new Recordings(new RecordSettings(where, days, mb), version, plugins);
    }
}
