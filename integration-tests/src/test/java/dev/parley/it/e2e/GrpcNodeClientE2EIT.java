package dev.parley.it.e2e;

import static dev.parley.it.e2e.ScenarioChecks.assertSpokenQuestionAnswered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.it.RepoPaths;
import dev.parley.it.samples.SpokenAnswer;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An independent gRPC client: {@code @grpc/grpc-js} with {@code @grpc/proto-loader} (npm, pinned in
 * framework-runtime/src/test/node/package.json) loads Parley's .proto files and streams a recorded spoken question
 * at real-time pace to {@code parley serve --grpc-port} on the real default pipeline
 * ({@code src/test/node/grpc-e2e.mjs}); it gets the transcript, audio bytes that are speech (pocketsphinx finds
 * the answer's words in them) and {@code response.done}.
 */
class GrpcNodeClientE2EIT {
    @RegisterExtension
    static final SharedServe SERVE = new SharedServe("--grpc-port", "0", "--api-key", SharedServe.API_KEY);
    static final String API_KEY = SharedServe.API_KEY;
    static ParleyServeProcess server;

    @BeforeAll
    static void start() throws Exception {
        server = SERVE.server();
    }

    @Test
    void grpcJsLoadsTheProtosStreamsSpeechAndGetsTheSpokenAnswer() throws Exception {
        Path out = Files.createDirectories(Path.of("target/grpc-e2e").toAbsolutePath()).resolve("grpc-node.pcm");
        JsonNode r = NodeScript.scenario(server, "grpc-e2e.mjs", Map.of(
                "PARLEY_GRPC_PORT", "" + server.grpcPort(), "PARLEY_API_KEY", API_KEY,
                "PARLEY_PROTO_DIR", RepoPaths.root().resolve("parley-grpc-proto/src/main/proto").toString(),
                "PARLEY_WEATHER", ClientSpeech.pcm24k("weather-slt.wav").toString(),
                "PARLEY_ANSWER_OUT", out.toString()), "spoken-question");
        assertSpokenQuestionAnswered(r, "grpc-js");
        assertEquals(0, r.path("status").asInt(), "the stream ended OK after the client half-closed: " + r);
        byte[] audio = Files.readAllBytes(out);
        assertEquals(r.path("audioBytes").asLong(), audio.length);
        Path wav = out.resolveSibling("grpc-node-answer.wav");
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(audio), new AudioFormat(24000, 16, 1, true,
                false), audio.length / 2), AudioFileFormat.Type.WAVE, wav.toFile());
        double overlap = SpokenAnswer.spokenWordsOverlap(r.at("/response/text").asText(), wav);
        System.out.printf("grpc-js: %.0f %% of the answer's words recognised in its audio bytes%n", 100 * overlap);
        assertTrue(overlap >= 0.3, "the answer's audio bytes speak the answer: " + overlap);
    }
}
