package dev.parley.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** First- and last-audible detection on the received WebRTC track's frames. */
class AudibleFramesTest {
    /** A 10 ms 48 kHz frame of {@code channels}, every sample {@code value} except one loud sample at {@code at}. */
    private static byte[] frame(int channels, int value, int at, int loud) {
        byte[] b = new byte[480 * channels * 2];
        for (int i = 0; i < 480 * channels; i++) {
            int v = i == at ? loud : value;
            b[2 * i] = (byte) v;
            b[2 * i + 1] = (byte) (v >> 8);
        }
        return b;
    }

    @Test
    void aFrameIsAudibleWhenOneSampleReachesMinus40Dbfs() {
        assertFalse(AudibleFrames.audible(frame(1, 0, -1, 0), 1, 480), "digital silence");
        assertFalse(AudibleFrames.audible(frame(1, 200, -1, 0), 1, 480), "comfort-noise level, below -40 dBFS");
        assertTrue(AudibleFrames.audible(frame(1, 0, 479, AudioTrack.SPEECH_LEVEL), 1, 480), "last sample at the level");
        assertTrue(AudibleFrames.audible(frame(1, 0, 10, -20_000), 1, 480), "negative peak");
        assertTrue(AudibleFrames.audible(frame(2, 0, 959, 1000), 2, 480), "second channel of the last frame");
        assertFalse(AudibleFrames.audible(frame(2, 0, 959, 1000), 2, 479), "beyond the frames reported");
        assertEquals(479, AudibleFrames.firstAudibleFrame(frame(2, 0, 959, 1000), 2, 480), "sample frame, not sample");
        assertEquals(7, AudibleFrames.firstAudibleFrame(frame(1, 100, 7, -400), 1, 480));
        assertEquals(-1, AudibleFrames.firstAudibleFrame(frame(1, 100, -1, 0), 1, 480));
    }

    @Test
    void firstAndLastAudibleFramesAroundAnInstant() {
        AudibleFrames f = new AudibleFrames();
        byte[] quiet = frame(1, 0, -1, 0);
        byte[] loud = frame(1, 0, 5, 5000);
        f.frame(100, loud, 16, 1, 480);
        f.frame(200, quiet, 16, 1, 480);
        f.frame(300, loud, 16, 1, 480);
        f.frame(400, loud, 16, 1, 480);
        f.frame(500, quiet, 16, 1, 480);
        f.frame(600, loud, 8, 1, 480); // not PCM16: ignored
        assertEquals(300, f.firstAtOrAfter(150));
        assertEquals(300, f.firstAtOrAfter(300));
        assertEquals(0, f.firstAtOrAfter(401));
        assertEquals(400, f.lastBefore(550));
        assertEquals(100, f.lastBefore(300));
        assertEquals(0, f.lastBefore(100));
        f.clear();
        assertEquals(0, f.lastBefore(1000));
    }

    @Test
    void waitingForAudioFailsAfterItsTimeoutAndReturnsOnceAFrameArrives() throws Exception {
        AudibleFrames f = new AudibleFrames();
        assertThrows(IllegalStateException.class, () -> f.awaitFirstAtOrAfter(0, 50));
        Thread feeder = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
            f.frame(System.nanoTime(), frame(1, 0, 0, 3000), 16, 1, 480);
        });
        long from = System.nanoTime();
        feeder.start();
        long t = f.awaitFirstAtOrAfter(from, 10_000);
        assertTrue(t >= from, "the frame that arrived after the wait began");
        feeder.join();
    }
}
