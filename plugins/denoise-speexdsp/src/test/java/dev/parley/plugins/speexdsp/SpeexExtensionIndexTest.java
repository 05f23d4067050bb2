package dev.parley.plugins.speexdsp;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** PF4J finds extensions through META-INF/extensions.idx, written by pf4j's annotation processor at compile time. */
class SpeexExtensionIndexTest {
    @Test
    void providerIsListedInThePf4jExtensionIndex() throws Exception {
        List<String> lines = Collections.list(getClass().getClassLoader().getResources("META-INF/extensions.idx"))
                .stream().map(url -> {
                    try (InputStream in = url.openStream()) {
                        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).collect(Collectors.toList());
        assertTrue(lines.stream().anyMatch(s -> s.contains(SpeexDenoiseProvider.class.getName())),
                "SpeexDenoiseProvider missing from META-INF/extensions.idx: " + lines);
    }
}
