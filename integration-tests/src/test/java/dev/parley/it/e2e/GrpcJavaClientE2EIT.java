package dev.parley.it.e2e;

import static dev.parley.it.e2e.ScenarioChecks.assertSpokenQuestionAnswered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import dev.parley.grpc.realtime.v1.ClientEvent;
import dev.parley.grpc.realtime.v1.InputAudioBufferAppend;
import dev.parley.grpc.realtime.v1.RealtimeGrpc;
import dev.parley.grpc.realtime.v1.ServerEvent;
import dev.parley.it.samples.SpokenAnswer;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A grpc-java client of {@code parley serve --grpc-port} on the real default pipeline (energy VAD, pocketsphinx,
 * rule-based responder, MaryTTS): it streams a recorded spoken question at real-time pace as typed appends (raw
 * pcm16 bytes), and gets the transcript, audio bytes that are speech (pocketsphinx finds the answer's words in
 * them) and {@code response.done}, with the same checks as the WebSocket clients' spoken-question scenario.
 */
class GrpcJavaClientE2EIT {
    @RegisterExtension
    static final SharedServe SERVE = new SharedServe("--grpc-port", "0", "--api-key", SharedServe.API_KEY);
    static final ObjectMapper JSON = new ObjectMapper();
    static final String API_KEY = SharedServe.API_KEY;
    static ParleyServeProcess server;

    @BeforeAll
    static void start() throws Exception {
        server = SERVE.server();
    }

    static ManagedChannel channel() throws Exception {
        return NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
    }

    static Metadata bearer(String key) {
        Metadata md = new Metadata();
        md.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + key);
        return md;
    }

    @Test
    void spokenQuestionStreamedAtRealTimePaceIsTranscribedAndAnsweredWithSpeech() throws Exception {
        ManagedChannel ch = channel();
        try {
            LinkedBlockingQueue<ServerEvent> events = new LinkedBlockingQueue<>();
            CompletableFuture<Status> ended = new CompletableFuture<>();
            StreamObserver<ClientEvent> out = RealtimeGrpc.newStub(ch)
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(bearer(API_KEY)))
                    .connect(new StreamObserver<>() {
                        @Override
                        public void onNext(ServerEvent e) {
                            events.add(e);
                        }

                        @Override
                        public void onError(Throwable t) {
                            ended.complete(Status.fromThrowable(t));
                        }

                        @Override
                        public void onCompleted() {
                            ended.complete(Status.OK);
                        }
                    });
            assertEquals("session.created", next(events).getType());
            byte[] pcm = Files.readAllBytes(ClientSpeech.pcm24k("weather-slt.wav"));
            byte[] silence = new byte[48_000 * 2]; // 2 s of quiet after the question ends the turn
            byte[] all = new byte[pcm.length + silence.length];
            System.arraycopy(pcm, 0, all, 0, pcm.length);
            long t0 = System.nanoTime();
            for (int at = 0, n = 0; at < all.length; at += 960, n++) { // 20 ms chunks at real-time pace
                out.onNext(ClientEvent.newBuilder().setType("input_audio_buffer.append")
                        .setInputAudioBufferAppend(InputAudioBufferAppend.newBuilder().setAudio(
                                ByteString.copyFrom(all, at, Math.min(960, all.length - at)))).build());
                long due = t0 + (n + 1) * 20_000_000L;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            ObjectNode result = JSON.createObjectNode();
            ArrayNode types = result.putArray("events");
            ArrayNode heard = result.putArray("heard");
            ObjectNode ids = result.putObject("ids");
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            ServerEvent done = null;
            while (done == null) {
                ServerEvent e = next(events);
                types.add(e.getType());
                switch (e.getType()) {
                    case "input_audio_buffer.speech_started" -> ids.put("speech_started", e.getSpeech().getItemId());
                    case "input_audio_buffer.speech_stopped" -> ids.put("speech_stopped", e.getSpeech().getItemId());
                    case "input_audio_buffer.committed" ->
                            ids.put("committed", JSON.readTree(e.getJson()).path("item_id").asText());
                    case "conversation.item.added" -> {
                        JsonNode item = JSON.readTree(e.getJson()).path("item");
                        if ("user".equals(item.path("role").asText())) {
                            ids.put("item_added", item.path("id").asText());
                        }
                    }
                    case "conversation.item.input_audio_transcription.completed" -> {
                        ids.put("transcription_completed", e.getTextDone().getItemId());
                        heard.add(e.getTextDone().getText());
                    }
                    case "response.output_audio.delta" -> answer.write(e.getAudioDelta().getAudio().toByteArray());
                    case "response.done" -> done = e;
                    default -> { }
                }
            }
            JsonNode response = JSON.readTree(done.getResponse().getResponseJson());
            StringBuilder text = new StringBuilder();
            response.path("output").forEach(i -> i.path("content").forEach(c -> text.append(c.path("transcript")
                    .asText(c.path("text").asText())).append(' ')));
            result.putObject("response").put("status", done.getResponse().getStatus())
                    .put("text", text.toString().trim());
            result.put("audioBytes", answer.size());
            assertEquals(done.getResponse().getStatus(), response.path("status").asText());
            assertSpokenQuestionAnswered(result, "grpc-java");
            Path wav = Path.of("target/grpc-e2e").toAbsolutePath().resolve("grpc-java-answer.wav");
            Files.createDirectories(wav.getParent());
            byte[] audio = answer.toByteArray();
            AudioFormat pcm16 = new AudioFormat(24000, 16, 1, true, false);
            AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(audio), pcm16, audio.length / 2),
                    AudioFileFormat.Type.WAVE, wav.toFile());
            double overlap = SpokenAnswer.spokenWordsOverlap(result.at("/response/text").asText(), wav);
            System.out.printf("grpc-java: %.0f %% of the answer's words recognised in its audio bytes%n", 100 * overlap);
            assertTrue(overlap >= 0.3, "the answer's audio bytes speak the answer: " + overlap);
            out.onCompleted(); // half-close: no response in flight, so the server completes the stream
            assertEquals(Status.Code.OK, ended.get(10, TimeUnit.SECONDS).getCode());
        } finally {
            ch.shutdownNow();
        }
    }

    @Test
    void aWrongKeyIsUnauthenticatedBeforeAnyEvent() throws Exception {
        ManagedChannel ch = channel();
        try {
            var it = RealtimeGrpc.newBlockingV2Stub(ch)
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(bearer("sk-wrong")))
                    .connect();
            io.grpc.StatusException e = org.junit.jupiter.api.Assertions.assertThrows(io.grpc.StatusException.class,
                    () -> it.read(10, TimeUnit.SECONDS));
            assertEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode(), e.toString());
        } finally {
            ch.shutdownNow();
        }
    }

    private static ServerEvent next(LinkedBlockingQueue<ServerEvent> events) throws InterruptedException {
        ServerEvent e = events.poll(30, TimeUnit.SECONDS);
        assertTrue(e != null, "no server event within 30 s; server said:\n" + server.recentOutput());
        return e;
    }
}
