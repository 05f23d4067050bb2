package dev.parley.runtime.server;

/** {@link VoiceTurnConformanceTest}, every scenario over gRPC ({@code parley.realtime.v1.Realtime/Connect}). */
class VoiceTurnConformanceOverGrpcTest extends VoiceTurnConformanceTest {
    @Override
    EventStreamClient connect(TestServer server) throws Exception {
        return GrpcTestClient.connect(server);
    }
}
