package dev.parley.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import dev.parley.grpc.realtime.v1.AudioDelta;
import dev.parley.grpc.realtime.v1.ClientEvent;
import dev.parley.grpc.realtime.v1.InputAudioBufferAppend;
import dev.parley.grpc.realtime.v1.RealtimeGrpc;
import dev.parley.grpc.realtime.v1.ServerEvent;
import dev.parley.runtime.grpc.GrpcServer;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A grpc-java client of {@code parley.realtime.v1.Realtime/Connect} that shows the conformance tests the same JSON
 * events as the WebSocket: it asks for {@code x-parley-json: always}, so each typed event also carries its JSON,
 * and checks the typed fields against it; an audio delta (never mirrored) is rebuilt from its typed fields, its
 * raw bytes base64-encoded. Client events are sent typed where the proto has a type (an append's audio as
 * bytes), else in {@code json}. It starts its own {@link GrpcServer} on the test server and stops it on close.
 */
final class GrpcTestClient extends EventStreamClient {
    /** Reads the tests' client events, some of which carry over 20 M characters of base64. */
    private static final com.fasterxml.jackson.databind.ObjectMapper CLIENT_JSON =
            new com.fasterxml.jackson.databind.ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
                    .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                            .maxStringLength(64 * 1024 * 1024).build()).build());

    private final GrpcServer grpc;
    private final ManagedChannel channel;
    private final StreamObserver<ClientEvent> requests;

    private GrpcTestClient(GrpcServer grpc, Map<String, String> metadata) {
        this(grpc, NettyChannelBuilder.forAddress("127.0.0.1", grpc.port()).usePlaintext().build(), metadata);
    }

    private GrpcTestClient(GrpcServer grpc, ManagedChannel channel, Map<String, String> metadata) {
        this.grpc = grpc;
        this.channel = channel;
        Metadata md = new Metadata();
        md.put(Metadata.Key.of("x-parley-json", Metadata.ASCII_STRING_MARSHALLER), "always");
        metadata.forEach((k, v) -> md.put(Metadata.Key.of(k, Metadata.ASCII_STRING_MARSHALLER), v));
        requests = RealtimeGrpc.newStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(md))
                .connect(new StreamObserver<>() {
                    @Override
                    public void onNext(ServerEvent e) {
                        JsonNode json = asJson(e);
                        ((ObjectNode) json).put(RECEIVED_NANOS, System.nanoTime());
                        events.add(json);
                    }

                    @Override
                    public void onError(Throwable t) {
                        Status s = Status.fromThrowable(t);
                        closed.complete(new Close(s.getCode().value(), s.getCode() + ": " + s.getDescription()));
                    }

                    @Override
                    public void onCompleted() {
                        closed.complete(new Close(0, "OK"));
                    }
                });
    }

    /** As {@link TestServer#url()} asks over the WebSocket: model {@code gpt-realtime}. */
    static GrpcTestClient connect(TestServer server) throws Exception {
        return connect(server, Map.of("x-parley-model", "gpt-realtime"));
    }

    static GrpcTestClient connect(TestServer server, Map<String, String> metadata) throws Exception {
        return new GrpcTestClient(GrpcServer.start(server.server.transports(), "127.0.0.1", 0), metadata);
    }

    /** Over TLS to a server whose certificate is {@code trustedPem} (its {@code --tls-self-signed} one). */
    static GrpcTestClient connectTls(TestServer server, java.nio.file.Path trustedPem) throws Exception {
        GrpcServer grpc = GrpcServer.start(server.server.transports(), "127.0.0.1", 0);
        ManagedChannel channel = io.grpc.Grpc.newChannelBuilderForAddress("127.0.0.1", grpc.port(),
                io.grpc.TlsChannelCredentials.newBuilder().trustManager(trustedPem.toFile()).build()).build();
        return new GrpcTestClient(grpc, channel, Map.of("x-parley-model", "gpt-realtime"));
    }

    static JsonNode asJson(ServerEvent e) {
        try {
            if (e.getPayloadCase() == ServerEvent.PayloadCase.JSON) {
                return JSON.readTree(e.getJson());
            }
            if (e.getPayloadCase() == ServerEvent.PayloadCase.AUDIO_DELTA) {
                AudioDelta a = e.getAudioDelta();
                return JSON.createObjectNode().put("type", e.getType()).put("event_id", e.getEventId())
                        .put("response_id", a.getResponseId()).put("item_id", a.getItemId())
                        .put("output_index", a.getOutputIndex()).put("content_index", a.getContentIndex())
                        .put("delta", Base64.getEncoder().encodeToString(a.getAudio().toByteArray()));
            }
            JsonNode mirror = JSON.readTree(e.getJsonMirror());
            check(e.getType().equals(mirror.path("type").asText()), e, mirror);
            switch (e.getPayloadCase()) {
                case TEXT_DELTA -> check(e.getTextDelta().getDelta().equals(mirror.path("delta").asText()), e, mirror);
                case ERROR -> check(e.getError().getCode().equals(mirror.at("/error/code").asText("")), e, mirror);
                case RESPONSE -> check(e.getResponse().getResponseId().equals(mirror.at("/response/id").asText()),
                        e, mirror);
                default -> { }
            }
            return mirror;
        } catch (java.io.IOException ex) {
            throw new AssertionError("not JSON: " + e, ex);
        }
    }

    private static void check(boolean ok, ServerEvent e, JsonNode mirror) {
        if (!ok) {
            throw new AssertionError("typed event disagrees with its JSON: " + e + " vs " + mirror);
        }
    }

    @Override
    synchronized void send(String json) {
        ClientEvent event;
        try {
            JsonNode n = CLIENT_JSON.readTree(json);
            if ("input_audio_buffer.append".equals(n.path("type").asText()) && n.path("audio").isTextual()) {
                event = ClientEvent.newBuilder().setType("input_audio_buffer.append")
                        .setEventId(n.path("event_id").asText(""))
                        .setInputAudioBufferAppend(InputAudioBufferAppend.newBuilder().setAudio(
                                ByteString.copyFrom(Base64.getDecoder().decode(n.path("audio").asText()))))
                        .build();
            } else {
                event = ClientEvent.newBuilder().setType(n.path("type").asText("")).setJson(json).build();
            }
        } catch (Exception notJsonOrNotBase64) { // the server must answer it as the WebSocket does
            event = ClientEvent.newBuilder().setJson(json).build();
        }
        requests.onNext(event);
    }

    int port() {
        return grpc.port();
    }

    void sendEvent(ClientEvent event) {
        synchronized (this) {
            requests.onNext(event);
        }
    }

    @Override
    void sendUnconfirmed(String json) {
        send(json);
    }

    @Override
    void sendBinary(byte[] data) {
        throw new UnsupportedOperationException("gRPC has no binary frames");
    }

    @Override
    Close awaitClose() throws Exception {
        return closed.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        try {
            synchronized (this) {
                requests.onCompleted();
            }
        } catch (RuntimeException alreadyClosed) {
            // the server ended the stream first
        }
        channel.shutdownNow();
        try {
            channel.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        grpc.close();
    }
}
