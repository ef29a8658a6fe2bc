package dev.seatlink.gateway.apply;

import dev.seatlink.protocol.CommandResult;

/** Who waits for a seat's answer to a command (the supervisor who sent it). */
public interface CommandAnswers {
    void answered(String seat, CommandResult result);
}
