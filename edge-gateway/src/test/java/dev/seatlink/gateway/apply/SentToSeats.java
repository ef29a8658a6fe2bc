package dev.seatlink.gateway.apply;

import dev.seatlink.protocol.Command;
import java.util.ArrayList;
import java.util.List;

/** A {@link SeatOutbox} that keeps what the floor sent, in order, and whether each was asked at most once. */
final class SentToSeats implements SeatOutbox {
    record Sent(String seat, Command command, boolean atMostOnce) {
    }

    final List<Sent> commands = new ArrayList<>();
    final List<String> configs = new ArrayList<>();

    @Override
    public void command(String seat, Command command) {
        commands.add(new Sent(seat, command, false));
    }

    @Override
    public void ask(String seat, Command command) {
        commands.add(new Sent(seat, command, true));
    }

    @Override
    public void config(String seat) {
        configs.add(seat);
    }

    List<Command> commandsTo(String seat) {
        return commands.stream().filter(sent -> sent.seat().equals(seat)).map(Sent::command).toList();
    }
}
