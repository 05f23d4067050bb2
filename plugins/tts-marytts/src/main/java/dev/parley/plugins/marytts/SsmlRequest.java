package dev.parley.plugins.marytts;

import java.io.StringReader;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * Builds the SSML document for one piece of text. Speed and pitch go through SSML {@code <prosody>}: with HSMM
 * voices MaryTTS applies them to the acoustic parameters before vocoding (its {@code Rate}/{@code F0Scale} audio
 * effects do not change HSMM output here, measured), so the audio still streams while it is read.
 */
final class SsmlRequest {
    /** Shared: every synthesis runs on a fresh thread, so a per-thread factory would be rebuilt each time. */
    private static final DocumentBuilderFactory FACTORY = namespaceAwareFactory();

    private SsmlRequest() {
    }

    /**
     * @param speed rate multiplier (1 = normal)
     * @param pitch semitones (0 = the voice's own pitch)
     */
    static String ssml(String text, String maryVoice, double speed, double pitch) {
        StringBuilder sb = new StringBuilder(text.length() + 200);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .append("<speak version=\"1.0\" xmlns=\"http://www.w3.org/2001/10/synthesis\" xml:lang=\"en-US\">")
                .append("<voice name=\"").append(escape(maryVoice)).append("\">");
        boolean prosody = Math.abs(speed - 1) > 1e-3 || Math.abs(pitch) > 1e-3;
        if (prosody) {
            sb.append(String.format(Locale.ROOT, "<prosody rate=\"%+.1f%%\" pitch=\"%+.2fst\">",
                    ratePercent(speed), pitch));
        }
        sb.append(escape(text));
        if (prosody) {
            sb.append("</prosody>");
        }
        return sb.append("</voice></speak>").toString();
    }

    /**
     * MaryTTS scales each phone's duration linearly: {@code rate="+x%"} gives {@code d·(1−x/100)} and
     * {@code "-x%"} gives {@code d·(1+x/100)} (read from its ProsodyElementHandler, then measured). For a speed
     * {@code s} the duration factor must be {@code 1/s}, so x = 100·(1 − 1/s) in both directions.
     */
    static double ratePercent(double speed) {
        return 100 * (1 - 1 / speed);
    }

    static Document document(String text, String maryVoice, double speed, double pitch) {
        try {
            DocumentBuilder builder;
            synchronized (FACTORY) { // the factory is not specified as thread-safe; builders are per call
                builder = FACTORY.newDocumentBuilder();
            }
            return builder.parse(new InputSource(new StringReader(ssml(text, maryVoice, speed, pitch))));
        } catch (ParserConfigurationException | org.xml.sax.SAXException | java.io.IOException e) {
            throw new IllegalStateException("could not build SSML for MaryTTS: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilderFactory namespaceAwareFactory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f;
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> {
                    // XML 1.0 forbids most control characters; they carry nothing speakable anyway.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
