package dev.parley.runtime.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.ConfigException;
import dev.parley.runtime.recording.RecordSettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pipeline's {@code record:} block: read with its defaults, checked when the pipeline is parsed. */
class RecordBlockTest {
    private static final String STAGES = """
            stages:
              vad: {provider: energy}
              stt: {provider: s}
              llm: {provider: rules}
              tts: {provider: t}
            """;

    private static final EnvInterpolator ENV = new EnvInterpolator(Map.of("REC_DIR", "/tmp/rec")::get);

    private static PipelineDefinition parse(String record) {
        return new PipelineParser(ENV).parse("test.yaml", STAGES + record);
    }

    @Test
    void readsTheBlockWithDefaultsAndPlaceholders() {
        RecordSettings s = RecordBlock.of(parse("record: {dir: \"${REC_DIR}\", max_mb: 50}\n"), ENV);
        assertEquals(Path.of("/tmp/rec"), s.dir());
        assertEquals(50, s.maxMb());
        assertEquals(RecordSettings.DEFAULT_KEEP_DAYS, s.keepDays());
    }

    @Test
    void noBlockRecordsNothing() {
        assertNull(RecordBlock.of(parse(""), ENV));
    }

    @Test
    void mistakesAreReportedWhenTheFileIsParsed() {
        ConfigException unknown = assertThrows(ConfigException.class, () -> parse("record: {dir: x, days: 3}\n"));
        assertTrue(unknown.getMessage().contains("record.days"), unknown.getMessage());
        ConfigException size = assertThrows(ConfigException.class, () -> parse("record: {dir: x, max_mb: 0}\n"));
        assertTrue(size.getMessage().contains("max_mb"), size.getMessage());
        ConfigException dir = assertThrows(ConfigException.class, () -> parse("record: {keep_days: 3}\n"));
        assertTrue(dir.getMessage().contains("record.dir"), dir.getMessage());
    }
}
