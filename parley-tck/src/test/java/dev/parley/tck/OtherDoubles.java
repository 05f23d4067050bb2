package dev.parley.tck;

import dev.parley.api.ComponentConfig;
import dev.parley.api.router.RouteDecision;
import dev.parley.api.router.Router;
import dev.parley.api.router.RouterProvider;
import dev.parley.api.turn.TurnDetector;
import dev.parley.api.turn.TurnDetectorProvider;
import dev.parley.api.vad.VadEngine;
import dev.parley.api.vad.VadProvider;
import dev.parley.api.vad.VadStream;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** VAD, turn-detector and router doubles for the kit's self-tests. */
final class OtherDoubles {
    private OtherDoubles() {
    }

    /** A VAD that never hears anything. */
    static final class DeafVad implements VadProvider {
        @Override
        public String id() {
            return "deaf";
        }

        @Override
        public VadEngine create(ComponentConfig config) {
            return new VadEngine() {
                @Override
                public int sampleRate() {
                    return 16_000;
                }

                @Override
                public int frameSamples() {
                    return 320;
                }

                @Override
                public VadStream open() {
                    return new VadStream() {
                        @Override
                        public float speechProbability(short[] frame) {
                            return 0f;
                        }

                        @Override
                        public void reset() {
                        }
                    };
                }
            };
        }
    }

    /** Scores by the last word: a function word means unfinished. */
    static final class LastWordTurns implements TurnDetectorProvider {
        private static final Set<String> OPEN = Set.of("the", "a", "and", "for", "to", "of", "in", "but");

        @Override
        public String id() {
            return "last-word";
        }

        @Override
        public TurnDetector create(ComponentConfig config) {
            return transcript -> {
                String[] words = transcript.trim().toLowerCase(Locale.ROOT).split("\\s+");
                String last = words[words.length - 1];
                return last.isEmpty() ? 0.5 : OPEN.contains(last) ? 0.1 : 0.8;
            };
        }
    }

    /** Returns a probability above 1 for anything ending in a question mark, and jitters. */
    static final class OutOfRangeTurns implements TurnDetectorProvider {
        @Override
        public String id() {
            return "out-of-range";
        }

        @Override
        public TurnDetector create(ComponentConfig config) {
            return transcript -> transcript.endsWith("?") ? 1.5 : ThreadLocalRandom.current().nextDouble();
        }
    }

    static final List<String> VARIANTS = List.of("control", "treatment");

    /** Hashes the user key (or the session id). */
    static final class HashRouter implements RouterProvider {
        @Override
        public String id() {
            return "hash";
        }

        @Override
        public Router create(ComponentConfig config) {
            return request -> {
                String key = request.userKey() != null ? request.userKey() : request.sessionId();
                return new RouteDecision(VARIANTS.get(Math.floorMod(key.hashCode(), VARIANTS.size())), "weighted");
            };
        }
    }

    /** Picks at random. */
    static final class RandomRouter implements RouterProvider {
        @Override
        public String id() {
            return "random";
        }

        @Override
        public Router create(ComponentConfig config) {
            return request -> new RouteDecision(VARIANTS.get(ThreadLocalRandom.current().nextInt(VARIANTS.size())),
                    "weighted");
        }
    }
}
