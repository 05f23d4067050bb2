package dev.parley.runtime.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The meters one session writes to, resolved once for its pipeline and variant (again after a variant switch),
 * so an event costs a field read and an increment, not a registry lookup.
 */
record VariantMeters(Tags tags, Counter turns, Counter bargeIns, Counter falseInterruptions, Counter audioIn,
                     Counter audioOut, Timer ttfa, Timer turnDecision, Timer sttFinal, Timer llmFirstToken,
                     Timer firstClause, Timer ttsFirstAudio, Timer framework) {

    static VariantMeters of(MeterRegistry r, String pipeline, String variant) {
        Tags t = Tags.of("pipeline", pipeline, "variant", variant);
        return new VariantMeters(t,
                Counter.builder("parley.turns").description("User turns committed (voice or manual commit)")
                        .tags(t).register(r),
                Counter.builder("parley.barge.ins").description("Responses cut off by the user speaking")
                        .tags(t).register(r),
                Counter.builder("parley.false.interruptions")
                        .description("Interruptions judged false: the held answer resumed").tags(t).register(r),
                Counter.builder("parley.audio.input.seconds").description("Committed input audio, seconds")
                        .tags(t).register(r),
                Counter.builder("parley.audio.output.seconds").description("Output audio sent, seconds")
                        .tags(t).register(r),
                latency(r, "parley.time.to.first.audio", "From the end of the user's turn to the first audio sent", t),
                stage(r, "turn_decision", t), stage(r, "stt_final", t), stage(r, "llm_first_token", t),
                stage(r, "first_clause", t), stage(r, "tts_first_audio", t), stage(r, "framework", t));
    }

    private static Timer stage(MeterRegistry r, String stage, Tags t) {
        return latency(r, "parley.response.stage", "Per-stage latency of a response (ResponseTiming stages)",
                t.and("stage", stage));
    }

    private static Timer latency(MeterRegistry r, String name, String description, Tags t) {
        return Timer.builder(name).description(description).tags(t)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(r);
    }
}
