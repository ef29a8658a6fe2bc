package dev.seatlink.gateway.central;

import dev.seatlink.gateway.store.CentralOutbox;
import dev.seatlink.gateway.store.StoreException;
import dev.seatlink.gateway.store.StoredEvent;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.tinylog.Logger;

/**
 * Copies the outbox to the centre's store on a thread of its own, {@value #BATCH} events a transaction: at once
 * while there is more, every second when it is empty, and after a failure again in 1 s doubling to
 * {@value #MAX_BACKOFF_MS} ms. PostgreSQL down costs nothing but time: the outbox keeps every event.
 */
public final class CentralCopy implements CentralStatus, AutoCloseable {
    static final int BATCH = 1_000;
    static final long IDLE_MS = 1_000;
    static final long MAX_BACKOFF_MS = 30_000;

    private final CentralOutbox outbox;
    private final CentralStore store;
    private final String site;
    private final String floor;
    private final String gateway;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread t = new Thread(runnable, "central-copy");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong copied = new AtomicLong();
    private final AtomicLong backlog = new AtomicLong();
    private volatile String problem = "not tried yet";
    private long backoff;

    public CentralCopy(CentralOutbox outbox, CentralStore store, String site, String floor, String gateway) {
        this.outbox = outbox;
        this.store = store;
        this.site = site;
        this.floor = floor;
        this.gateway = gateway;
    }

    public void start() {
        thread.execute(this::copy);
    }

    private void copy() {
        long next;
        try {
            List<StoredEvent> batch = outbox.next(BATCH);
            if (!batch.isEmpty()) {
                store.insert(site, floor, gateway, batch);
                outbox.copied(batch);
                copied.addAndGet(batch.size());
            }
            if (problem != null) {
                Logger.info("centre store: copying events ({} waiting)", backlog.get());
            }
            problem = null;
            backoff = 0;
            if (batch.size() == BATCH) {
                // catching up: the next batch at once; the outbox is counted (a scan of it) once it is caught up
                next = 0;
                backlog.updateAndGet(waiting -> Math.max(0, waiting - BATCH));
            } else {
                next = IDLE_MS;
                countBacklog();
            }
        } catch (SQLException | StoreException e) {
            if (problem == null || backoff >= MAX_BACKOFF_MS) {
                Logger.warn("centre store: cannot copy ({}); the events wait in the outbox", e.getMessage());
            }
            problem = e.getMessage();
            backoff = backoff == 0 ? 1_000 : Math.min(MAX_BACKOFF_MS, backoff * 2);
            next = backoff;
            countBacklog();
        } catch (RuntimeException e) {
            Logger.error(e, "centre store: unexpected failure; trying again");
            problem = e.toString();
            next = MAX_BACKOFF_MS;
        }
        try {
            thread.schedule(this::copy, next, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // the gateway is closing: the outbox keeps what is left for the next start
        }
    }

    private void countBacklog() {
        try {
            backlog.set(outbox.size());
        } catch (StoreException e) {
            Logger.debug("cannot count the central outbox: {}", e.getMessage()); // the last count stays shown
        }
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public long copied() {
        return copied.get();
    }

    @Override
    public long backlog() {
        return backlog.get();
    }

    @Override
    public String problem() {
        return problem;
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
    }
}
