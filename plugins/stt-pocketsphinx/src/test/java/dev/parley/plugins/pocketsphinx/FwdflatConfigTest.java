package dev.parley.plugins.pocketsphinx;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;
import dev.parley.api.stt.SttEngine;
import dev.parley.api.stt.SttStream;
import dev.parley.testing.RecordingSttListener;
import dev.parley.testing.SpeechFixtures;
import dev.parley.testing.SttFeed;
import dev.parley.testkit.WordErrorRate;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code fwdflat} key: read, passed to the decoder, and a decoder without the second pass still transcribes. */
class FwdflatConfigTest {

    private static List<String> args(Map<String, ?> values) {
        PocketsphinxTestSupport.requireModel();
        return Arrays.asList(PocketsphinxConfig.from(new ComponentConfig(values, "test")).decoderArgs());
    }

    private static String flag(List<String> args) {
        return args.get(args.indexOf("-fwdflat") + 1);
    }

    @Test
    void secondPassIsOnByDefaultAndOffWhenAsked() {
        assertEquals("yes", flag(args(Map.of())));
        assertEquals("no", flag(args(Map.of("fwdflat", false))));
        assertEquals("yes", flag(args(Map.of("fwdflat", "on"))));
    }

    @Test
    void aValueThatIsNotABooleanIsAConfigError() {
        ConfigException e = assertThrows(ConfigException.class, () -> args(Map.of("fwdflat", "maybe")));
        assertTrue(e.getMessage().contains("fwdflat"), e.getMessage());
    }

    @Test
    void decoderWithoutSecondPassTranscribes() throws Exception {
        SpeechFixtures.Fixture weather = SpeechFixtures.all().stream()
                .filter(f -> f.file().startsWith("weather")).findFirst().orElseThrow();
        try (SttEngine engine = PocketsphinxTestSupport.engine(Map.of("fwdflat", false))) {
            RecordingSttListener l = new RecordingSttListener();
            SttStream s = engine.open(l);
            SttFeed.feed(s, weather.samples(), 40);
            s.endUtterance();
            String text = l.awaitFinal(30);
            s.cancel();
            double wer = WordErrorRate.of(weather.text(), text);
            assertTrue(wer <= 0.5, "fwdtree-only final '" + text + "' vs '" + weather.text() + "': WER " + wer);
        }
    }
}
