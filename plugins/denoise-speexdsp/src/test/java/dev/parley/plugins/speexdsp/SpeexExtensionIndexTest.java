package dev.parley.plugins.speexdsp;

import dev.parley.tck.ExtensionIndex;
import org.junit.jupiter.api.Test;

/** PF4J finds extensions through META-INF/extensions.idx, written by pf4j's annotation processor at compile time. */
class SpeexExtensionIndexTest {
    @Test
    void providerIsListedInThePf4jExtensionIndex() {
        ExtensionIndex.assertListed(SpeexDenoiseProvider.class);
    }
}
