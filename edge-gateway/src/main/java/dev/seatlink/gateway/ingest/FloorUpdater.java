package dev.seatlink.gateway.ingest;

import dev.seatlink.gateway.floor.Applied;
import dev.seatlink.gateway.floor.FloorModel;
import dev.seatlink.gateway.floor.SeatView;
import dev.seatlink.gateway.metrics.Metrics;
import dev.seatlink.protocol.Command;
import dev.seatlink.protocol.CommandResult;
import dev.seatlink.protocol.Decoded;
import dev.seatlink.protocol.RejectReason;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.SeatState;
import dev.seatlink.protocol.SeatStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.tinylog.Logger;

/**
 * Applies valid messages to the {@link FloorModel} and reports what changed. Runs on the one
 * context that owns the model. Events pass through a {@link Reorderer} first, so gaps are waited
 * for, replayed or, in the end, given up on. Asks a seat for a rebirth when it sends data before any
 * status, at most once per {@link #REBIRTH_INTERVAL_MS} per seat.
 */
public final class FloorUpdater {
    static final long REBIRTH_INTERVAL_MS = 30_000;

    private final FloorModel floor;
    private final Metrics metrics;
    private final RejectLog rejectLog;
    private final Consumer<SeatView> onChange;
    private final BiConsumer<String, Command> commands;
    private final BiConsumer<String, CommandResult> answers;
    private final LongSupplier clock;
    private final Reorderer reorderer;
    /** Per seat, the last event seq applied in order; snapshots never move it, so gaps behind them still show. */
    private final Map<String, Long> eventSeq = new HashMap<>();
    private final Map<String, Long> lastRebirth = new HashMap<>();

    public FloorUpdater(FloorModel floor, Metrics metrics, RejectLog rejectLog, Consumer<SeatView> onChange,
                        BiConsumer<String, Command> commands, BiConsumer<String, CommandResult> answers,
                        LongSupplier clock, long reorderTimeoutMs) {
        this.answers = answers;
        this.reorderer = new Reorderer(reorderTimeoutMs);
        this.floor = floor;
        this.metrics = metrics;
        this.rejectLog = rejectLog;
        this.onChange = onChange;
        this.commands = commands;
        this.clock = clock;
    }

    public void apply(Decoded.Accepted message, long rx) {
        String seat = message.topic().seat();
        if (message.message() instanceof SeatEvent event) {
            if (!floor.knows(seat)) {
                unknownSeat(seat);
                return;
            }
            countGaps(() -> reorderer.offer(event, lastEvent(seat), clock.getAsLong()).forEach(ready -> applyEvent(ready, rx)));
            return;
        }
        Applied applied;
        if (message.message() instanceof SeatState state) {
            applied = floor.applyState(seat, state);
            if (applied.effect() != Applied.Effect.UNKNOWN_SEAT) {
                countGaps(() -> reorderer.expect(seat, state.seq(), lastEvent(seat), clock.getAsLong()));
            }
        } else if (message.message() instanceof SeatStatus status) {
            applied = floor.applyStatus(seat, status, rx);
        } else if (message.message() instanceof CommandResult result) {
            if (!floor.knows(seat)) {
                unknownSeat(seat);
                return;
            }
            if (!result.ok()) {
                Logger.warn("seat {} refused command {}: {}", seat, result.id(), result.error());
            }
            answers.accept(seat, result);
            return;
        } else {
            return;
        }
        report(seat, applied);
    }

    private long lastEvent(String seat) {
        return eventSeq.getOrDefault(seat, 0L);
    }

    /** After a restart: the seat's last stored event, where its event sequence continues. */
    public void restore(String seat, long lastStoredSeq) {
        eventSeq.put(seat, lastStoredSeq);
    }

    private void countGaps(Runnable work) {
        long opened = reorderer.gapsOpened();
        long filled = reorderer.gapsFilled();
        work.run();
        metrics.gapsOpened(reorderer.gapsOpened() - opened);
        metrics.gapsFilled(reorderer.gapsFilled() - filled);
    }

    private void applyEvent(SeatEvent event, long rx) {
        eventSeq.merge(event.seat(), event.seq(), Math::max);
        Applied applied = floor.applyEvent(event.seat(), event);
        if (applied.changed()) {
            metrics.eventApplied(applied.missing(), rx - event.at());
        }
        if (applied.missing() > 0) {
            Logger.warn("seat {}: {} event(s) before seq {} never arrived", event.seat(), applied.missing(), event.seq());
        }
        report(event.seat(), applied);
    }

    private void report(String seat, Applied applied) {
        switch (applied.effect()) {
            case UNKNOWN_SEAT -> unknownSeat(seat);
            case DUPLICATE -> metrics.duplicate();
            case STALE_STATE -> metrics.staleState();
            case STALE_WILL -> metrics.staleWill();
            case CHANGED -> floor.seat(seat).ifPresent(onChange);
            case UNCHANGED -> { }
        }
        if (applied.rebirth()) {
            requestRebirth(seat);
        }
    }

    /** Seats whose events the gateway is still waiting for. */
    public Set<String> gapsOpen() {
        return reorderer.seatsWithGaps();
    }

    /** Advances the reorder timers: asks for replays and rebirths, releases what waited too long. */
    public void tick() {
        long now = clock.getAsLong();
        Reorderer.Tick tick = reorderer.tick(now, this::lastEvent);
        for (Reorderer.Request request : tick.requests()) {
            if (request instanceof Reorderer.Replay replay) {
                metrics.replaySent();
                Logger.info("seat {}: gap still open after the reorder timeout; asking for replay from seq {}",
                        replay.seat(), replay.from());
                commands.accept(replay.seat(), new Command.Replay(UUID.randomUUID().toString(), replay.from(), now));
            } else {
                lastRebirth.remove(request.seat());
                requestRebirth(request.seat());
            }
        }
        tick.released().forEach(event -> applyEvent(event, now));
    }

    private void unknownSeat(String seat) {
        metrics.rejected(RejectReason.UNKNOWN_SEAT);
        rejectLog.rejected("seat " + seat, RejectReason.UNKNOWN_SEAT, "seat '" + seat + "' is not in the seat map");
    }

    private void requestRebirth(String seat) {
        long now = clock.getAsLong();
        Long last = lastRebirth.get(seat);
        if (last != null && now - last < REBIRTH_INTERVAL_MS) {
            return;
        }
        lastRebirth.put(seat, now);
        metrics.rebirthSent();
        Logger.info("asking seat {} to republish its status and state (rebirth)", seat);
        commands.accept(seat, new Command.Rebirth(UUID.randomUUID().toString(), now));
    }
}
