package dev.parley.runtime.realtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer target for the streaming append parser: it never throws, and whatever it accepts the general path
 * ({@link ClientEventDecoder} + {@link AudioPayload}) accepts too, with the same audio and event id — so a frame it
 * lets through can never skip an {@code error} the general path would have sent. What it declines goes to the
 * general path, which {@link ClientEventDecoderFuzzTest} covers.
 *
 * <p>Seeds and kept findings: {@code src/test/resources/dev/parley/runtime/realtime/AppendEventReaderFuzzTestInputs/read/}.
 */
class AppendEventReaderFuzzTest {
    private final AppendEventReader reader = new AppendEventReader();

    @FuzzTest(maxDuration = "10s")
    void read(byte[] frame) {
        if (!utf8(frame)) {
            return; // the transport closes 1007 before any parser sees it (RealtimeFrameHandler)
        }
        byte[] audio = reader.read(frame);
        if (audio == null) {
            return;
        }
        ClientEventDecoder general = new ClientEventDecoder(Dialect.GA);
        ClientEvent event = general.validate(general.parse(new String(frame, StandardCharsets.UTF_8)));
        assertTrue(event instanceof ClientEvent.AudioAppend, "the general path reads an append: " + event);
        ClientEvent.AudioAppend append = (ClientEvent.AudioAppend) event;
        assertArrayEquals(append.audio(), audio, "the same audio");
        assertEquals(append.eventId(), reader.eventId(), "the same event id");
    }

    private static boolean utf8(byte[] frame) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(frame));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }
}
