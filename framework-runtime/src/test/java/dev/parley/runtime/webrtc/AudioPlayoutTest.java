package dev.parley.runtime.webrtc;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The playout's bookkeeping, frame by frame (no clock: {@link AudioPlayout#nextFrame} is called directly): what
 * is played when, the started/stopped moments, and what a clear says was heard.
 */
class AudioPlayoutTest {
    private final List<String> moments = new ArrayList<>();
    private final AudioPlayout playout = new AudioPlayout(frame -> { }, new PlayoutListener() {
        @Override
        public void started(String responseId) {
            moments.add("started " + responseId);
        }

        @Override
        public void stopped(String responseId) {
            moments.add("stopped " + responseId);
        }
    });

    private static byte[] ms(int millis, int value) {
        byte[] b = new byte[AudioPlayout.RATE / 1000 * millis * 2];
        for (int i = 0; i < b.length; i += 2) {
            b[i] = (byte) value;
        }
        return b;
    }

    @Test
    void silenceUntilAudioThenStartedPlayedAndStoppedOnceDone() {
        assertArrayEquals(new byte[AudioPlayout.FRAME_SAMPLES * 2], playout.nextFrame());
        playout.enqueue("resp_1", "item_1", ms(25, 7));
        assertEquals(7, playout.nextFrame()[0]);
        assertEquals(List.of("started resp_1"), moments);
        playout.nextFrame();
        byte[] third = playout.nextFrame(); // 5 ms of audio, then silence
        assertEquals(7, third[0]);
        assertEquals(0, third[third.length - 2]);
        playout.nextFrame();
        assertEquals(List.of("started resp_1"), moments, "not stopped while more audio may come");
        playout.responseDone("resp_1");
        playout.nextFrame();
        assertEquals(List.of("started resp_1", "stopped resp_1"), moments);
    }

    @Test
    void aClearSaysHowMuchOfTheItemWasPlayedAndDropsTheRest() {
        playout.enqueue("resp_1", "item_1", ms(1000, 3));
        for (int i = 0; i < 37; i++) {
            playout.nextFrame();
        }
        AudioPlayout.Cut cut = playout.clear();
        assertEquals("item_1", cut.itemId());
        assertEquals(370, cut.playedMs());
        assertArrayEquals(new byte[AudioPlayout.FRAME_SAMPLES * 2], playout.nextFrame(), "the rest is dropped");
        assertEquals(List.of("started resp_1"), moments, "a cleared response is not reported stopped");
        assertNull(playout.clear(), "nothing is playing any more");
    }

    @Test
    void aQueuedButUnplayedResponseIsCutAtZero() {
        playout.enqueue("resp_2", "item_2", ms(100, 1));
        AudioPlayout.Cut cut = playout.clear();
        assertEquals(0, cut.playedMs());
        assertEquals("resp_2", cut.responseId());
    }
}
