package dev.parley.tck;

import dev.parley.api.ComponentConfig;
import dev.parley.api.audio.AudioChunk;
import dev.parley.api.stt.SttEngine;
import dev.parley.api.stt.SttListener;
import dev.parley.api.stt.SttProvider;
import dev.parley.api.stt.SttStream;
import dev.parley.api.stt.SttWorker;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * STT doubles for the kit's self-tests. The "recogniser" reports how much loud audio it heard; what matters
 * here is the threading and the callback discipline, not the words.
 */
final class SttDoubles {
    private SttDoubles() {
    }

    /** Counts loud samples on an {@link SttWorker}, as the SPI recommends: passes the suite. */
    static final class WellBehaved implements SttProvider {
        @Override
        public String id() {
            return "well-behaved-stt";
        }

        @Override
        public SttEngine create(ComponentConfig config) {
            return new SttEngine() {
                @Override
                public int sampleRate() {
                    return 16_000;
                }

                @Override
                public SttStream open(SttListener listener) {
                    return new WorkerStream(listener);
                }
            };
        }
    }

    private static final class WorkerStream implements SttStream {
        private final SttWorker worker;
        private long loudSamples; // confined to the worker thread

        WorkerStream(SttListener listener) {
            worker = new SttWorker("tck-double-stt", listener);
        }

        @Override
        public void accept(AudioChunk chunk) {
            worker.submit(gen -> {
                for (short s : chunk.samples()) {
                    if (Math.abs(s) > 1000) {
                        loudSamples++;
                    }
                }
                Thread.sleep(1); // a decoder takes time; the caller must not wait for it
                worker.deliver(gen, l -> l.onPartial("loud " + loudSamples));
            }, () -> loudSamples = 0);
        }

        @Override
        public void endUtterance() {
            worker.submit(gen -> {
                String text = loudSamples > 0 ? "heard " + loudSamples + " loud samples" : "";
                loudSamples = 0;
                worker.deliver(gen, l -> l.onFinal(text));
            }, () -> loudSamples = 0);
        }

        @Override
        public void reset() {
            worker.dropUtterance(() -> loudSamples = 0);
        }

        @Override
        public void cancel() {
            worker.cancel(() -> loudSamples = 0);
        }
    }

    /** Delivers the final 50 ms after {@code endUtterance()} from a timer and ignores cancel and reset. */
    static final class CallsBackAfterCancel implements SttProvider {
        @Override
        public String id() {
            return "calls-back-after-cancel";
        }

        @Override
        public SttEngine create(ComponentConfig config) {
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "tck-broken-stt");
                t.setDaemon(true);
                return t;
            });
            return new SttEngine() {
                @Override
                public int sampleRate() {
                    return 16_000;
                }

                @Override
                public SttStream open(SttListener listener) {
                    return new SttStream() {
                        @Override
                        public void accept(AudioChunk chunk) {
                            timer.schedule(() -> listener.onPartial("something"), 50, TimeUnit.MILLISECONDS);
                        }

                        @Override
                        public void endUtterance() {
                            timer.schedule(() -> listener.onFinal("something"), 50, TimeUnit.MILLISECONDS);
                        }

                        @Override
                        public void reset() {
                        }

                        @Override
                        public void cancel() {
                        }
                    };
                }

                @Override
                public void close() {
                    timer.shutdownNow();
                }
            };
        }
    }

    /** Decodes on the caller's thread, slowly. */
    static final class BlocksTheCaller implements SttProvider {
        @Override
        public String id() {
            return "blocks-the-caller";
        }

        @Override
        public SttEngine create(ComponentConfig config) {
            return new SttEngine() {
                @Override
                public int sampleRate() {
                    return 16_000;
                }

                @Override
                public SttStream open(SttListener listener) {
                    return new SttStream() {
                        @Override
                        public void accept(AudioChunk chunk) {
                            Calls.sleep(1_000);
                        }

                        @Override
                        public void endUtterance() {
                            listener.onFinal("");
                        }

                        @Override
                        public void reset() {
                        }

                        @Override
                        public void cancel() {
                        }
                    };
                }
            };
        }
    }
}
