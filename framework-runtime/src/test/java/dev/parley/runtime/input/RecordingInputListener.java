package dev.parley.runtime.input;

import dev.parley.runtime.engine.CommittedAudio;
import dev.parley.runtime.engine.InputListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the input path's events as short strings, plus the committed audio. */
final class RecordingInputListener implements InputListener {
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<CommittedAudio> committed = new CopyOnWriteArrayList<>();

    @Override
    public void speechStarted(long utterance, long audioStartMs) {
        events.add("started:" + utterance + ":" + audioStartMs);
    }

    @Override
    public void speechStopped(long utterance, long audioEndMs, CommittedAudio audio) {
        events.add("stopped:" + utterance + ":" + audioEndMs);
        committed.add(audio);
    }

    @Override
    public void idleTimeout(long utterance, long audioStartMs, long audioEndMs, CommittedAudio audio) {
        events.add("idle:" + utterance + ":" + audioStartMs + ":" + audioEndMs);
        committed.add(audio);
    }

    @Override
    public void transcriptDelta(long utterance, String delta) {
        events.add("delta:" + utterance + ":" + delta);
    }

    @Override
    public void transcriptRevised(long utterance, String transcript) {
        events.add("revised:" + utterance + ":" + transcript);
    }

    @Override
    public void transcriptCompleted(long utterance, String transcript) {
        events.add("completed:" + utterance + ":" + transcript);
    }

    @Override
    public void transcriptFailed(long utterance, String message) {
        events.add("failed:" + utterance + ":" + message);
    }

    List<String> starting(String prefix) {
        return events.stream().filter(e -> e.startsWith(prefix)).toList();
    }

    String deltas(long utterance) {
        StringBuilder sb = new StringBuilder();
        for (String e : events) {
            String p = "delta:" + utterance + ":";
            if (e.startsWith(p)) {
                sb.append(e.substring(p.length()));
            }
        }
        return sb.toString();
    }
}
