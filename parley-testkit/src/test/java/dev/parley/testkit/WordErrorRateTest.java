package dev.parley.testkit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WordErrorRateTest {
    @Test
    void countsSubstitutionsDeletionsAndInsertions() {
        assertEquals(0.0, WordErrorRate.of("the cat sat", "The cat, sat."));
        assertEquals(1.0 / 3, WordErrorRate.of("the cat sat", "the dog sat"), 1e-9);
        assertEquals(1.0 / 3, WordErrorRate.of("the cat sat", "the sat"), 1e-9);
        assertEquals(2.0 / 3, WordErrorRate.of("the cat sat", "oh the cat sat down"), 1e-9);
        assertEquals(1.0, WordErrorRate.of("the cat sat", ""));
        assertEquals(0.0, WordErrorRate.of("", ""));
    }
}
