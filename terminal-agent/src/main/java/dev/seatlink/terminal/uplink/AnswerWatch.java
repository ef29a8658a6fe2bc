package dev.seatlink.terminal.uplink;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One request at a time that waits for the broker's answer (a CONNECT its CONNACK, a subscribe its SUBACK), given up
 * on when the answer is not in within a bound: Paho itself waits for ever once a connection is taken. Each request
 * has a number, so an answer that comes after its request was given up on (or after a newer one was sent) is known
 * for what it is. Either the answer or the watchdog wins, once.
 */
final class AnswerWatch {
    /** What to do when a request was not answered in time. */
    interface Unanswered {
        void gaveUp();
    }

    private final ScheduledExecutorService scheduler;
    private final AtomicLong sent = new AtomicLong();
    /** The request waiting for its answer (0: none). */
    private final AtomicLong waiting = new AtomicLong();
    /** The watchdog of the last request, called off by its answer (a pending one would hold up the seat's stop). */
    private volatile ScheduledFuture<?> watchdog;

    AnswerWatch(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * A request is sent now: returns its number.
     *
     * @throws RejectedExecutionException when the scheduler is stopping
     */
    long sent(long withinMs, Unanswered unanswered) {
        long request = sent.incrementAndGet();
        waiting.set(request);
        watchdog = scheduler.schedule(() -> {
            if (waiting.compareAndSet(request, 0)) {
                unanswered.gaveUp();
            }
        }, withinMs, TimeUnit.MILLISECONDS);
        return request;
    }

    /** Whether this is the request's first answer, in time: its watchdog is then called off. */
    boolean answered(long request) {
        if (!waiting.compareAndSet(request, 0)) {
            return false;
        }
        stopWatching();
        return true;
    }

    /** Whether a request is still waiting for its answer. */
    boolean waiting() {
        return waiting.get() != 0;
    }

    /** Nothing is waited for any more (the connection is gone, or the seat stops). */
    void stop() {
        waiting.set(0);
        stopWatching();
    }

    private void stopWatching() {
        ScheduledFuture<?> watch = watchdog;
        if (watch != null) {
            watch.cancel(false);
        }
    }
}
