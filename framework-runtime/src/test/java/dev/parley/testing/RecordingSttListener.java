package dev.parley.testing;

import dev.parley.api.stt.SttListener;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * STT test listener: records every callback in order (as {@code partial:}, {@code final:} and {@code error:}
 * events), and hands finals over through a queue.
 */
public final class RecordingSttListener implements SttListener {
    public final List<String> events = new CopyOnWriteArrayList<>();
    public final List<String> partials = new CopyOnWriteArrayList<>();
    public final List<Throwable> errors = new CopyOnWriteArrayList<>();
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

    public String awaitFinal(long seconds) throws InterruptedException {
        String text = finals.poll(seconds, TimeUnit.SECONDS);
        if (text == null) {
            throw new AssertionError("no final within " + seconds + " s; events " + events);
        }
        return text;
    }
}
