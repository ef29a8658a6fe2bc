package dev.seatlink.gateway.store;

import dev.seatlink.protocol.SeatEvent;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.tinylog.Logger;

/**
 * The one thread that writes the store. Everything the gateway receives passes through it in order
 * of arrival: events are inserted in batches (one transaction each, up to {@link #MAX_BATCH}), and
 * each item's {@code afterCommit} (acknowledge to the broker, apply to the floor) runs only once its
 * batch is committed. Items without an event (status, state, rejected messages) still wait their
 * turn, so acknowledgements leave in the order the messages came, as MQTT requires.
 *
 * <p>If a commit fails (disk full, I/O error) the batch is kept, the store reports itself down with
 * the reason, and the commit is retried every {@link #RETRY_MS} until it succeeds. Nothing is
 * acknowledged meanwhile, so the broker holds the rest: ingest pauses, nothing is lost, and it
 * resumes by itself.
 */
public final class StoreWriter implements AutoCloseable {
    static final int MAX_BATCH = 500;
    static final long RETRY_MS = 1_000;

    /** One received message: its event (or null) and what to do once it is stored. */
    public record Item(SeatEvent event, long rx, Consumer<Boolean> afterCommit) {
    }

    private final EventStore store;
    private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
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

    /**
     * Queues a received message. {@code afterCommit} gets whether the event was new (true for items
     * without an event) and runs on the writer thread once stored.
     */
    public void submit(SeatEvent event, long rx, Consumer<Boolean> afterCommit) {
        queue.add(new Item(event, rx, afterCommit));
    }

    private void run() {
        List<Item> batch = new ArrayList<>(MAX_BATCH);
        while (running) {
            try {
                Item first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void commit(List<Item> batch) throws InterruptedException {
        List<StoredEvent> events = new ArrayList<>();
        for (Item item : batch) {
            if (item.event() != null) {
                events.add(new StoredEvent(item.event(), item.rx()));
            }
        }
        boolean[] added = insertUntilStored(events);
        int e = 0;
        for (Item item : batch) {
            boolean isNew = item.event() == null || added[e++];
            if (item.event() != null && isNew) {
                firstTime.increment();
            }
            try {
                item.afterCommit().accept(isNew);
            } catch (RuntimeException ex) {
                Logger.error(ex, "after storing a message: {}", ex.getMessage());
            }
        }
        stored.add(events.size());
        batches.increment();
    }

    private boolean[] insertUntilStored(List<StoredEvent> events) throws InterruptedException {
        if (events.isEmpty()) {
            return new boolean[0];
        }
        while (true) {
            try {
                boolean[] added = store.insert(events);
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

    public int queued() {
        return queue.size();
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
