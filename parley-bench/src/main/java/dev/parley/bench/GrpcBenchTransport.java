package dev.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import dev.parley.grpc.realtime.v1.ClientEvent;
import dev.parley.grpc.realtime.v1.InputAudioBufferAppend;
import dev.parley.grpc.realtime.v1.RealtimeGrpc;
import dev.parley.grpc.realtime.v1.ServerEvent;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * The bench's {@link RealtimeClient} over gRPC ({@code parley.realtime.v1.Realtime/Connect}) instead of a
 * WebSocket: appends go out typed (raw bytes), every other client event in {@code json}; server events come back
 * to the client's queue with their arrival instant, typed ones rebuilt as the few JSON fields the bench reads.
 */
final class GrpcBenchTransport implements RealtimeClient.Transport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ManagedChannel channel;
    private final StreamObserver<ClientEvent> out;

    private GrpcBenchTransport(String host, int port, RealtimeClient client) {
        channel = NettyChannelBuilder.forAddress(host, port).usePlaintext().build();
        Metadata md = new Metadata();
        md.put(Metadata.Key.of("x-parley-model", Metadata.ASCII_STRING_MARSHALLER), "gpt-realtime");
        out = RealtimeGrpc.newStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(md))
                .connect(new StreamObserver<>() {
                    @Override
                    public void onNext(ServerEvent e) {
                        long nanos = System.nanoTime();
                        client.received(nanos, e.getType(), () -> json(e));
                    }

                    @Override
                    public void onError(Throwable t) {
                        client.received(System.nanoTime(), "error", () -> "{\"transport\":\"" + t + "\"}");
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
    }

    static RealtimeClient connect(String host, int port, java.util.function.Predicate<String> keep) {
        return RealtimeClient.over(keep, c -> new GrpcBenchTransport(host, port, c));
    }

    private static String json(ServerEvent e) {
        return switch (e.getPayloadCase()) {
            case JSON -> e.getJson();
            case TEXT_DONE -> JSON.createObjectNode().put("type", e.getType()).put("item_id", e.getTextDone()
                    .getItemId()).put("transcript", e.getTextDone().getText()).toString();
            case RESPONSE -> "{\"type\":\"" + e.getType() + "\",\"response\":" + e.getResponse().getResponseJson() + "}";
            case ERROR -> JSON.createObjectNode().put("type", "error").put("code", e.getError().getCode())
                    .put("message", e.getError().getMessage()).toString();
            default -> "{\"type\":\"" + e.getType() + "\"}"; // audio and text deltas: the bench reads their type
        };
    }

    @Override
    public synchronized void send(String text) {
        ClientEvent event;
        try {
            JsonNode n = JSON.readTree(text);
            if ("input_audio_buffer.append".equals(n.path("type").asText())) {
                event = ClientEvent.newBuilder().setType("input_audio_buffer.append").setInputAudioBufferAppend(
                        InputAudioBufferAppend.newBuilder().setAudio(ByteString.copyFrom(
                                Base64.getDecoder().decode(n.path("audio").asText())))).build();
            } else {
                event = ClientEvent.newBuilder().setType(n.path("type").asText()).setJson(text).build();
            }
        } catch (java.io.IOException ex) {
            throw new IllegalArgumentException("the bench sends JSON: " + text, ex);
        }
        out.onNext(event);
    }

    @Override
    public void close() {
        synchronized (this) {
            out.onCompleted();
        }
        channel.shutdown();
        try {
            channel.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
