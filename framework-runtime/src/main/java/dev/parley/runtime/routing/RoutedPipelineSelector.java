package dev.parley.runtime.routing;

import dev.parley.api.router.RouteDecision;
import dev.parley.api.router.Router;
import dev.parley.api.router.RoutingRequest;
import dev.parley.runtime.pipeline.Pipeline;
import dev.parley.runtime.realtime.PipelineSelector;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks each new session's variant with the experiment's {@link Router} and hands out the variant's
 * {@link Pipeline}, assembled once at start (engines shared between variants). Logs and records every
 * assignment. Thread-safe: routers are stateless and the pipelines are immutable.
 *
 * <p>Live switching: {@link #pipelineFor(String)} gives the pipeline of any variant, so a session can move to
 * another variant between turns ({@link VariantSwitch}) without reconnecting.
 */
public final class RoutedPipelineSelector implements PipelineSelector, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RoutedPipelineSelector.class);

    private final String pipeline;
    private final String experiment;
    private final Router router;
    private final Pipeline base;
    private final Map<String, Pipeline> variants;
    private final List<String> variantOrder;
    private final ExperimentMetrics metrics;
    private final ExperimentRecorder recorder;
    private final AutoCloseable resources;

    /**
     * @param pipeline   the pipeline's name
     * @param experiment the experiment's name (journal file name, report title)
     * @param router     chooses variants
     * @param base       the pipeline without overrides, served if the router itself fails
     * @param variants   variant name → assembled pipeline, in declared order
     * @param metrics    this run's per-variant totals (fed through {@code recorder}), logged at close
     * @param recorder   told of every assignment; handed to the session layer by {@link #recorder()}
     * @param resources  closes every distinct engine once, and the journal
     */
    public RoutedPipelineSelector(String pipeline, String experiment, Router router, Pipeline base,
                                  Map<String, Pipeline> variants, ExperimentMetrics metrics,
                                  ExperimentRecorder recorder, AutoCloseable resources) {
        this.pipeline = pipeline;
        this.experiment = experiment;
        this.router = router;
        this.base = base;
        this.variants = Map.copyOf(variants);
        this.variantOrder = List.copyOf(variants.keySet());
        this.metrics = metrics;
        this.recorder = recorder;
        this.resources = resources;
    }

    /**
     * @throws RoutingException when the request forces a variant that does not exist (tell the client; the
     *                          message lists the variants)
     */
    @Override
    public Pipeline select(RoutingRequest request) {
        RouteDecision decision;
        try {
            decision = router.route(request);
        } catch (IllegalArgumentException e) {
            throw new RoutingException(e.getMessage(), e);
        } catch (RuntimeException e) {
            // a faulty router must not cost the user their session: serve the base pipeline and say so
            log.error("Session {}: router of pipeline {} failed ({}); serving the base pipeline",
                    request.sessionId(), pipeline, e.toString());
            recorder.assigned(request.sessionId(), pipeline, "-", "router-error");
            return base;
        }
        Pipeline chosen = decision == null ? null : variants.get(decision.variant());
        if (chosen == null) {
            log.error("Session {}: router of pipeline {} chose unknown variant {}; serving the base pipeline",
                    request.sessionId(), pipeline, decision == null ? null : decision.variant());
            recorder.assigned(request.sessionId(), pipeline, "-", "router-error");
            return base;
        }
        log.info("session {} → pipeline {} variant {} ({})", request.sessionId(), pipeline, decision.variant(),
                decision.reason());
        recorder.assigned(request.sessionId(), pipeline, decision.variant(), decision.reason());
        return chosen;
    }

    /**
     * The pipeline of {@code variant}, for moving a live session to it (between turns).
     *
     * @throws RoutingException naming the variants when there is no such variant
     */
    public Pipeline pipelineFor(String variant) {
        Pipeline p = variant == null ? null : variants.get(variant);
        if (p == null) {
            throw new RoutingException("unknown variant '" + variant + "'; pipeline " + pipeline + " has variants "
                    + String.join(", ", variantOrder));
        }
        return p;
    }

    /** The variant names, in declared order. */
    public List<String> variants() {
        return variantOrder;
    }

    public String pipelineName() {
        return pipeline;
    }

    public String experiment() {
        return experiment;
    }

    /** The recorder the session layer reports turns, barge-ins and errors to. */
    public ExperimentRecorder recorder() {
        return recorder;
    }

    /** This run's per-variant totals so far. */
    public ExperimentMetrics metrics() {
        return metrics;
    }

    /** A per-session helper for switching this session's variant between turns. */
    public VariantSwitch switchFor(String sessionId, Pipeline current) {
        return new VariantSwitch(this, sessionId, current);
    }

    @Override
    public VariantSwitch switcher(String sessionId, Pipeline current) {
        return switchFor(sessionId, current);
    }

    /**
     * Logs this run's results and closes every engine once (variants share engines, so do not call
     * {@link Pipeline#close()} on the pipelines handed out) and the journal.
     */
    @Override
    public void close() {
        if (!metrics.summaries().isEmpty()) {
            log.info("Experiment {} (pipeline {}), this run:\n{}", experiment, pipeline,
                    ExperimentReportTable.format(metrics.summaries()));
        }
        try {
            resources.close();
        } catch (Exception e) {
            log.warn("Pipeline {}: closing engines failed: {}", pipeline, e.toString());
        }
    }
}
