package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.grpc.realtime.v1.ClientEvent;
import dev.parley.grpc.realtime.v1.RealtimeGrpc;
import dev.parley.grpc.realtime.v1.ServerEvent;
import dev.parley.runtime.grpc.GrpcServer;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.MetadataUtils;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A gRPC client that stops reading during a long answer (it requests no more messages after the first: grpc-java
 * manual flow control) is cut with {@code RESOURCE_EXHAUSTED} within the WebSocket's bound, and the server's
 * queued output for it stays capped: gRPC's own flow control (HTTP/2 windows, {@code isReady}) holds what it
 * takes to a few tens of KiB, and the session's sink holds the rest up to the cap.
 */
class GrpcSlowReaderTest {
    @Test
    void aClientThatStopsReadingIsCutWithinTheBoundAndItsQueueStaysCapped() throws Exception {
        stopReading(2L * 1024 * 1024, "the cap");
    }

    @Test
    void aClientThatStopsReadingIsCutAfterTheSlowReaderTimeout() throws Exception {
        stopReading(64L * 1024 * 1024, "the timeout"); // a cap the answer does not reach
    }

    private static void stopReading(long cap, String bound) throws Exception {
        ServerOptions o = TestServer.options(List.of())
                .withLimits(ServerLimits.defaults().withOutput(Duration.ofMillis(1000), cap));
        try (TestServer server = new TestServer(o);
             GrpcServer grpc = GrpcServer.start(server.server.transports(), "127.0.0.1", 0)) {
            server.engines.script = spec -> DrainTest.longAnswer(1000, 0); // 100 s of audio (~4.8 MB), produced at once
            ManagedChannel ch = NettyChannelBuilder.forAddress("127.0.0.1", grpc.port()).usePlaintext().build();
            try {
                AtomicInteger received = new AtomicInteger();
                CompletableFuture<Status> ended = new CompletableFuture<>();
                CompletableFuture<ClientCallStreamObserver<ClientEvent>> opened = new CompletableFuture<>();
                Metadata md = new Metadata();
                md.put(Metadata.Key.of("x-parley-model", Metadata.ASCII_STRING_MARSHALLER), "gpt-realtime");
                RealtimeGrpc.newStub(ch).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(md))
                        .connect(new ClientResponseObserver<ClientEvent, ServerEvent>() {
                            @Override
                            public void beforeStart(ClientCallStreamObserver<ClientEvent> requests) {
                                requests.disableAutoRequestWithInitial(1); // session.created, then nothing
                                opened.complete(requests);
                            }

                            @Override
                            public void onNext(ServerEvent e) {
                                received.incrementAndGet();
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
                ClientCallStreamObserver<ClientEvent> requests = opened.get(5, TimeUnit.SECONDS);
                requests.onNext(ClientEvent.newBuilder().setJson(DrainTest.ASK).build());
                long start = System.nanoTime();
                for (int i = 0; i < 500 && server.server.counters().slowReaderCloses.sum() == 0; i++) {
                    Thread.sleep(20);
                }
                long cutMs = (System.nanoTime() - start) / 1_000_000;
                assertEquals(1, server.server.counters().slowReaderCloses.sum(), "cut as a slow reader");
                for (int i = 0; i < 300 && server.server.liveSessions() > 0; i++) {
                    Thread.sleep(20);
                }
                long goneMs = (System.nanoTime() - start) / 1_000_000;
                assertEquals(0, server.server.liveSessions(), "its session is gone");
                long peak = server.server.counters().peakQueuedOutputBytes.get();
                int readWhileStopped = received.get();
                requests.request(Integer.MAX_VALUE); // read again: the status comes after what gRPC had buffered
                Status status = ended.get(10, TimeUnit.SECONDS);
                System.out.printf("gRPC slow reader (%s): cut %d ms after it stopped reading (bound 1000 ms without "
                        + "progress or %d bytes queued), session gone after %d ms, peak queued %d bytes, status %s%n",
                        bound, cutMs, cap, goneMs, peak, status.getCode());
                assertEquals(Status.Code.RESOURCE_EXHAUSTED, status.getCode(), status.toString());
                assertTrue(status.getDescription().contains("client_not_reading"), status.getDescription());
                assertEquals(1, readWhileStopped, "the client read only session.created");
                assertTrue(peak <= cap + 64 * 1024, "queued output stays under the cap: " + peak);
                // sanity bounds only (the figures are printed): on a cold, loaded JVM producing and mapping 2 MiB
                // of events took 5.7 s here, the warm timeout case was cut 1.5 s after it stopped reading
                assertTrue(cutMs < 9000, "cut: " + cutMs + " ms");
                assertTrue(goneMs - cutMs < 2000, "session gone " + (goneMs - cutMs) + " ms after the cut");
            } finally {
                ch.shutdownNow();
            }
        }
    }
}
