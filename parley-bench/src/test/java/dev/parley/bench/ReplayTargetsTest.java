package dev.parley.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code parley replay}'s repeated {@code --pipeline} and {@code --variant} options replay through. */
class ReplayTargetsTest {
    @Test
    void noOptionReplaysTheRecordedPipelineAndVariant() {
        assertEquals(List.of(new Replayer.Target(null, null)), ReplayCommand.targets(List.of(), List.of()));
    }

    @Test
    void variantsAloneAreVariantsOfTheRecordedPipeline() {
        assertEquals(List.of(new Replayer.Target(null, "A"), new Replayer.Target(null, "B")),
                ReplayCommand.targets(List.of(), List.of("A", "B")));
    }

    @Test
    void pipelinesTakeTheOneVariantOrEveryCombination() {
        assertEquals(List.of(new Replayer.Target("p", null), new Replayer.Target("q", null)),
                ReplayCommand.targets(List.of("p", "q"), List.of()));
        assertEquals(List.of(new Replayer.Target("p", "A"), new Replayer.Target("p", "B")),
                ReplayCommand.targets(List.of("p"), List.of("A", "B")));
    }
}
