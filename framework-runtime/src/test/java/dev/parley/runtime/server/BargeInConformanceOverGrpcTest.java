package dev.parley.runtime.server;

/** {@link BargeInConformanceTest}, every scenario over gRPC ({@code parley.realtime.v1.Realtime/Connect}). */
class BargeInConformanceOverGrpcTest extends BargeInConformanceTest {
    @Override
    EventStreamClient connect(TestServer server) throws Exception {
        return GrpcTestClient.connect(server);
    }
}
