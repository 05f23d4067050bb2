package dev.parley.runtime.engine.response;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.api.context.CpuPriority;
import org.junit.jupiter.api.Test;

class SynthesisPriorityTest {
    @Test
    void theFirstClauseOfAResponseNobodyHearsYetIsUrgentItsLookAheadIsBackground() {
        assertEquals(CpuPriority.URGENT, SynthesisPriority.of(true, 0, 0));
        assertEquals(CpuPriority.BACKGROUND, SynthesisPriority.of(false, 0, 0));
    }

    @Test
    void aPlayingResponseCloseToPlaybackIsNormalAndYieldsOnceFarAhead() {
        assertEquals(CpuPriority.NORMAL, SynthesisPriority.of(true, 1200, 900));
        assertEquals(CpuPriority.BACKGROUND, SynthesisPriority.of(false, 1200, 900));
        assertEquals(CpuPriority.BACKGROUND, SynthesisPriority.of(true, 2500, 400));
        assertEquals(CpuPriority.NORMAL, SynthesisPriority.of(true, 2500, 1600), "playback caught up");
    }
}
