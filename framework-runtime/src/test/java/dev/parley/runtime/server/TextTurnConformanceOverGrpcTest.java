package dev.parley.runtime.server;

/** {@link TextTurnConformanceTest}, every scenario over gRPC ({@code parley.realtime.v1.Realtime/Connect}). */
class TextTurnConformanceOverGrpcTest extends TextTurnConformanceTest {
    @Override
    EventStreamClient connect(TestServer server) throws Exception {
        return GrpcTestClient.connect(server);
    }
}
