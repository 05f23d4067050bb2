package dev.parley.runtime.server;

import dev.parley.api.llm.FinishReason;
import dev.parley.runtime.conversation.Command;
import dev.parley.runtime.conversation.ConversationEvent;
import dev.parley.runtime.conversation.CoreHarness;
import dev.parley.runtime.engine.response.ScriptedLlm;
import dev.parley.runtime.engine.response.ScriptedTts;
import dev.parley.runtime.webrtc.AudioPlayout;
import dev.parley.runtime.webrtc.PlayoutListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Voice barge-in over WebRTC at the call's tap, with the real playout on a real 10 ms clock: a speech onset while
 * the answer plays clears the track and truncates the item to what was played; when the answer is still generating
 * at the onset, its later audio is not played and the truncation waits for its {@code response.done} (the core's
 * server-made truncation, {@code Command.TruncateToPlayed}). Bounds on the played time are generous (2 shared
 * cores).
 */
class CallTapTest {
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<byte[]> frames = new CopyOnWriteArrayList<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private final AudioPlayout playout = new AudioPlayout(frames::add, new PlayoutListener() {
        @Override
        public void started(String responseId) {
            log.add("started " + responseId);
            started.countDown();
        }

        @Override
        public void stopped(String responseId) {
            log.add("stopped " + responseId);
        }
    });
    private volatile long truncatedAt = -1;
    private final CallTap tap = new CallTap(playout, new CallTap.Cuts() {
        @Override
        public void cleared(String responseId) {
            log.add("cleared " + responseId);
        }

        @Override
        public void truncate(String itemId, long playedMs) {
            log.add("truncate " + itemId);
            truncatedAt = playedMs;
        }
    });

    @AfterEach
    void stop() {
        playout.stop();
        clock.shutdownNow();
    }

    private static ConversationEvent.ResponseRef ref(String id) {
        return new ConversationEvent.ResponseRef(id, null, null, List.of(), null);
    }

    /** {@code ms} of a non-silent 24 kHz PCM16 tone chunk (the session's default output). */
    private static ConversationEvent.AudioChunk chunk(String responseId, int ms) {
        byte[] pcm = new byte[24 * ms * 2];
        for (int i = 0; i < pcm.length / 2; i++) {
            short v = (short) (6000 * Math.sin(2 * Math.PI * 300 * i / 24000.0));
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        return new ConversationEvent.AudioChunk(System.nanoTime(), responseId, "item_" + responseId, 0, pcm, ms);
    }

    private static ConversationEvent speech() {
        return new ConversationEvent.SpeechStarted(System.nanoTime(), "item_user", 0);
    }

    private long framesWithSound() {
        return frames.stream().filter(f -> f[200] != 0 || f[202] != 0 || f[400] != 0).count();
    }

    @Test
    void anOnsetDuringPlaybackClearsAndTruncatesToWhatWasPlayed() throws Exception {
        tap.on(new ConversationEvent.ResponseStarted(System.nanoTime(), ref("resp_1")));
        tap.on(chunk("resp_1", 3000));
        tap.on(new ConversationEvent.ResponseDone(System.nanoTime(), ref("resp_1"), null, null));
        playout.start(clock);
        assertTrue(started.await(5, TimeUnit.SECONDS));
        Thread.sleep(400);
        tap.on(speech());
        assertEquals(List.of("started resp_1", "cleared resp_1", "truncate item_resp_1"), log);
        long sounding = framesWithSound();
        System.out.printf("barge-in after ~400 ms of playback: item truncated at %d ms (%d frames with sound)%n",
                truncatedAt, sounding);
        assertTrue(truncatedAt >= 200 && truncatedAt < 2500, truncatedAt + " ms");
        assertEquals(truncatedAt / 10, sounding, 2, "the truncation is what went out on the track");
        Thread.sleep(200);
        assertEquals(sounding, framesWithSound(), 1, "nothing more of the answer is played");
    }

    /**
     * The tap on a real conversation core (scripted LLM and TTS, {@code interrupt_response} off so the answer
     * goes on generating after the onset): the core mutes the cut response and truncates at its response.done.
     * "truncate" is logged when the core's {@code ItemTruncated} comes out.
     */
    @Test
    void anOnsetWhileTheAnswerIsStillGeneratingTruncatesAtItsResponseDone() throws Exception {
        CountDownLatch rest = new CountDownLatch(1);
        ScriptedLlm llm = new ScriptedLlm(List.of(new ScriptedLlm.Text("One moment. "), new ScriptedLlm.Gate(rest),
                new ScriptedLlm.Text("Here it is."), new ScriptedLlm.Done(FinishReason.STOP)));
        // 50 chunks of 20 ms: 1 s of audio per clause
        try (CoreHarness h = new CoreHarness(CoreHarness.voice(false, false), llm, new ScriptedTts(24_000, 50, 480))) {
            CallTap real = new CallTap(playout, new CallTap.Cuts() {
                @Override
                public void cleared(String responseId) {
                    log.add("cleared " + responseId);
                }

                @Override
                public void truncate(String itemId, long playedMs) {
                    h.core.handle(new Command.TruncateToPlayed(itemId, playedMs)); // as CallConnection does
                }
            });
            h.onActor(() -> {
                h.core.subscribe(real);
                h.core.subscribe(e -> {
                    if (e instanceof ConversationEvent.ItemTruncated t) {
                        log.add("truncate " + t.itemId());
                        truncatedAt = t.audioEndMs();
                    }
                });
            });
            playout.start(clock);
            h.fire(in -> in.speechStarted(1, 0));
            h.fire(in -> in.transcriptCompleted(1, "what time is it"));
            h.fire(in -> in.speechStopped(1, 700, CoreHarness.utterance(1, 0, 700)));
            String r2 = h.await(ConversationEvent.ResponseStarted.class).response().id();
            String item = h.await(ConversationEvent.AudioChunk.class).itemId();
            assertTrue(started.await(5, TimeUnit.SECONDS));
            Thread.sleep(300);
            h.fire(in -> in.speechStarted(2, 2000));
            h.onActor(() -> { });
            assertEquals(List.of("started " + r2, "cleared " + r2), log, "no truncation while the item is in progress");
            long sounding = framesWithSound();
            rest.countDown(); // the engine was still producing when the onset came
            h.await(ConversationEvent.ResponseDone.class);
            h.await(ConversationEvent.ItemTruncated.class);
            Thread.sleep(200);
            assertEquals(sounding, framesWithSound(), 1, "audio generated after the barge-in is not played");
            assertEquals(List.of("started " + r2, "cleared " + r2, "truncate " + item), log);
            System.out.printf("barge-in while generating: truncated at response.done to %d ms (%d frames with sound)%n",
                    truncatedAt, sounding);
            assertTrue(truncatedAt >= 100 && truncatedAt < 2000, truncatedAt + " ms");

            // the next answer plays again
            h.fire(in -> in.transcriptCompleted(2, "thanks"));
            h.fire(in -> in.speechStopped(2, 2500, CoreHarness.utterance(2, 2000, 2500)));
            String r3 = h.await(ConversationEvent.ResponseStarted.class).response().id();
            h.await(ConversationEvent.AudioChunk.class, a -> a.responseId().equals(r3));
            Thread.sleep(400);
            assertTrue(log.contains("started " + r3), log.toString());
        }
    }
}
