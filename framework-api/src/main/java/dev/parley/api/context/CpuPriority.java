package dev.parley.api.context;

/**
 * How urgent a piece of CPU work is. The {@link CpuExecutor} runs queued work highest priority first and, within
 * one priority, in submission order. A running task is never pre-empted: priority decides who gets the next free
 * thread, so a long task should be split into steps if something urgent may need its thread.
 */
public enum CpuPriority {
    /** Work a listener is waiting on now: an STT final, the first clause's synthesis, clean-up after barge-in. */
    URGENT,
    /** Ordinary work on the critical path of a turn; the default. */
    NORMAL,
    /** Work that can wait: look-ahead synthesis of later clauses, partial hypotheses. */
    BACKGROUND
}
