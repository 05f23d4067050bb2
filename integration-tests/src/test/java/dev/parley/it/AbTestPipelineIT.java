package dev.parley.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.ComponentKind;
import dev.parley.api.router.RoutingRequest;
import dev.parley.api.vad.VadEngine;
import dev.parley.api.vad.VadStream;
import dev.parley.runtime.pipeline.EnvInterpolator;
import dev.parley.runtime.pipeline.Pipeline;
import dev.parley.runtime.pipeline.PipelineDefinition;
import dev.parley.runtime.pipeline.PipelineParser;
import dev.parley.runtime.plugins.ComponentLoader;
import dev.parley.runtime.plugins.LoadedComponents;
import dev.parley.runtime.routing.ExperimentLoader;
import dev.parley.runtime.routing.RoutedPipelineSelector;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginClassLoader;

/**
 * {@code pipelines/ab-test.yaml} on the real build: the {@code ab} router and the Silero VAD come from their
 * PF4J zips in build/plugins, energy VAD and the rules LLM are built in, STT and TTS are the real plugins. Both
 * variants detect speech in a real recording, each with its own VAD, while sharing one STT, turn detector, LLM
 * and TTS engine.
 */
class AbTestPipelineIT {
    private final LoadedComponents loaded = ComponentLoader.shared(RepoPaths.plugins());

    @TempDir
    Path journals;

    @Test
    void variantsRunTheirOwnVadOnRealSpeechAndShareTheRest() throws Exception {
        // no OPENAI_API_KEY / PARLEY_LLM_BASE_URL: the offline rules LLM, whatever the machine's environment
        EnvInterpolator env = new EnvInterpolator(k -> k.startsWith("OPENAI") || k.startsWith("PARLEY_LLM")
                ? null : System.getenv(k));
        PipelineDefinition definition = new PipelineParser(env).parse("pipelines/ab-test.yaml",
                Files.readString(RepoPaths.root().resolve("pipelines/ab-test.yaml")));
        try (RoutedPipelineSelector selector = new ExperimentLoader(loaded.registry(), env).load(definition, journals)) {
            Pipeline a = selector.select(request("sess_a", "alice", Map.of("variant", "A")));
            Pipeline b = selector.select(request("sess_b", "qa-tester", Map.of()));
            assertEquals("A", a.variant());
            assertEquals("B", b.variant());
            assertInstanceOf(PluginClassLoader.class,
                    loaded.registry().require(ComponentKind.ROUTER, "ab").provider().getClass().getClassLoader());
            assertInstanceOf(PluginClassLoader.class, b.vad().getClass().getClassLoader(), "silero from its zip");
            assertTrue(!(a.vad().getClass().getClassLoader() instanceof PluginClassLoader), "energy is built in");
            assertNotSame(a.vad(), b.vad());
            assertSame(a.stt(), b.stt());
            assertSame(a.turn(), b.turn());
            assertSame(a.llm(), b.llm());
            assertSame(a.tts(), b.tts());

            short[] speech = readPcm16(RepoPaths.root().resolve("testdata/vad/speech_slt.wav"));
            double[] voicedA = voicedShare(a.vad(), speech);
            double[] voicedB = voicedShare(b.vad(), speech);
            System.out.printf("speech_slt.wav (2.96 s): energy VAD %.0f %% of frames ≥ 0.5 (max %.2f), "
                    + "silero VAD %.0f %% (max %.2f)%n", voicedA[0] * 100, voicedA[1], voicedB[0] * 100, voicedB[1]);
            assertTrue(voicedA[0] > 0.5, "energy VAD hears the speech");
            assertTrue(voicedB[0] > 0.5, "silero VAD hears the speech");
        }
    }

    /** Share of frames at or above 0.5, and the highest probability. */
    private static double[] voicedShare(VadEngine engine, short[] pcm) {
        assertEquals(16_000, engine.sampleRate());
        int n = engine.frameSamples();
        int frames = 0;
        int voiced = 0;
        double max = 0;
        try (VadStream stream = engine.open()) {
            for (int off = 0; off + n <= pcm.length; off += n) {
                short[] frame = new short[n];
                System.arraycopy(pcm, off, frame, 0, n);
                float p = stream.speechProbability(frame);
                frames++;
                voiced += p >= 0.5f ? 1 : 0;
                max = Math.max(max, p);
            }
        }
        return new double[] {(double) voiced / frames, max};
    }

    private static short[] readPcm16(Path wav) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int r;
            while ((r = in.read(buf)) > 0) {
                bytes.write(buf, 0, r);
            }
            byte[] b = bytes.toByteArray();
            short[] s = new short[b.length / 2];
            for (int i = 0; i < s.length; i++) {
                s[i] = (short) ((b[2 * i] & 0xff) | (b[2 * i + 1] << 8));
            }
            return s;
        }
    }

    private static RoutingRequest request(String session, String user, Map<String, String> query) {
        return new RoutingRequest(session, user, Map.of(), query, Map.of());
    }
}
