package dev.parley.runtime.server;

/** {@link ResponseOutcomesTest}, every scenario over gRPC ({@code parley.realtime.v1.Realtime/Connect}). */
class ResponseOutcomesOverGrpcTest extends ResponseOutcomesTest {
    @Override
    EventStreamClient connect(TestServer server) throws Exception {
        return GrpcTestClient.connect(server);
    }
}
