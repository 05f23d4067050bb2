package dev.parley.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Set-up shared by the protocol tests over the scripted engine: a fresh {@link TestServer} and one connected
 * {@link RealtimeTestClient} per test, its {@code session.created} already read (kept in {@link #sessionCreated}).
 * Subclasses add their own {@code @BeforeEach} (it runs after this one), e.g. to take the session's scripted engine.
 */
abstract class ConnectedClientFixture {
    TestServer server;
    EventStreamClient client;
    /** The first event of the session. */
    JsonNode sessionCreated;

    @BeforeEach
    void startServerAndConnect() throws Exception {
        server = new TestServer();
        client = connect(server);
        sessionCreated = client.expect("session.created");
    }

    /** The session's client; the gRPC runs of the conformance tests override it. */
    EventStreamClient connect(TestServer server) throws Exception {
        return RealtimeTestClient.connect(server.url());
    }

    @AfterEach
    void closeClientAndServer() {
        client.close();
        server.close();
    }
}
