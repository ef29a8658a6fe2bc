package dev.seatlink.gateway.store;

import dev.seatlink.gateway.calls.CallRecord;
import dev.seatlink.protocol.SeatEvent;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.tinylog.Logger;

/**
 * The one thread that writes the store. Everything the gateway receives passes through it in order
 * of arrival, in the batches the broker link hands over: their events are inserted in one transaction
 * (several batches together, up to {@link #MAX_MESSAGES} messages), and each batch's {@link Committed} (which
 * acknowledges it to the broker and applies it) runs only once that transaction is committed. Items
 * without an event (status, state, rejected messages) still wait their turn, so acknowledgements leave
 * in the order the messages came, as MQTT requires.
 *
 * <p>If a commit fails (disk full, I/O error) the batch is kept, the store reports itself down with
 * the reason, and the commit is retried every {@link #RETRY_MS} until it succeeds. Nothing is
 * acknowledged meanwhile, so the broker holds the rest: ingest pauses, nothing is lost, and it
 * resumes by itself.
 */
public final class StoreWriter implements AutoCloseable {
    /** Messages (not only events) whose batches share one transaction at most. */
    static final int MAX_MESSAGES = 2_000;
    static final long RETRY_MS = 1_000;

    /** One received message: its event (or null when it carries none). */
    public record Item(SeatEvent event, long rx) {
    }

    /** What to do once a batch is committed; runs on the writer thread. */
    public interface Committed {
        void committed();
    }

    private record Batch(List<Item> items, List<CallRecord> calls, Committed then) {
    }

    private final EventStore store;
    private final BlockingQueue<Batch> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queuedItems = new AtomicInteger();
    private final Thread thread;
    private final LongAdder stored = new LongAdder();
    private final LongAdder firstTime = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private volatile String problem;
    private volatile boolean running = true;

    public StoreWriter(EventStore store) {
        this.store = store;
        this.thread = new Thread(this::run, "store-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues received messages, in arrival order; {@code then} runs on the writer thread once they are stored. */
    public void submit(List<Item> items, Committed then) {
        queuedItems.addAndGet(items.size());
        queue.add(new Batch(items, List.of(), then));
    }

    /** Queues a finished call for the reports; stored with the next transaction. */
    public void record(CallRecord call) {
        queue.add(new Batch(List.of(), List.of(call), () -> { }));
    }

    private void run() {
        List<Batch> taken = new ArrayList<>();
        while (running) {
            try {
                Batch first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                taken.add(first);
                int messages = first.items().size();
                Batch next;
                while (messages < MAX_MESSAGES && (next = queue.poll()) != null) {
                    taken.add(next);
                    messages += next.items().size();
                }
                commit(taken);
                taken.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void commit(List<Batch> taken) throws InterruptedException {
        List<StoredEvent> events = new ArrayList<>();
        List<CallRecord> calls = new ArrayList<>();
        for (Batch batch : taken) {
            for (Item item : batch.items()) {
                if (item.event() != null) {
                    events.add(new StoredEvent(item.event(), item.rx()));
                }
            }
            calls.addAll(batch.calls());
        }
        boolean[] added = insertUntilStored(events, calls);
        // counted before anyone hears of the commit, so the figures never lag what was acknowledged
        stored.add(events.size());
        batches.increment();
        for (boolean isNew : added) {
            if (isNew) {
                firstTime.increment();
            }
        }
        for (Batch batch : taken) {
            queuedItems.addAndGet(-batch.items().size());
            try {
                batch.then().committed();
            } catch (RuntimeException ex) {
                Logger.error(ex, "after storing a batch: {}", ex.getMessage());
            }
        }
    }

    private boolean[] insertUntilStored(List<StoredEvent> events, List<CallRecord> calls) throws InterruptedException {
        if (events.isEmpty() && calls.isEmpty()) {
            return new boolean[0];
        }
        while (true) {
            try {
                boolean[] added = store.insert(events, calls);
                if (problem != null) {
                    Logger.info("event store writable again; ingest resumes");
                    problem = null;
                }
                return added;
            } catch (SQLException e) {
                failures.increment();
                if (problem == null) {
                    Logger.error("cannot write the event store {} ({}); ingest paused, nothing is acknowledged"
                            + " until it can; retrying every {} ms", store.file(), e.getMessage(), RETRY_MS);
                }
                problem = "cannot write " + store.file() + ": " + e.getMessage();
                if (!running) {
                    throw new InterruptedException("stopping with an unstored batch");
                }
                Thread.sleep(RETRY_MS);
                try {
                    store.reopenWriter();
                } catch (SQLException reopen) {
                    Logger.debug("cannot reopen the store yet: {}", reopen.getMessage());
                }
            }
        }
    }

    /** Why the store cannot write now, or null while it can. */
    public String problem() {
        return problem;
    }

    /** Messages waiting to be committed. */
    public int queued() {
        return queuedItems.get();
    }

    /** Events stored for the first time: each (seat, seq) once, duplicates not counted. */
    public long firstTimeCount() {
        return firstTime.sum();
    }

    public long storedCount() {
        return stored.sum();
    }

    public long batchCount() {
        return batches.sum();
    }

    public long failureCount() {
        return failures.sum();
    }

    /** Stops after the batch in hand; unstored messages were never acknowledged, so the broker keeps them. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
