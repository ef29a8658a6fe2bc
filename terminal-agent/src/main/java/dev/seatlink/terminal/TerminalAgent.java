package dev.seatlink.terminal;

import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.Command;
import dev.seatlink.protocol.CommandResult;
import dev.seatlink.protocol.Decoded;
import dev.seatlink.protocol.SeatConfig;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.SeatState;
import dev.seatlink.protocol.SeatStatus;
import dev.seatlink.protocol.Topic;
import dev.seatlink.terminal.hardware.Buttons;
import dev.seatlink.terminal.hardware.Colour;
import dev.seatlink.terminal.hardware.Display;
import dev.seatlink.terminal.hardware.LightPattern;
import dev.seatlink.terminal.hardware.Pi4jContexts;
import dev.seatlink.terminal.hardware.Screen;
import dev.seatlink.terminal.hardware.StatusLight;
import dev.seatlink.terminal.journal.StateFile;
import dev.seatlink.terminal.seat.Clock;
import dev.seatlink.terminal.seat.Key;
import dev.seatlink.terminal.seat.SeatStateMachine;
import dev.seatlink.terminal.seat.Snapshot;
import dev.seatlink.terminal.seat.SupervisorOutcome;
import dev.seatlink.terminal.seat.Transition;
import dev.seatlink.terminal.uplink.Uplink;
import dev.seatlink.terminal.uplink.UplinkSettings;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.tinylog.Logger;

/**
 * One seat: buttons → state machine → state file → light and display → uplink. Everything that
 * touches the state machine runs on one "seat thread", so nothing here needs a lock; buttons and
 * the MQTT link only hand work to it. Owns the Pi4J context it is given and shuts it down on close.
 */
public final class TerminalAgent implements Uplink.Listener, AutoCloseable {
    /** Light and display refresh, and wrap-up timer resolution. */
    static final long REFRESH_MS = 100;
    /** How long a supervisor message stays on the display unless a button press clears it. */
    static final long MESSAGE_MS = 5 * 60_000;

    private final TerminalConfig config;
    private final Clock clock;
    private final Pi4jContexts.Gpio gpio;
    private final Display display;
    private final Codec codec = new Codec();
    private final String boot = UUID.randomUUID().toString();
    private final String firmware = firmwareVersion();
    private final ScheduledExecutorService seatThread;
    private final Topic statusTopic;
    private final Topic stateTopic;
    private final Topic resultTopic;
    private final StateFile stateFile;
    private final SeatStateMachine machine;
    private final StatusLight light;
    private final Uplink uplink;
    private long seq;
    private boolean brokerUp;
    private String message;
    private long messageUntil;

    public TerminalAgent(TerminalConfig config, Clock clock, Pi4jContexts.Gpio gpio, Display display) {
        this.config = config;
        this.clock = clock;
        this.gpio = gpio;
        this.display = display;
        String seat = config.seat();
        this.seatThread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "seat-" + seat);
            t.setDaemon(true);
            return t;
        });
        this.statusTopic = Topic.seat(config.site(), config.floor(), seat, Topic.Kind.STATUS);
        this.stateTopic = Topic.seat(config.site(), config.floor(), seat, Topic.Kind.STATE);
        this.resultTopic = Topic.seat(config.site(), config.floor(), seat, Topic.Kind.CMD_RESULT);
        this.stateFile = new StateFile(config.dataDir(), stateTopic, codec);

        Optional<SeatState> saved = stateFile.load();
        this.seq = saved.map(SeatState::seq).orElse(0L);
        Snapshot initial = saved
                .map(s -> new Snapshot(s.agent(), s.state(), s.reason(), s.help(), s.since()))
                .orElseGet(() -> Snapshot.loggedOut(null, clock.millis()));
        SeatConfig fallback = new SeatConfig(seat, initial.agent(), "unassigned", config.reasons(),
                config.wrapUpSeconds(), AgentState.READY);
        this.machine = new SeatStateMachine(clock, fallback, initial);
        saved.ifPresent(s -> Logger.info("restored {} at seq {}", s.state(), s.seq()));

        this.light = new StatusLight(gpio.context(), gpio.outputProvider(), config.pins());
        new Buttons(gpio.context(), gpio.inputProvider(), config.pins(), key -> onSeatThread(() -> onKey(key)));
        UplinkSettings link = new UplinkSettings(config.broker(), config.clientId(), config.username(),
                config.password() == null ? null : config.password().toCharArray(), config.keepAliveSeconds());
        this.uplink = new Uplink(link, statusTopic, () -> SeatStatus.offline(boot, clock.millis()), codec, this,
                seatThread);
    }

    /** Starts the refresh loop and the broker link; returns at once. */
    public void start() {
        Logger.info("seat {} starting, boot {}, firmware {}", config.clientId(), boot, firmware);
        seatThread.scheduleAtFixedRate(() -> guarded(this::refresh), 0, REFRESH_MS, TimeUnit.MILLISECONDS);
        uplink.start();
    }

    public String boot() {
        return boot;
    }

    /** Hands work to the seat thread; after close it is dropped, never thrown into a caller's thread. */
    private void onSeatThread(Runnable task) {
        try {
            seatThread.execute(() -> guarded(task));
        } catch (RejectedExecutionException e) {
            Logger.debug("seat {} is stopping; ignoring late work", config.seat());
        }
    }

    /** A failure in one task is logged with the seat and never stops the seat thread. */
    private void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            Logger.error(e, "seat {}: {}", config.seat(), e.getMessage());
        }
    }

    private void onKey(Key key) {
        message = null;
        apply(machine.press(key));
    }

    private void refresh() {
        apply(machine.tick());
        long now = clock.millis();
        if (message != null && now >= messageUntil) {
            message = null;
        }
        Snapshot s = machine.snapshot();
        light.show(LightPattern.at(s.state(), s.help(), brokerUp, now));
        display.show(new Screen(config.seat(), s.agent(), s.state(), s.reason(), s.help(), (now - s.since()) / 1000,
                message, brokerUp));
    }

    /** Journal first, then the light, then the wire: what was published is always on disk. */
    private void apply(Optional<Transition> transition) {
        if (transition.isEmpty()) {
            return;
        }
        Transition t = transition.get();
        Snapshot to = t.to();
        seq++;
        SeatEvent event = new SeatEvent(config.seat(), to.agent(), t.from().state(), to.state(), to.reason(), to.help(),
                t.at(), seq, boot, t.cause());
        SeatState state = event.toState(to.since());
        stateFile.save(state);
        Logger.info("seat {} seq {}: {} -> {}{} ({})", config.seat(), seq, t.from().state(), to.state(),
                to.reason() == null ? "" : " " + to.reason(), t.cause().wire());
        light.show(LightPattern.at(to.state(), to.help(), brokerUp, clock.millis()));
        uplink.publishEvent(event);
        uplink.publish(stateTopic, state, true);
    }

    private SeatState currentState() {
        Snapshot s = machine.snapshot();
        return new SeatState(config.seat(), s.agent(), s.state(), s.reason(), s.help(), s.since(), seq, boot);
    }

    private void announce() {
        uplink.publish(statusTopic, SeatStatus.online(boot, firmware, clock.millis()), true);
        uplink.publish(stateTopic, currentState(), true);
    }

    @Override
    public void onConnected() {
        onSeatThread(() -> {
            brokerUp = true;
            announce();
            uplink.resendUnsent();
        });
    }

    @Override
    public void onDisconnected(String why) {
        onSeatThread(() -> brokerUp = false);
    }

    @Override
    public void onMessage(Decoded.Accepted accepted) {
        onSeatThread(() -> {
            if (accepted.message() instanceof SeatConfig seatConfig) {
                apply(machine.configure(seatConfig));
                uplink.publish(stateTopic, currentState(), true);
            } else if (accepted.message() instanceof Command command) {
                uplink.publish(resultTopic, execute(command), false);
            } else if (accepted.message() instanceof SeatStatus status && !status.online() && uplink.isConnected()) {
                Logger.warn("broker holds an offline status for this seat (boot {}); republishing online", status.boot());
                uplink.publish(statusTopic, SeatStatus.online(boot, firmware, clock.millis()), true);
            }
        });
    }

    private CommandResult execute(Command command) {
        Logger.info("seat {} command {} ({})", config.seat(), command.getClass().getSimpleName(), command.id());
        if (command instanceof Command.SetState set) {
            SupervisorOutcome outcome = machine.supervisorSet(set.state(), set.reason());
            if (outcome.isRefused()) {
                return CommandResult.failure(command.id(), outcome.refusal());
            }
            apply(outcome.transition());
        } else if (command instanceof Command.ShowMessage show) {
            message = show.text();
            messageUntil = clock.millis() + MESSAGE_MS;
        } else if (command instanceof Command.AckHelp) {
            apply(machine.acknowledgeHelp());
        } else if (command instanceof Command.Rebirth) {
            announce();
        } else if (command instanceof Command.Replay) {
            return CommandResult.failure(command.id(), "replay needs the on-disk event journal, not in firmware " + firmware);
        }
        return CommandResult.success(command.id());
    }

    /** What the seat shows now (for tests and the console display). */
    public Snapshot snapshot() {
        try {
            return seatThread.submit(machine::snapshot).get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("seat thread did not answer", e);
        }
    }

    /** Publishes offline, turns the light off and releases the GPIO. */
    @Override
    public void close() {
        Logger.info("seat {} stopping", config.seat());
        seatThread.shutdown();
        try {
            seatThread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        uplink.close(SeatStatus.offline(boot, clock.millis()));
        light.show(Colour.OFF);
        gpio.context().shutdown();
    }

    private static String firmwareVersion() {
        String version = TerminalAgent.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
