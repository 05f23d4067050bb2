package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.runtime.grpc.GrpcServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code serve --tls-self-signed --grpc-port N}: the gRPC port serves TLS with the WebSocket's generated certificate,
 * so a client that trusts that certificate holds a turn, and a plaintext client gets no answer.
 */
class GrpcTlsTest {
    @Test
    void selfSignedTlsCoversTheGrpcPortToo() throws Exception {
        try (TestServer server = new TestServer(TestServer.options(java.util.List.of()).withTlsSelfSigned(true))) {
            Path pem = server.server.certificatePem().orElseThrow();
            try (GrpcTestClient client = GrpcTestClient.connectTls(server, pem)) {
                JsonNode created = client.await("session.created");
                assertTrue(created.at("/session/id").asText().startsWith("sess_"), created.toString());
                client.send(TextTurnConformanceTest.USER_TEXT);
                client.send(TextTurnConformanceTest.TEXT_RESPONSE);
                JsonNode done = client.await("response.done").path("response");
                assertEquals("completed", done.path("status").asText(), done.toString());
                assertEquals("You said: hello there", done.at("/output/0/content/0/text").asText());
            }
            try (GrpcServer grpc = GrpcServer.start(server.server.transports(), "127.0.0.1", 0)) {
                assertTrue(grpc.listeningLine().contains("https://"), grpc.listeningLine());
            }
            try (GrpcTestClient plain = GrpcTestClient.connect(server)) {
                EventStreamClient.Close refused = plain.awaitClose();
                assertTrue(refused.code() != 0, "a plaintext client is not served: " + refused);
            }
        }
    }
}
