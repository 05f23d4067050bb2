package dev.parley.runtime.realtime;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Jazzer target for the client-event decoder: any text frame is either decoded into a typed event or refused
 * with a {@link ProtocolException} (which the session sends as an {@code error} event with its code). Any other
 * exception would reach the session's catch-all as an {@code internal_error}, and is a finding.
 *
 * <p>{@code ./parley test} replays the seeds and the kept findings under
 * {@code src/test/resources/dev/parley/runtime/realtime/ClientEventDecoderFuzzTestInputs/decode/};
 * {@code ./parley fuzz --minutes N} fuzzes it (JAZZER_FUZZ=1).
 */
class ClientEventDecoderFuzzTest {
    @FuzzTest(maxDuration = "10s")
    void decode(FuzzedDataProvider data) {
        Dialect dialect = data.consumeBoolean() ? Dialect.BETA : Dialect.GA;
        String text = data.consumeRemainingAsString();
        ClientEventDecoder decoder = new ClientEventDecoder(dialect);
        try {
            ObjectNode node = decoder.parse(text);
            assertNotNull(decoder.validate(node), "a decoded event");
        } catch (ProtocolException refused) {
            assertNotNull(refused.code() != null ? refused.code() : refused.type(), "an error with a code or type");
            assertNotNull(refused.getMessage(), "an error message");
        }
    }
}
