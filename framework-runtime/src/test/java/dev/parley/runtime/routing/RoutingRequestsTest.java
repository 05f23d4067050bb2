package dev.parley.runtime.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.parley.api.router.RoutingRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingRequestsTest {
    @Test
    void userKeyComesFromQueryThenHeaderThenMetadata() {
        Map<String, String> headers = Map.of("X-Parley-User", "hdr", "Origin", "x");
        Map<String, String> meta = Map.of("user_id", "meta");
        assertEquals("q", RoutingRequests.of("s", headers, Map.of("user", "q"), meta).userKey());
        assertEquals("hdr", RoutingRequests.of("s", headers, Map.of("user", " "), meta).userKey());
        assertEquals("meta", RoutingRequests.of("s", Map.of(), Map.of(), meta).userKey());
        assertEquals("m2", RoutingRequests.of("s", null, null, Map.of("user", " m2 ")).userKey());
        RoutingRequest anon = RoutingRequests.of("sess_1", null, null, null);
        assertNull(anon.userKey());
        assertEquals("sess_1", anon.sessionId());
    }

    @Test
    void headerNamesAreLowerCased() {
        assertEquals(Map.of("x-parley-user", "hdr", "x-team", "qa"),
                RoutingRequests.of("s", Map.of("X-Parley-User", "hdr", "X-Team", "qa"), null, null).headers());
    }
}
