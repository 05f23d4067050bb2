package dev.parley.runtime.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.api.ComponentConfig;
import dev.parley.api.router.RouteDecision;
import dev.parley.api.router.Router;
import dev.parley.api.router.RoutingRequest;
import dev.parley.runtime.pipeline.Pipeline;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What the selector does around its router: errors for the client, fallback when the router itself breaks. */
class RoutedPipelineSelectorTest {
    private final Pipeline base = pipeline(null);
    private final Pipeline a = pipeline("A");
    private final Pipeline b = pipeline("B");
    private final ExperimentMetrics metrics = new ExperimentMetrics();
    private final AtomicInteger closed = new AtomicInteger();

    private static Pipeline pipeline(String variant) {
        return new Pipeline("ab-test", variant, 16000, true, null, null, null, null, null, ComponentConfig.empty());
    }

    private RoutedPipelineSelector selector(Router router) {
        Map<String, Pipeline> variants = new LinkedHashMap<>();
        variants.put("A", a);
        variants.put("B", b);
        return new RoutedPipelineSelector("ab-test", "voice-test", router, base, variants, metrics, metrics,
                closed::incrementAndGet);
    }

    private static RoutingRequest request(String session) {
        return new RoutingRequest(session, null, Map.of(), Map.of(), Map.of());
    }

    @Test
    void servesTheChosenVariantAndRecordsTheAssignment() {
        RoutedPipelineSelector s = selector(r -> new RouteDecision("B", "weighted"));
        assertSame(b, s.select(request("sess_1")));
        assertEquals(1, metrics.summaries().get(0).sessions());
        assertEquals(List.of("A", "B"), s.variants());
    }

    @Test
    void aRefusedRequestIsARoutingExceptionForTheClient() {
        RoutedPipelineSelector s = selector(r -> {
            throw new IllegalArgumentException("unknown variant 'Z' requested by ?variant=; experiment has A, B");
        });
        assertEquals("unknown variant 'Z' requested by ?variant=; experiment has A, B",
                assertThrows(RoutingException.class, () -> s.select(request("sess_1"))).getMessage());
    }

    @Test
    void aBrokenRouterCostsNoSessionTheBasePipelineServes() {
        assertSame(base, selector(r -> {
            throw new IllegalStateException("bug");
        }).select(request("sess_1")));
        assertSame(base, selector(r -> new RouteDecision("C", "weighted")).select(request("sess_2")));
        assertSame(base, selector(r -> null).select(request("sess_3")));
        VariantSummary fallback = metrics.summaries().get(0);
        assertEquals("-", fallback.variant());
        assertEquals(3, fallback.sessions());
    }

    @Test
    void switchingToAnUnknownVariantNamesTheChoices() {
        RoutedPipelineSelector s = selector(r -> new RouteDecision("A", "weighted"));
        assertEquals("unknown variant 'C'; pipeline ab-test has variants A, B",
                assertThrows(RoutingException.class, () -> s.pipelineFor("C")).getMessage());
        assertSame(a, s.pipelineFor("A"));
    }

    @Test
    void closeReleasesTheSharedResourcesOnce() {
        RoutedPipelineSelector s = selector(r -> new RouteDecision("A", "weighted"));
        s.select(request("sess_1"));
        s.close();
        assertEquals(1, closed.get());
    }
}
