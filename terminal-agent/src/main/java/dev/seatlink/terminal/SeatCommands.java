package dev.seatlink.terminal;

import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Command;
import dev.seatlink.protocol.CommandResult;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.terminal.journal.Journal;
import dev.seatlink.terminal.seat.Clock;
import dev.seatlink.terminal.seat.SeatStateMachine;
import dev.seatlink.terminal.seat.SupervisorOutcome;
import dev.seatlink.terminal.seat.Transition;
import java.util.List;
import java.util.Optional;
import org.tinylog.Logger;

/**
 * Carries out supervisor commands on the seat thread and says how each went. Also keeps the
 * supervisor's message for the display until it is read (any button) or expires.
 */
final class SeatCommands {
    /** How long a supervisor message stays on the display unless a button press clears it. */
    static final long MESSAGE_MS = 5 * 60_000;
    /** How long a badge sign-in's greeting stays on the display. */
    static final long GREETING_MS = 10_000;

    private final SeatStateMachine machine;
    private final CommandEffects seat;
    private final Journal journal;
    private final Clock clock;
    private String message;
    private long messageUntil;
    /** Who the last badge sign-in was for, and the name it brought (null: none, or the directory had no name). */
    private String badgedAgent;
    private String badgedName;

    SeatCommands(SeatStateMachine machine, CommandEffects seat, Journal journal, Clock clock) {
        this.machine = machine;
        this.seat = seat;
        this.journal = journal;
        this.clock = clock;
    }

    CommandResult execute(Command command) {
        Logger.info("command {} ({})", command.getClass().getSimpleName(), command.id());
        if (command instanceof Command.SetState set) {
            SupervisorOutcome outcome = machine.supervisorSet(set.state(), set.reason());
            if (outcome.isRefused()) {
                return CommandResult.failure(command.id(), outcome.refusal());
            }
            seat.apply(outcome.transition());
        } else if (command instanceof Command.ShowMessage show) {
            message = show.text();
            messageUntil = clock.millis() + MESSAGE_MS;
            seat.beep();
        } else if (command instanceof Command.AckHelp) {
            Optional<Transition> lowered = machine.acknowledgeHelp();
            seat.apply(lowered);
            if (lowered.isPresent()) {
                seat.beep();
            }
        } else if (command instanceof Command.SignIn signIn) {
            List<Transition> made = machine.signIn(signIn.agent());
            boolean in = signIn.agent().equals(machine.snapshot().agent())
                    && machine.snapshot().state() != AgentState.LOGGED_OUT;
            if (!in) {
                return CommandResult.failure(command.id(), "another agent's contact is running here: finish it first");
            }
            made.forEach(transition -> seat.apply(Optional.of(transition)));
            // by first name: as people greet each other, and it fits a 16-character row ("Hello, Yara Hadd" did not)
            message = "Hello, " + (signIn.name() == null ? signIn.agent() : signIn.name().strip().split("\\s+")[0]);
            badgedAgent = signIn.agent();
            badgedName = signIn.name();
            messageUntil = clock.millis() + GREETING_MS;
            seat.beep();
        } else if (command instanceof Command.Rebirth) {
            seat.announce(command.id());
        } else if (command instanceof Command.Replay replay) {
            List<SeatEvent> events = journal.between(replay.from(), replay.last());
            seat.republish(events);
            long kept = journal.firstSeq();
            if (replay.from() < kept) {
                return CommandResult.failure(command.id(), "events before seq " + kept + " are no longer kept here; "
                        + events.size() + " replayed");
            }
        }
        return CommandResult.success(command.id());
    }

    /**
     * The agent as the display names them: by the name their badge sign-in brought, else by id (the seat's config
     * and the journal know only the id; a restart forgets the name until the next badge).
     */
    String shownAgent(String agent) {
        return agent != null && agent.equals(badgedAgent) && badgedName != null ? badgedName : agent;
    }

    /** The message to show now, or null. */
    String message(long now) {
        if (message != null && now >= messageUntil) {
            message = null;
        }
        return message;
    }

    /** A short note of the terminal's own for the display (a badge that could not be sent). */
    void notice(String text) {
        message = text;
        messageUntil = clock.millis() + GREETING_MS;
        seat.beep();
    }

    /** The agent pressed a button: the message has been read. */
    void messageRead() {
        message = null;
    }
}
