package dev.parley.runtime.pipeline;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EnvInterpolatorTest {
    private final EnvInterpolator env = new EnvInterpolator(Map.of("HOST", "example", "EMPTY", "", "PORT", "9000")::get);

    @Test
    void expandsVariablesAndDefaults() {
        assertEquals("http://example:9000/v1", env.interpolate("http://${HOST}:${PORT:-80}/v1"));
        assertEquals("fallback", env.interpolate("${MISSING:-fallback}"));
        assertEquals("", env.interpolate("${MISSING:-}"));
        assertEquals("used", env.interpolate("${EMPTY:-used}"), "an empty variable takes the default, like the shell");
        assertEquals("", env.interpolate("${EMPTY}"), "a set but empty variable is not an error");
        assertEquals("example", env.interpolate("${MISSING:-${HOST}}"), "defaults may nest");
        assertEquals("literal ${HOST}", env.interpolate("literal $${HOST}"));
        assertEquals("no placeholders $ here", env.interpolate("no placeholders $ here"));
    }

    @Test
    void aMissingVariableWithoutDefaultSaysHowToFixIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.interpolate("${API_KEY}"));
        assertEquals("environment variable API_KEY is not set and has no default; set it or write ${API_KEY:-default}",
                e.getMessage());
    }

    @Test
    void malformedPlaceholdersAreErrors() {
        assertEquals("unterminated placeholder '${HOST': a '}' is missing",
                assertThrows(IllegalArgumentException.class, () -> env.interpolate("x${HOST")).getMessage());
        assertEquals("bad placeholder '${1X}': write ${NAME} or ${NAME:-default} where NAME is letters, digits and"
                + " underscores", assertThrows(IllegalArgumentException.class, () -> env.interpolate("${1X}")).getMessage());
    }
}
