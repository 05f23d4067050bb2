package dev.parley.runtime.realtime;

import dev.parley.runtime.conversation.Ids;
import dev.parley.runtime.engine.ResponseTiming;
import dev.parley.runtime.engine.ResponseTiming.Stage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extension event {@code parley.response.timing}, sent after {@code response.done} (clients ignore unknown
 * events): every stage reached, in ms after the first mark, and the time to first audio (or text) — from the
 * end of the user's turn when known, else from the request to the model.
 */
final class TimingReport {
    private static final Logger log = LoggerFactory.getLogger(TimingReport.class);

    private TimingReport() {
    }

    static void send(EventEmitter out, String responseId, ResponseTiming timing) {
        Map<String, Double> rel = timing.relativeMillis();
        Map<String, Double> stages = new LinkedHashMap<>();
        rel.forEach((k, v) -> stages.put(k, round(v)));
        Double ttfa = ttfa(timing);
        out.send(new ServerEvent.Timing(out.type("parley.response.timing"), Ids.event(), responseId, stages,
                ttfa == null ? null : round(ttfa)));
        try (org.slf4j.MDC.MDCCloseable ignored = org.slf4j.MDC.putCloseable(
                dev.parley.runtime.engine.LogKeys.RESPONSE_ID, responseId)) {
            log.info("Response {} timing: ttfa={} ms stages={}", responseId, ttfa == null ? "-" : round(ttfa), rel);
        }
    }

    static Double ttfa(ResponseTiming t) {
        for (Stage from : new Stage[] {Stage.SPEECH_END, Stage.TURN_DECIDED, Stage.LLM_REQUEST}) {
            Double d = t.millisBetween(from, Stage.FIRST_DELTA_SENT);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    /** From the end of the user's turn to the first audio sent; NaN for text-only or manually started responses. */
    static double voiceTtfa(ResponseTiming t, boolean audio) {
        if (!audio) {
            return Double.NaN;
        }
        for (Stage from : new Stage[] {Stage.SPEECH_END, Stage.TURN_DECIDED}) {
            Double d = t.millisBetween(from, Stage.FIRST_DELTA_SENT);
            if (d != null) {
                return d;
            }
        }
        return Double.NaN;
    }

    private static double round(double ms) {
        return Math.round(ms * 10) / 10.0;
    }
}
