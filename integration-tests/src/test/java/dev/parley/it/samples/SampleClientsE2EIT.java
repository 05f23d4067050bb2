package dev.parley.it.samples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.it.RepoPaths;
import dev.parley.it.e2e.ParleyServeProcess;
import dev.parley.it.e2e.SharedServe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * samples/node-client and samples/python-client, run as their READMEs say against {@code parley serve
 * --tls-self-signed} on the default pipeline: each holds a spoken turn from a recorded question and writes the
 * answer WAV, which must speak the answer.
 */
class SampleClientsE2EIT {
    @RegisterExtension
    static final SharedServe SERVE = new SharedServe("--tls-self-signed");
    static ParleyServeProcess server;
    static Path out;
    static Path ca;

    @BeforeAll
    static void start() throws Exception {
        server = SERVE.server();
        out = Files.createDirectories(RepoPaths.root().resolve("integration-tests/target/sample-clients"));
        ca = SampleRuns.certificateCopy(server, out);
    }

    @Test
    void nodeClientHoldsASpokenTurnAndWritesTheAnswer() throws Exception {
        Path answer = out.resolve("node-answer.wav");
        Commands.Result r = SampleRuns.nodeSpokenTurn(server, ca, SpokenAnswer.question("weather-slt.wav"), answer);
        JsonNode summary = SpokenAnswer.summary(r);
        SpokenAnswer.assertTurn("node-client", summary, answer, "weather");
    }

    @Test
    void pythonClientHoldsASpokenTurnAndWritesTheAnswer() throws Exception {
        Path answer = out.resolve("python-answer.wav");
        Commands.Result r = SampleRuns.pythonSpokenTurn(server, ca, SpokenAnswer.question("table-rms.wav"), answer);
        JsonNode summary = SpokenAnswer.summary(r);
        SpokenAnswer.assertTurn("python-client", summary, answer, "table");
    }
}
