package dev.parley.plugins.whisper;

import dev.parley.api.stt.SttListener;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Test listener: records every callback in order, and hands finals over through a queue. */
final class RecordingListener implements SttListener {
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<String> partials = new CopyOnWriteArrayList<>();
    final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<String> finals = new LinkedBlockingQueue<>();

    @Override
    public void onPartial(String text) {
        events.add("partial:" + text);
        partials.add(text);
    }

    @Override
    public void onFinal(String text) {
        events.add("final:" + text);
        finals.add(text);
    }

    @Override
    public void onError(Throwable error) {
        events.add("error:" + error);
        errors.add(error);
    }

    String awaitFinal(long seconds) throws InterruptedException {
        String text = finals.poll(seconds, TimeUnit.SECONDS);
        if (text == null) {
            throw new AssertionError("no final within " + seconds + " s; events " + events);
        }
        return text;
    }
}
