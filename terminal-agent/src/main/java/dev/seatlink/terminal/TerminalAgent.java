package dev.seatlink.terminal;

import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.BadgeRead;
import dev.seatlink.protocol.CallEvent;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.Command;
import dev.seatlink.protocol.Decoded;
import dev.seatlink.protocol.GatewayStatus;
import dev.seatlink.protocol.SeatConfig;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.SeatState;
import dev.seatlink.protocol.SeatStatus;
import dev.seatlink.protocol.Topic;
import dev.seatlink.terminal.badge.BadgeReader;
import dev.seatlink.terminal.display.Display;
import dev.seatlink.terminal.display.Screen;
import dev.seatlink.terminal.hardware.Buttons;
import dev.seatlink.terminal.hardware.Buzzer;
import dev.seatlink.terminal.hardware.Colour;
import dev.seatlink.terminal.hardware.HeadsetSense;
import dev.seatlink.terminal.hardware.LightPattern;
import dev.seatlink.terminal.hardware.PinMap;
import dev.seatlink.terminal.hardware.Pi4jContexts;
import dev.seatlink.terminal.hardware.SeatHardware;
import dev.seatlink.terminal.hardware.StatusLight;
import dev.seatlink.terminal.journal.BadgeFile;
import dev.seatlink.terminal.journal.Journal;
import dev.seatlink.terminal.journal.StateFile;
import dev.seatlink.terminal.phone.PhoneLine;
import dev.seatlink.terminal.seat.Clock;
import dev.seatlink.terminal.seat.Gestures;
import dev.seatlink.terminal.seat.Key;
import dev.seatlink.terminal.seat.SeatStateMachine;
import dev.seatlink.terminal.seat.Snapshot;
import dev.seatlink.terminal.seat.Transition;
import dev.seatlink.terminal.uplink.GatewayWatch;
import dev.seatlink.terminal.uplink.Uplink;
import dev.seatlink.terminal.uplink.UplinkSettings;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.tinylog.Logger;

/**
 * One seat: buttons → gestures → state machine → journal → light and display → uplink. Everything
 * that touches the state machine runs on one "seat thread", so nothing here needs a lock; buttons, the
 * headset switch and the MQTT link only hand work to it. Owns the Pi4J context and the display it is
 * given and releases them on close.
 */
public final class TerminalAgent implements Uplink.Listener, AutoCloseable {
    /** Light and display refresh, and timer resolution (wrap-up, long presses). */
    static final long REFRESH_MS = 100;
    /** What the status says while the journal's disk refuses writes. */
    static final String DISK_NOT_WRITABLE = "not-writable";

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
    private final Topic badgeTopic;
    private final BadgeReader badgeReader;
    private final StateFile stateFile;
    private final BadgeFile badgeFile;
    private final Journal journal;
    private final SeatStateMachine machine;
    private final PhoneLine phone;
    private final Gestures gestures;
    private final LightPattern pattern;
    private final StatusLight light;
    private final HeadsetSense headset;
    private final Buzzer buzzer;
    private final SeatCommands commands;
    private final Uplink uplink;
    private final AtomicBoolean closed = new AtomicBoolean();
    private long seq;
    private boolean brokerUp;
    private boolean gatewayUp;
    private final GatewayWatch gatewayWatch = new GatewayWatch();
    /** Whether the seat's config says its calls come from the phone system (read by the simulated floor). */
    private volatile boolean phoneDriven;
    /** Whether the journal's disk took the last write, as last announced in the status. */
    private boolean diskOk = true;

    public TerminalAgent(TerminalConfig config, Clock clock, Pi4jContexts.Gpio gpio, Display display) {
        this(config, clock, gpio, display, BadgeReader.NONE);
    }

    /** @param badgeReader where agents badge in; its badges go to the gateway, which signs their agents in */
    public TerminalAgent(TerminalConfig config, Clock clock, Pi4jContexts.Gpio gpio, Display display,
                         BadgeReader badgeReader) {
        this.config = config;
        this.badgeReader = badgeReader;
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
        this.badgeTopic = Topic.seat(config.site(), config.floor(), seat, Topic.Kind.BADGE);
        this.stateFile = new StateFile(config.dataDir(), stateTopic, codec);
        this.journal = new Journal(config.dataDir(), Topic.seat(config.site(), config.floor(), seat, Topic.Kind.EVENT),
                codec);
        this.diskOk = journal.writable();

        Optional<SeatState> saved = restore(stateFile.load(), journal.last());
        this.seq = Math.max(journal.lastSeq(), saved.map(SeatState::seq).orElse(0L));
        Snapshot initial = saved
                .map(s -> new Snapshot(s.agent(), s.state(), s.reason(), s.help(), s.since(), s.pending()))
                .orElseGet(() -> Snapshot.loggedOut(null, clock.millis()));
        SeatConfig fallback = new SeatConfig(seat, initial.agent(), "unassigned", config.reasons(),
                config.wrapUpSeconds(), AgentState.READY);
        this.machine = new SeatStateMachine(clock, fallback, initial);
        this.badgeFile = new BadgeFile(config.dataDir());
        badgeFile.load().ifPresent(machine::badgedInBefore);
        this.phone = new PhoneLine(machine);
        this.gestures = new Gestures(config.gestures());
        saved.ifPresent(s -> Logger.info("restored {} at seq {}", s.state(), s.seq()));

        SeatHardware parts = config.parts();
        PinMap pins = parts.pins();
        this.pattern = new LightPattern(parts.colours(), parts.notReadyLimitSeconds() * 1000L);
        this.light = new StatusLight(gpio.context(), gpio.outputProvider(), pins, parts.lightType());
        // The time is taken when the pin changes, so a busy seat thread cannot stretch or shorten a hold.
        Buttons.wire(gpio.context(), gpio.inputProvider(), pins, parts.debounceMs(), (key, down) -> {
            long at = clock.millis();
            onSeatThread(() -> onButton(key, down, at));
        });
        this.headset = parts.headsetSense() && pins.headset() != PinMap.NONE
                ? new HeadsetSense(gpio.context(), gpio.inputProvider(), pins.headset(),
                        plugged -> onSeatThread(() -> onHeadset(plugged)))
                : null;
        this.buzzer = pins.buzzer() == PinMap.NONE ? null
                : new Buzzer(gpio.context(), gpio.outputProvider(), pins.buzzer(), seatThread);
        this.commands = new SeatCommands(machine, new CommandsAtThisSeat(), journal, clock);
        UplinkSettings link = new UplinkSettings(config.broker(), config.clientId(), config.username(),
                config.password() == null ? null : config.password().toCharArray(), config.tlsCaFile(),
                config.keepAliveSeconds(), config.linkCheckSeconds());
        this.uplink = new Uplink(link, statusTopic, SeatStatus.offline(boot, clock.millis()), codec, this,
                seatThread);
    }

    /**
     * The state to resume in: the state file, unless the journal holds a later event (the state file is
     * not forced to disk, so after a power cut the journal is the newer truth).
     */
    private static Optional<SeatState> restore(Optional<SeatState> file, Optional<SeatEvent> lastEvent) {
        if (lastEvent.isPresent() && lastEvent.get().seq() > file.map(SeatState::seq).orElse(0L)) {
            SeatEvent e = lastEvent.get();
            return Optional.of(e.toState(e.at()));
        }
        return file;
    }

    /** Starts the refresh loop and the broker link; returns at once. */
    public void start() {
        Logger.info("seat {} starting, boot {}, firmware {}, seq {}, {} unsent event(s) in the journal",
                config.clientId(), boot, firmware, seq, journal.unsent().size());
        seatThread.scheduleAtFixedRate(() -> guarded(this::refresh), 0, REFRESH_MS, TimeUnit.MILLISECONDS);
        seatThread.scheduleAtFixedRate(() -> guarded(journal::saveWatermark), 1, 1, TimeUnit.SECONDS);
        if (headset != null) {
            onSeatThread(() -> onHeadset(headset.plugged()));
        }
        uplink.start();
        badgeReader.start(number -> onSeatThread(() -> onBadge(number)));
    }

    /** A badge was read here: the gateway knows whose it is, and signs them in (a {@code sign-in} command). */
    private void onBadge(String number) {
        if (!uplink.isConnected()) {
            commands.notice("Badge not read: no connection");
            return;
        }
        try {
            uplink.publish(badgeTopic, new BadgeRead(UUID.randomUUID().toString(), number, clock.millis()), false);
            Logger.info("badge read, sent to the gateway");
        } catch (IllegalArgumentException e) { // a reader that typed something no badge has
            commands.notice("Badge not read: try again");
            Logger.warn("badge reader gave an unusable number: {}", e.getMessage());
        }
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

    private void onButton(Key key, boolean down, long at) {
        if (down) {
            commands.messageRead();
        }
        (down ? gestures.down(key, at) : gestures.up(key, at)).ifPresent(this::act);
    }

    private void act(Gestures.Intent intent) {
        if (intent instanceof Gestures.Press press) {
            apply(machine.press(press.key()));
        } else if (intent instanceof Gestures.Logout) {
            apply(machine.logout());
        } else if (intent instanceof Gestures.Pick pick) {
            apply(machine.chooseReason(reasonAt(pick.step())));
        }
        refreshOutputs(clock.millis());
    }

    private String reasonAt(int step) {
        List<String> reasons = machine.config().reasons();
        return reasons.get(step % reasons.size());
    }

    /** What the open picker shows, e.g. "lunch 2/5". */
    private String pickerText(int step) {
        int count = machine.config().reasons().size();
        return reasonAt(step) + " " + (step % count + 1) + "/" + count;
    }

    private void onHeadset(boolean plugged) {
        if (!plugged) {
            Logger.info("seat {}: headset unplugged", config.seat());
            apply(machine.headsetUnplugged());
        }
    }

    private void refresh() {
        gestures.tick(clock.millis()).ifPresent(this::act);
        apply(machine.tick());
        watchGateway(clock.millis());
        refreshOutputs(clock.millis());
    }

    /** A primary gateway silent too long is shown down, and its topic subscribed again (see GatewayWatch). */
    private void watchGateway(long now) {
        boolean up = gatewayWatch.up(now);
        if (gatewayUp && !up) {
            Logger.warn("gateway {} not heard for {} s: shown down", gatewayWatch.holder(), GatewayWatch.SILENT_MS / 1000);
        }
        gatewayUp = up;
        if (brokerUp && gatewayWatch.resubscribeDue(now)) {
            uplink.resubscribe("the floor's gateway has been silent");
        }
    }

    private void refreshOutputs(long now) {
        boolean writable = journal.writable();
        if (diskOk != writable) {
            diskOk = writable;
            if (brokerUp) {
                uplink.publish(statusTopic, onlineStatus(), true); // the fleet view shows the disk problem
            }
        }
        Snapshot s = machine.snapshot();
        showLight(s, now);
        OptionalInt step = gestures.pickerStep();
        String picking = step.isPresent() ? pickerText(step.getAsInt()) : null;
        display.show(new Screen(config.seat(), commands.shownAgent(s.agent()), s.state(), s.reason(), s.help(),
                (now - s.since()) / 1000, commands.message(now), brokerUp, gatewayUp, picking, diskOk,
                s.pending() == null ? null : s.pending().text(), phone.text(now)));
    }

    private void showLight(Snapshot s, long now) {
        light.show(pattern.at(s.state(), s.help(), s.since(), brokerUp && gatewayUp, pendingState(s), phone.ringing(now),
                now));
    }

    private static AgentState pendingState(Snapshot s) {
        return s.pending() == null ? null : s.pending().state();
    }

    /** Journal first (forced to disk), then the light, then the wire: what was published is on disk. */
    private void apply(Optional<Transition> transition) {
        if (transition.isEmpty()) {
            return;
        }
        Transition t = transition.get();
        Snapshot to = t.to();
        seq++;
        SeatEvent event = new SeatEvent(config.seat(), to.agent(), t.from().state(), to.state(), to.reason(), to.help(),
                t.at(), seq, boot, t.cause(), to.pending());
        SeatState state = event.toState(to.since());
        journal.append(event);
        stateFile.save(state);
        badgeFile.keep(machine.badgeAgent());
        Logger.info("seat {} seq {}: {} -> {}{}{}{} ({})", config.seat(), seq, t.from().state(), to.state(),
                to.reason() == null ? "" : " " + to.reason(), to.help() ? " +help" : "",
                to.pending() == null ? "" : " next: " + to.pending().text(), t.cause().wire());
        showLight(to, clock.millis());
        uplink.publishEvents(List.of(event));
        uplink.publish(stateTopic, state, true);
    }

    /**
     * The floor already holds this seat's events up to {@code floorSeq}: this terminal's journal is behind
     * (a replaced Pi, a lost or restored data directory). Seqs continue above it, and what this boot
     * journalled below it goes again with new seqs, so nothing pressed is dropped as a duplicate.
     */
    private void continueAbove(long floorSeq) {
        long was = seq;
        List<SeatEvent> again = journal.continueAbove(floorSeq, boot);
        seq = Math.max(floorSeq, journal.lastSeq());
        Logger.warn("seat {}: the floor holds events up to seq {} but this terminal was at {} (replaced, or its data "
                + "directory lost); continuing at {}, {} event(s) of this boot sent again", config.seat(), floorSeq, was,
                seq + 1, again.size());
        stateFile.save(currentState());
        uplink.publishEvents(again);
    }

    private SeatState currentState() {
        Snapshot s = machine.snapshot();
        return new SeatState(config.seat(), s.agent(), s.state(), s.reason(), s.help(), s.since(), seq, boot,
                s.pending());
    }

    private SeatStatus onlineStatus() {
        return SeatStatus.online(boot, firmware, clock.millis(), diskOk ? null : DISK_NOT_WRITABLE);
    }

    private void announce() {
        announce(null);
    }

    /**
     * Status then state; as the answer to a {@code rebirth}, the status names it (null: on a connect). On a connect
     * both are retained, replacing whatever the broker held; an answer is not: the retained copies from the connect
     * still say the same, and on a NATS cluster each retained publish is stored before the seat's next packet is read
     * — up to 4 s, then the connection is closed — just when a node's death has every gateway calling the roll. A
     * Last Will arriving late is put right here ({@link #onMessage}), not by the gateway's rebirth.
     */
    private void announce(String rebirthId) {
        boolean connecting = rebirthId == null;
        uplink.publish(statusTopic, onlineStatus().answering(rebirthId), connecting);
        uplink.publish(stateTopic, currentState(), connecting);
    }

    private void beep() {
        if (buzzer != null) {
            buzzer.beep();
        }
    }

    /** What a supervisor's command does here: the same journal-first path as a button press. */
    private final class CommandsAtThisSeat implements CommandEffects {
        @Override
        public void apply(Optional<Transition> transition) {
            TerminalAgent.this.apply(transition);
        }

        @Override
        public void announce(String rebirthId) {
            TerminalAgent.this.announce(rebirthId);
        }

        @Override
        public void beep() {
            TerminalAgent.this.beep();
        }

        @Override
        public void republish(List<SeatEvent> events) {
            uplink.publishEvents(events);
        }
    }

    @Override
    public void onConnected() {
        onSeatThread(() -> {
            brokerUp = true;
            announce();
            uplink.publishEvents(journal.unsent());
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
                if (seatConfig.lastSeq() != null && seatConfig.lastSeq() > seq) {
                    continueAbove(seatConfig.lastSeq());
                }
                apply(machine.configure(seatConfig));
                phoneDriven = seatConfig.phone() != null;
                uplink.publish(stateTopic, currentState(), true);
            } else if (accepted.message() instanceof CallEvent call) {
                apply(phone.apply(call, clock.millis()));
                refreshOutputs(clock.millis()); // a ring shows at once, not at the next refresh
            } else if (accepted.message() instanceof Command command) {
                uplink.publish(resultTopic, commands.execute(command), false);
            } else if (accepted.message() instanceof GatewayStatus gateway) {
                long now = clock.millis();
                if (gatewayWatch.heard(gateway, now)) {
                    Logger.info("gateway {} is {}", gateway.id(), gateway.online() ? "online" : "offline");
                }
                gatewayUp = gatewayWatch.up(now);
            } else if (accepted.message() instanceof SeatStatus status && !status.online() && uplink.isConnected()) {
                Logger.warn("broker holds an offline status for this seat (boot {}); republishing online", status.boot());
                uplink.publish(statusTopic, onlineStatus(), true);
            }
        });
    }

    @Override
    public void onEventAcknowledged(long seq) {
        journal.acknowledged(seq);
    }

    /** Whether the floor takes this seat's calls from its phone system (its config has phone rules). */
    public boolean phoneDriven() {
        return phoneDriven;
    }

    /** What the seat shows now (for tests and the simulated floor). */
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

    /** Publishes offline, turns the light off and releases the GPIO and display. Safe to call twice. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Logger.info("seat {} stopping", config.seat());
        badgeReader.close();
        seatThread.shutdown();
        try {
            seatThread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        uplink.close(SeatStatus.offline(boot, clock.millis()));
        journal.close();
        light.show(Colour.OFF);
        display.close();
        gpio.context().shutdown();
    }

    /** The installed release's version (the service sets SEATLINK_VERSION from it), else the jar's. */
    private static String firmwareVersion() {
        String release = System.getenv("SEATLINK_VERSION");
        if (release != null && !release.isBlank()) {
            return release.trim();
        }
        String version = TerminalAgent.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
