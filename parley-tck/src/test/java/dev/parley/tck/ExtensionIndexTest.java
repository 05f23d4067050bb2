package dev.parley.tck;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The index check fails, naming the class and what the indexes hold, for a class no index lists. */
class ExtensionIndexTest {
    @Test
    void aClassNoIndexListsFailsWithItsName() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> ExtensionIndex.assertListed(ExtensionIndexTest.class));
        assertTrue(e.getMessage().startsWith("ExtensionIndexTest missing from META-INF/extensions.idx: "),
                e.getMessage());
    }
}
