package dev.seatlink.protocol;

/** Every payload of the v1 contract. The codec adds {@code "v":1} on the wire. */
public sealed interface Message
        permits SeatStatus, SeatState, SeatEvent, SeatConfig, Command, CommandResult, GatewayStatus, FloorSummary,
        CtiEvent, CallEvent, BadgeRead, FloorMoves, ShiftRecord, Probe {
}
