package dev.parley.runtime.engine;

/**
 * An {@link InputListener} that ignores every input event: for harnesses that drive a session's input path for
 * its cost or for one kind of event (they override that one), shared by {@code EngineLatencyBenchmark} and the
 * integration tests' {@code NoiseOnsets}.
 */
public class NoInputListener implements InputListener {
    @Override
    public void speechStarted(long utterance, long audioStartMs) {
    }

    @Override
    public void speechStopped(long utterance, long audioEndMs, CommittedAudio audio) {
    }

    @Override
    public void idleTimeout(long utterance, long audioStartMs, long audioEndMs, CommittedAudio audio) {
    }

    @Override
    public void transcriptDelta(long utterance, String delta) {
    }

    @Override
    public void transcriptRevised(long utterance, String transcript) {
    }

    @Override
    public void transcriptCompleted(long utterance, String transcript) {
    }

    @Override
    public void transcriptFailed(long utterance, String message) {
    }
}
