package dev.parley.plugins.marytts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SsmlRequestTest {
    @Test
    void plainSpeechHasNoProsody() {
        String s = SsmlRequest.ssml("Hi.", "cmu-slt-hsmm", 1.0, 0);
        assertTrue(s.endsWith("<voice name=\"cmu-slt-hsmm\">Hi.</voice></speak>"), s);
    }

    @Test
    void speedAndPitchBecomeProsody() {
        assertTrue(SsmlRequest.ssml("Hi.", "v", 1.5, -7).contains("<prosody rate=\"+33.3%\" pitch=\"-7.00st\">Hi.</prosody>"));
        assertTrue(SsmlRequest.ssml("Hi.", "v", 0.5, 2).contains("<prosody rate=\"-100.0%\" pitch=\"+2.00st\">"));
    }

    @Test
    void ratePercentGivesDurationFactorOneOverSpeed() {
        for (double speed : new double[] {0.25, 0.5, 1.0, 1.25, 1.5}) {
            double p = SsmlRequest.ratePercent(speed);
            double factor = p >= 0 ? 1 - p / 100 : 1 + (-p) / 100; // MaryTTS' rule for "+p%" and "-p%"
            assertEquals(1 / speed, factor, 1e-9, "speed " + speed);
        }
    }

    @Test
    void textIsEscapedAndControlCharactersDropped() {
        String s = SsmlRequest.ssml("a < b & \"c\"\u0007", "v", 1, 0);
        assertTrue(s.contains(">a &lt; b &amp; &quot;c&quot;</voice>"), s);
        SsmlRequest.document("a < b & \"c\"\u0007", "v", 1, 0); // parses
    }
}
