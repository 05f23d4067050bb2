package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.grpc.realtime.v1.ClientEvent;
import dev.parley.grpc.realtime.v1.InputAudioBufferAppend;
import dev.parley.grpc.realtime.v1.RealtimeGrpc;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@link BadInputErrorsTest} over gRPC: every bad event gets the same {@code error} event and the session goes on.
 * The two WebSocket-frame cases have gRPC counterparts: a message that is not a decodable {@code ClientEvent}
 * (for a binary frame) ends that stream {@code INVALID_ARGUMENT}; a message over the 16 MiB inbound limit (for an
 * oversize frame) is refused by gRPC itself ({@code RESOURCE_EXHAUSTED}, the stream reset).
 */
class BadInputErrorsOverGrpcTest extends BadInputErrorsTest {
    @Override
    EventStreamClient connect(TestServer server) throws Exception {
        return GrpcTestClient.connect(server);
    }

    @Override
    @org.junit.jupiter.api.Test
    void binaryFrame() throws Exception {
        // a field-1 tag with a length running past the end: no protobuf parser can read it
        Status s = rawCall(new byte[] {0x0a, (byte) 0xff, 0x7f, 1, 2, 3});
        assertEquals(Status.Code.INVALID_ARGUMENT, s.getCode(), s.toString());
        assertTrue(s.getDescription().startsWith("undecodable message"), s.getDescription());
        client.send("{\"type\":\"input_audio_buffer.clear\"}"); // the fixture's own session is untouched
        client.expect("input_audio_buffer.cleared");
    }

    @Override
    @org.junit.jupiter.api.Test
    void frameOverTheLimitGetsAnErrorThenClose() throws Exception {
        ((GrpcTestClient) client).sendEvent(ClientEvent.newBuilder().setType("input_audio_buffer.append")
                .setInputAudioBufferAppend(InputAudioBufferAppend.newBuilder()
                        .setAudio(com.google.protobuf.ByteString.copyFrom(new byte[17 * 1024 * 1024]))).build());
        EventStreamClient.Close c = client.awaitClose();
        // the server refuses it RESOURCE_EXHAUSTED and resets the stream; a client still sending sees the reset
        assertTrue(c.code() == Status.Code.RESOURCE_EXHAUSTED.value() || c.code() == Status.Code.CANCELLED.value(),
                c.reason());
        try (GrpcTestClient next = GrpcTestClient.connect(server)) { // the server goes on
            next.expect("session.created");
        }
    }

    /** Opens a second Connect and sends {@code bytes} as its one message, raw; returns how the call ended. */
    private Status rawCall(byte[] bytes) throws Exception {
        ManagedChannel ch = NettyChannelBuilder.forAddress("127.0.0.1", ((GrpcTestClient) client).port())
                .usePlaintext().build();
        try {
            MethodDescriptor<byte[], byte[]> raw = RealtimeGrpc.getConnectMethod().toBuilder(new Raw(), new Raw())
                    .build();
            CompletableFuture<Status> ended = new CompletableFuture<>();
            ClientCall<byte[], byte[]> call = ch.newCall(raw, CallOptions.DEFAULT);
            StreamObserver<byte[]> out = ClientCalls.asyncBidiStreamingCall(call, new StreamObserver<>() {
                @Override
                public void onNext(byte[] value) {
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
            out.onNext(bytes);
            return ended.get(10, TimeUnit.SECONDS);
        } finally {
            ch.shutdownNow();
        }
    }

    private static final class Raw implements MethodDescriptor.Marshaller<byte[]> {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
