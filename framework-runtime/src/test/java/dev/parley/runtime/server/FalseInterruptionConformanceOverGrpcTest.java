package dev.parley.runtime.server;

/** {@link FalseInterruptionConformanceTest}, every scenario over gRPC ({@code parley.realtime.v1.Realtime/Connect}). */
class FalseInterruptionConformanceOverGrpcTest extends FalseInterruptionConformanceTest {
    @Override
    EventStreamClient connect(TestServer server) throws Exception {
        return GrpcTestClient.connect(server);
    }
}
