package dev.parley.runtime.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.runtime.engine.CommittedAudio;
import dev.parley.runtime.engine.TurnDetection;
import dev.parley.runtime.engine.WireFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Session-relative times, prefix padding, commits and transcripts of the input path. Timing constants: 20 ms
 * frames, onset after 60 ms of voice (reported 60 ms late), offset after 100 ms of silence.
 */
class InputPathTest {

    @Test
    void onsetOffsetAndTurnEndTimesIncludePaddingAndAccumulate() throws Exception {
        InputHarness h = new InputHarness(WireFormat.PCM16_24K, InputHarness.serverVad(300, 200, null), null);
        h.append(1000, false);
        h.append(1000, true);
        h.append(1000, false);
        h.append(1000, false);
        h.append(1000, true);
        h.append(600, false);

        // voice 1000–2000 ms: onset 1000 − 300 padding; turn end 200 ms after the last voiced frame. VAD frames end
        // where the 20 ms appends end but hold audio 1 ms older (the resampler's look-ahead), so the frame ending at
        // 2020 still holds the tone's last millisecond: the turn ends at 2220, decided on the append ending there.
        // voice 4000–5000 ms: the clock keeps counting across utterances
        assertEquals(List.of("started:1:700", "stopped:1:2220", "started:2:3700", "stopped:2:5220"),
                h.listener.events.stream().filter(e -> e.startsWith("st")).toList());
        CommittedAudio first = h.listener.committed.get(0);
        assertEquals(700, first.startMs());
        assertEquals(2220, first.endMs());
        assertEquals(WireFormat.PCM16_24K, first.format());
        long wireMs = WireFormat.PCM16_24K.millis(first.wireAudio().length);
        assertTrue(Math.abs(wireMs - 1520) <= 20, "committed audio spans start..end: " + wireMs + " ms");
        assertTrue(first.turnEndNanos() > 0);
        assertEquals(200_000_000L, first.turnEndNanos() - first.speechEndNanos(), "speech ended 200 ms of audio earlier");
        assertEquals(5600, h.input.audioMs());
    }

    @Test
    void aSilenceWindowShorterThanTheHangoverEndsTheTurnOnTime() throws Exception {
        // hangover 100 ms (harness), silence window 60 ms: the turn ends 60 ms after the last voiced frame, not 100
        InputHarness h = new InputHarness(WireFormat.PCM16_24K, InputHarness.serverVad(0, 60, null), null);
        h.append(500, false);
        h.append(400, true);
        h.append(300, false);
        assertEquals(List.of("started:1:500", "stopped:1:980"),
                h.listener.events.stream().filter(e -> e.startsWith("st")).toList());
        CommittedAudio audio = h.listener.committed.get(0);
        assertEquals(60_000_000L, audio.turnEndNanos() - audio.speechEndNanos(), "speech ended 60 ms earlier");
    }

    @Test
    void speechResumingRightAfterAShortWindowEndedTheTurnStartsTheNextUtterance() throws Exception {
        // window 60 ms, hangover 100 ms: the turn ends while the segmenter would still call it speech; the user
        // going on 20 ms later is a new utterance, not lost
        InputHarness h = new InputHarness(WireFormat.PCM16_24K, InputHarness.serverVad(0, 60, null), null);
        h.stt.finals.put(0, "set an alarm for six");
        h.stt.finals.put(1, "thirty");
        h.append(500, false);
        h.append(400, true);
        h.append(100, false);
        h.append(400, true);
        h.append(300, false);
        assertEquals(List.of("started:1:500", "stopped:1:980", "started:2:1000", "stopped:2:1480"),
                h.listener.starting("st"));
        assertEquals(List.of("completed:1:set an alarm for six", "completed:2:thirty"), h.listener.starting("completed"));
    }

    @Test
    void sttGetsTheUtteranceWithItsPrefixAtItsOwnRate() throws Exception {
        InputHarness h = new InputHarness(WireFormat.PCMU, InputHarness.serverVad(300, 200, null), null);
        h.stt.finals.put(0, "hello world");
        h.append(600, false);
        h.append(500, true);
        h.append(400, false);
        // μ-law 8 kHz in, 16 kHz STT: utterance 300 (prefix) + 500 (voice) + 220 (silence) ms
        assertEquals(List.of("started:1:300", "stopped:1:1320", "completed:1:hello world"),
                h.listener.events.stream().filter(e -> !e.startsWith("delta")).toList());
        int fed = h.stt.fedSamples.get(0);
        assertTrue(Math.abs(fed - 16320) <= 400, "fed " + fed + " samples for 1020 ms at 16 kHz");
        assertEquals(List.of("end:0"), h.stt.calls);
    }

    @Test
    void prefixPaddingStopsAtTheSessionStartAndAtTheLastCommit() throws Exception {
        InputHarness h = new InputHarness(WireFormat.PCM16_24K, InputHarness.serverVad(300, 200, null), null);
        h.append(100, false);
        h.append(400, true);
        h.append(400, false);
        h.append(300, true); // onset at 900: its padding would reach 600, but audio up to 720 was committed
        h.append(400, false);
        assertEquals(List.of("started:1:0", "stopped:1:720", "started:2:720", "stopped:2:1420"),
                h.listener.events.stream().filter(e -> e.startsWith("st")).toList());
    }

    @Test
    void speechResumingBeforeTheTurnEndsStaysOneUtterance() throws Exception {
        InputHarness h = new InputHarness(WireFormat.PCM16_24K, InputHarness.serverVad(0, 500, null), null);
        h.append(200, false);
        h.append(400, true);
        h.append(300, false); // offset after 100 ms, but 500 ms of silence are needed
        h.append(400, true);
        h.append(700, false);
        assertEquals(List.of("started:1:200", "stopped:1:1820"),
                h.listener.events.stream().filter(e -> e.startsWith("st")).toList());
    }

    @Test
    void manualModeCommitsEverythingSinceTheLastCommit() throws Exception {
        InputHarness h = new InputHarness(WireFormat.PCM16_24K, null, null);
        h.stt.finals.put(0, "first");
        h.stt.finals.put(1, "second");
        h.append(400, true);
        h.append(100, false);
        CommittedAudio a = h.commit();
        assertEquals(0, a.startMs());
        assertEquals(500, a.endMs());
        assertEquals(0, a.turnEndNanos(), "manual commits have no turn decision");
        assertEquals(500, WireFormat.PCM16_24K.millis(a.wireAudio().length));
        h.append(60, true);
        assertNull(h.commit(), "60 ms is under the 100 ms minimum");
        h.append(240, true);
        CommittedAudio b = h.commit();
        assertEquals(500, b.startMs());
        assertEquals(800, b.endMs());
        assertNull(h.commit(), "nothing left");
        assertEquals(List.of("delta:1:first", "completed:1:first", "delta:2:second", "completed:2:second"),
                h.listener.events, "no speech events in manual mode; the final's words arrive as the last delta");
    }

    @Test
    void clearDropsSpeechInProgress() throws Exception {
        InputHarness h = new InputHarness(WireFormat.PCM16_24K, InputHarness.serverVad(300, 200, null), null);
        h.stt.finals.put(1, "after clear");
        h.append(500, false);
        h.append(300, true);
        h.onActor(() -> {
            h.input.clear();
            return null;
        });
        h.append(200, false);
        h.append(400, true);
        h.append(400, false);
        // utterance 1 was dropped: no stop, no transcript; utterance 2's padding cannot reach before the clear at 800
        assertEquals(List.of("started:1:200", "started:2:800", "stopped:2:1620", "completed:2:after clear"),
                h.listener.events.stream().filter(e -> !e.startsWith("delta")).toList());
        assertEquals(List.of("reset:0", "end:1"), h.stt.calls);
        assertTrue(h.vad.resets.get() >= 1);
    }

    @Test
    void commitInVadModeEndsTheUtteranceInProgress() throws Exception {
        InputHarness h = new InputHarness(WireFormat.PCM16_24K, InputHarness.serverVad(300, 200, null), null);
        h.append(500, false);
        h.append(300, true);
        CommittedAudio a = h.commit();
        assertEquals(1, a.utterance());
        assertEquals(200, a.startMs());
        assertEquals(800, a.endMs());
        h.append(100, true);
        h.append(400, false);
        assertEquals("started:2", h.listener.starting("started").get(1).substring(0, 9),
                "still speaking after the commit: a new utterance starts");
    }

    @Test
    void idleTimeoutFiresOnceAfterAResponseWhenNobodySpeaks() throws Exception {
        InputHarness h = new InputHarness(WireFormat.PCM16_24K, InputHarness.serverVad(300, 200, 1000), null);
        h.append(500, false);
        h.onActor(() -> {
            h.input.responseFinished();
            return null;
        });
        h.append(1200, false);
        assertEquals(List.of("idle:1:500:1500", "completed:1:"), h.listener.events);
        CommittedAudio idle = h.listener.committed.get(0);
        assertEquals(500, idle.startMs());
        assertEquals(1500, idle.endMs());

        h.onActor(() -> {
            h.input.responseFinished();
            return null;
        });
        h.append(400, false);
        h.append(400, true); // the user speaks before the deadline: no timeout
        h.append(1500, false);
        assertEquals(1, h.listener.starting("idle").size());
    }

    @Test
    void partialTranscriptsBecomeAppendOnlyDeltasAfterTheCommit() throws Exception {
        InputHarness h = new InputHarness(WireFormat.PCM16_24K, InputHarness.serverVad(300, 200, null), null);
        h.stt.partials.put(0, ScriptedStt.list("what", "what is the", "what is the weather"));
        h.stt.finals.put(0, "what is the weather like");
        h.append(300, false);
        h.append(1000, true);
        h.append(400, false);
        List<String> events = h.listener.events;
        int stopped = events.indexOf("stopped:1:1500");
        int firstDelta = events.stream().filter(e -> e.startsWith("delta")).findFirst().map(events::indexOf).orElse(-1);
        assertTrue(firstDelta > stopped, "deltas follow the commit: " + events);
        assertEquals("what is the weather like", h.listener.deltas(1));
        assertEquals("completed:1:what is the weather like", events.get(events.size() - 1));
    }

    @Test
    void sttErrorFailsTheUtteranceAndTheNextTurnWorks() throws Exception {
        InputHarness h = new InputHarness(WireFormat.PCM16_24K, InputHarness.serverVad(300, 200, null), null);
        h.stt.failOnUtterance = 0;
        h.stt.finals.put(0, "works again"); // the scripted STT numbers the utterances it finished
        h.append(300, false);
        h.append(400, true);
        h.append(400, false);
        h.append(400, true);
        h.append(400, false);
        List<String> failed = h.listener.starting("failed");
        assertEquals(1, failed.size());
        assertTrue(failed.get(0).startsWith("failed:1:Speech recognition failed: decoder crashed"), failed.get(0));
        assertEquals(List.of("completed:2:works again"), h.listener.starting("completed"));
        assertEquals(2, h.stt.opened.get(), "a fresh stream replaced the broken one");
    }

    @Test
    void semanticVadWaitsLongerForWordsThatSoundUnfinished() throws Exception {
        TurnDetection semantic = new TurnDetection(TurnDetection.Type.SEMANTIC_VAD, 0.5, 0, 0, null, true, true,
                "auto");
        InputHarness finished = new InputHarness(WireFormat.PCM16_24K, semantic, transcript -> 1.0);
        finished.append(300, false);
        finished.append(500, true);
        finished.append(1000, false);
        // complete-sounding: auto's shortest window, 250 ms after the last voiced frame (ending at 820)
        assertEquals(List.of("started:1:300", "stopped:1:1080"), finished.listener.starting("st"));

        InputHarness unfinished = new InputHarness(WireFormat.PCM16_24K, semantic, transcript -> 0.0);
        unfinished.append(300, false);
        unfinished.append(500, true);
        unfinished.append(1000, false);
        assertEquals(List.of("started:1:300"), unfinished.listener.starting("st"), "still waiting");
        unfinished.append(3200, false);
        assertEquals(List.of("started:1:300", "stopped:1:4820"), unfinished.listener.starting("st"),
                "an unfinished-sounding turn waits auto's longest window, 4 s");
    }

    @Test
    void pcm16SamplesSplitAcrossAppendsStayAligned() throws Exception {
        InputHarness h = new InputHarness(WireFormat.PCM16_24K, null, null);
        short[] ramp = new short[2400];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = (short) (i * 13 - 15000);
        }
        byte[] wire = dev.parley.runtime.audio.WireCodec.encode(WireFormat.PCM16_24K, ramp, 0, ramp.length);
        int[] cuts = {0, 1, 2, 1001, 1002, 3333, 4799, wire.length};
        for (int i = 0; i + 1 < cuts.length; i++) {
            byte[] piece = java.util.Arrays.copyOfRange(wire, cuts[i], cuts[i + 1]);
            h.onActor(() -> {
                h.input.append(piece);
                return null;
            });
        }
        CommittedAudio a = h.commit();
        org.junit.jupiter.api.Assertions.assertArrayEquals(wire, a.wireAudio(), "odd-sized appends lose no byte");
        assertEquals(100, a.endMs());
    }

    @Test
    void aFinalThatNeverComesFailsTheUtteranceAndTheNextTurnWorks() throws Exception {
        InputHarness h = new InputHarness(WireFormat.PCM16_24K, InputHarness.serverVad(300, 200, null), null);
        h.stt.silentFinal = 0;
        h.stt.finals.put(1, "second try");
        h.append(300, false);
        h.append(400, true);
        h.append(400, false);
        long deadline = System.nanoTime() + 20_000_000_000L; // the link gives up after 300 ms
        while (h.listener.starting("failed").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        h.settle();
        assertTrue(h.listener.starting("failed").get(0).startsWith("failed:1:Speech recognition failed: no result"),
                h.listener.events.toString());
        h.append(400, true);
        h.append(400, false);
        assertEquals(List.of("completed:2:second try"), h.listener.starting("completed"));
        assertEquals(2, h.stt.opened.get());
    }

    @Test
    void aSessionUpdateMidUtteranceStillLetsTheTurnEnd() throws Exception {
        InputHarness h = new InputHarness(WireFormat.PCM16_24K, InputHarness.serverVad(300, 200, null), null);
        h.append(300, false);
        h.append(400, true);
        h.onActor(() -> { // same settings again (clients resend them), then a changed threshold
            h.input.configure(new dev.parley.runtime.engine.InputSettings(WireFormat.PCM16_24K,
                    InputHarness.serverVad(300, 200, null), null));
            h.input.configure(new dev.parley.runtime.engine.InputSettings(WireFormat.PCM16_24K,
                    new TurnDetection(TurnDetection.Type.SERVER_VAD, 0.6, 300, 200, null, true, true, "auto"),
                    null));
            return null;
        });
        h.append(600, false);
        // The voice stopped as the update came. Silence counts from the update: the last complete VAD frame then
        // ended at 700 ms (frames end where appends end), + 200 ms.
        assertEquals(List.of("started:1:0", "stopped:1:900"), h.listener.starting("st"));
    }

    @Test
    void aVadFrameIsAnalysedOnTheAppendHoldingItsLastSample() throws Exception {
        // 24 kHz appends resampled to 16 kHz: the resampler holds ~1 ms back for its look-ahead. Frames start after
        // that much silence, so the fifth 20 ms append completes the fifth frame instead of leaving it 1 ms short.
        for (WireFormat format : new WireFormat[] {WireFormat.PCM16_24K, WireFormat.PCMU}) {
            InputHarness h = new InputHarness(format, InputHarness.serverVad(300, 200, null), null);
            h.append(100, true);
            assertEquals(5, h.vad.frames.get(), format + ": frames after 100 ms in 20 ms appends");
            h.onActor(() -> {
                h.input.clear();
                return null;
            });
            h.append(100, false);
            assertEquals(10, h.vad.frames.get(), format + ": a clear keeps the frames aligned with the appends");
        }
    }
}
