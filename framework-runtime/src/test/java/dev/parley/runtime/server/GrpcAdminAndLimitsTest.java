package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.grpc.admin.v1.AdminGrpc;
import dev.parley.grpc.admin.v1.CloseSessionRequest;
import dev.parley.grpc.admin.v1.DrainRequest;
import dev.parley.grpc.admin.v1.ListPipelinesRequest;
import dev.parley.grpc.admin.v1.ListSessionsRequest;
import dev.parley.grpc.admin.v1.ListSessionsResponse;
import dev.parley.grpc.admin.v1.Session;
import dev.parley.runtime.grpc.GrpcServer;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The admin service behind its own key, and the limits gRPC shares with the WebSocket: one {@code --max-sessions}
 * for both transports ({@code RESOURCE_EXHAUSTED} on gRPC), API keys checked before a call starts.
 */
class GrpcAdminAndLimitsTest {
    static final String ADMIN = "admin-secret-key";

    static ServerOptions options(int maxSessions, List<String> keys) {
        return TestServer.options(keys).withKeyPolicy(new KeyPolicy(null, true, 1, ADMIN))
                .withLimits(ServerLimits.defaults().withMaxSessions(maxSessions, 0));
    }

    static AdminGrpc.AdminBlockingStub admin(ManagedChannel ch, String key) {
        Metadata md = new Metadata();
        md.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + key);
        return AdminGrpc.newBlockingStub(ch).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(md));
    }

    @Test
    void adminListsBothTransportsSessionsClosesOneAndDrains() throws Exception {
        try (TestServer server = new TestServer(options(0, List.of()));
             RealtimeTestClient ws = RealtimeTestClient.connect(server.url());
             GrpcTestClient grpc = GrpcTestClient.connect(server)) {
            ws.expect("session.created");
            String grpcId = grpc.expect("session.created").at("/session/id").asText();
            ManagedChannel ch = NettyChannelBuilder.forAddress("127.0.0.1", grpc.port()).usePlaintext().build();
            try {
                StatusRuntimeException wrong = assertThrows(StatusRuntimeException.class,
                        () -> admin(ch, "sk-not-admin").listSessions(ListSessionsRequest.getDefaultInstance()));
                assertEquals(Status.Code.UNAUTHENTICATED, wrong.getStatus().getCode());

                ListSessionsResponse listed = admin(ch, ADMIN).listSessions(ListSessionsRequest.getDefaultInstance());
                assertEquals(List.of("grpc", "websocket"), listed.getSessionsList().stream()
                        .map(Session::getTransport).sorted().toList(), listed.toString());
                Session g = listed.getSessionsList().stream().filter(s -> s.getTransport().equals("grpc"))
                        .findFirst().orElseThrow();
                assertEquals(grpcId, g.getId());
                assertEquals("test", g.getPipeline());
                assertEquals("A", g.getVariant());
                assertEquals("IDLE", g.getState());
                assertTrue(g.getAgeMs() >= 0, g.toString());
                // the test server describes no pipelines (ServerInfo.minimal()): the call answers, empty
                assertEquals(0, admin(ch, ADMIN).listPipelines(ListPipelinesRequest.getDefaultInstance())
                        .getPipelinesCount());

                admin(ch, ADMIN).closeSession(CloseSessionRequest.newBuilder().setSessionId(grpcId).build());
                JsonNode closed = grpc.await("error");
                assertEquals("session_closed", closed.at("/error/code").asText());
                assertEquals(0, grpc.awaitClose().code(), "the stream completed OK");
                StatusRuntimeException gone = assertThrows(StatusRuntimeException.class, () -> admin(ch, ADMIN)
                        .closeSession(CloseSessionRequest.newBuilder().setSessionId(grpcId).build()));
                assertEquals(Status.Code.NOT_FOUND, gone.getStatus().getCode());

                admin(ch, ADMIN).drain(DrainRequest.newBuilder().setReason("test").build());
                assertEquals("server_shutting_down", ws.await("error").at("/error/code").asText());
                server.server.drained().get(10, java.util.concurrent.TimeUnit.SECONDS);
                try (GrpcTestClient late = GrpcTestClient.connect(server)) {
                    EventStreamClient.Close c = late.awaitClose();
                    assertEquals(Status.Code.UNAVAILABLE.value(), c.code(), c.reason());
                }
            } finally {
                ch.shutdownNow();
            }
        }
    }

    @Test
    void webSocketAndGrpcShareOneSessionLimit() throws Exception {
        try (TestServer server = new TestServer(options(1, List.of()));
             RealtimeTestClient ws = RealtimeTestClient.connect(server.url())) {
            ws.expect("session.created");
            try (GrpcTestClient second = GrpcTestClient.connect(server)) {
                EventStreamClient.Close c = second.awaitClose();
                assertEquals(Status.Code.RESOURCE_EXHAUSTED.value(), c.code(), c.reason());
                assertTrue(c.reason().contains("limit of 1 sessions"), c.reason());
            }
        }
    }

    @Test
    void aMissingOrWrongApiKeyIsUnauthenticatedAndARightOneOpensTheSession() throws Exception {
        try (TestServer server = new TestServer(options(0, List.of("sk-right")))) {
            try (GrpcTestClient none = GrpcTestClient.connect(server)) {
                EventStreamClient.Close c = none.awaitClose();
                assertEquals(Status.Code.UNAUTHENTICATED.value(), c.code(), c.reason());
                assertTrue(c.reason().contains("Missing bearer"), c.reason());
            }
            try (GrpcTestClient wrong = GrpcTestClient.connect(server, Map.of("authorization", "Bearer sk-wrong"))) {
                assertEquals(Status.Code.UNAUTHENTICATED.value(), wrong.awaitClose().code());
            }
            try (GrpcTestClient right = GrpcTestClient.connect(server, Map.of("authorization", "Bearer sk-right",
                    "x-parley-model", "gpt-realtime"))) {
                right.expect("session.created");
            }
        }
    }
}
