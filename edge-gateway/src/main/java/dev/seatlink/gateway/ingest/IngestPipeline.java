package dev.seatlink.gateway.ingest;

import dev.seatlink.gateway.floor.FloorClock;
import dev.seatlink.gateway.metrics.Metrics;
import dev.seatlink.gateway.store.StoreWriter;
import dev.seatlink.link.RejectLog;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.Decoded;
import dev.seatlink.protocol.Ids;
import dev.seatlink.protocol.SeatEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.tinylog.Logger;

/**
 * From the broker to the floor, on the event loop: each delivery is counted and decoded (what is refused
 * is logged and counted), gathered with the others that arrived in the same turn of the loop, and handed
 * to the {@link StoreWriter} as one batch. Once that batch is committed, back on the loop, each valid
 * message goes to the {@link Applier} and every delivery is acknowledged, in arrival order. Nothing is
 * acknowledged before it is stored, and the broker's in-flight window bounds what is held in memory.
 */
public final class IngestPipeline implements Inbox {
    /** A batch is handed to the store at this size even if more are arriving. */
    static final int MAX_BATCH = 1_000;
    /**
     * Committed messages applied and acknowledged per turn of the loop: a thousand at once held it for
     * hundreds of milliseconds on a busy two-core machine, delaying every request behind them.
     */
    static final int APPLY_PER_TURN = 100;

    /** Applies valid messages to the floor, with the gateway's receive time and whether it was a retained one. */
    public interface Applier {
        void apply(Decoded.Accepted message, long rx, boolean retained);
    }

    /** Runs a task on the loop that owns the floor (from the store writer's thread). */
    public interface LoopExecutor {
        void execute(Runnable task);
    }

    private final Codec codec;
    private final Metrics metrics;
    private final RejectLog rejectLog;
    private final StoreWriter store;
    private final Applier applier;
    private final LoopExecutor loop;
    private final FloorClock clock;
    private List<Received> batch = new ArrayList<>();
    private boolean flushQueued;
    /** Committed, not yet applied and acknowledged, in arrival order. */
    private final Deque<Received> committed = new ArrayDeque<>();
    private boolean applying;

    /** A delivery with what it decoded to (null when refused) and when it came. */
    private record Received(Delivery delivery, Decoded.Accepted accepted, long rx) {
    }

    public IngestPipeline(Codec codec, Metrics metrics, RejectLog rejectLog, StoreWriter store, Applier applier,
                          LoopExecutor loop, FloorClock clock) {
        this.codec = codec;
        this.metrics = metrics;
        this.rejectLog = rejectLog;
        this.store = store;
        this.applier = applier;
        this.loop = loop;
        this.clock = clock;
    }

    @Override
    public void received(Delivery delivery) {
        long rx = clock.millis();
        metrics.received();
        Decoded.Accepted accepted = null;
        try {
            Decoded decoded = codec.decode(delivery.topic(), delivery.payload());
            if (decoded instanceof Decoded.Accepted a) {
                metrics.accepted(a.topic().kind());
                accepted = a;
            } else if (decoded instanceof Decoded.Rejected rejected) {
                metrics.rejected(rejected.reason());
                rejectLog.rejected(RejectLog.sourceOf(delivery.topic()), rejected.reason(), rejected.detail());
            }
        } catch (RuntimeException e) {
            // never let one message stop the link; it is acknowledged with its batch and not applied
            Logger.error(e, "unexpected failure decoding a message on {}", Ids.printable(delivery.topic(), 80));
        }
        batch.add(new Received(delivery, accepted, rx));
        if (batch.size() >= MAX_BATCH) {
            flush();
        } else if (!flushQueued) {
            flushQueued = true;
            loop.execute(this::flush); // after the rest of this read from the socket
        }
    }

    private void flush() {
        flushQueued = false;
        if (batch.isEmpty()) {
            return;
        }
        List<Received> taken = batch;
        batch = new ArrayList<>();
        List<StoreWriter.Item> items = new ArrayList<>(taken.size());
        for (Received r : taken) {
            SeatEvent event = r.accepted() != null && r.accepted().message() instanceof SeatEvent e ? e : null;
            items.add(new StoreWriter.Item(event, r.rx()));
        }
        store.submit(items, () -> loop.execute(() -> committed(taken)));
    }

    private void committed(List<Received> taken) {
        committed.addAll(taken);
        if (!applying) {
            applying = true;
            applySome();
        }
    }

    /** Applies and acknowledges up to {@value #APPLY_PER_TURN}, then lets the loop serve others before the rest. */
    private void applySome() {
        for (int i = 0; i < APPLY_PER_TURN && !committed.isEmpty(); i++) {
            Received r = committed.poll();
            if (r.accepted() != null) {
                try {
                    applier.apply(r.accepted(), r.rx(), r.delivery().retained());
                } catch (RuntimeException e) {
                    Logger.error(e, "unexpected failure applying a message on {}", r.accepted().topic());
                }
            }
            r.delivery().acknowledge();
        }
        if (committed.isEmpty()) {
            applying = false;
        } else {
            loop.execute(this::applySome);
        }
    }
}
