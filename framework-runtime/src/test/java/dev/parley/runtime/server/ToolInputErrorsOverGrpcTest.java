package dev.parley.runtime.server;

/** {@link ToolInputErrorsTest}, every scenario over gRPC ({@code parley.realtime.v1.Realtime/Connect}). */
class ToolInputErrorsOverGrpcTest extends ToolInputErrorsTest {
    @Override
    EventStreamClient connect(TestServer server) throws Exception {
        return GrpcTestClient.connect(server);
    }
}
