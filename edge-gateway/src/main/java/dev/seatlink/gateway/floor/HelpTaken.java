package dev.seatlink.gateway.floor;

/**
 * A raised hand a supervisor took (their ack-help was carried out by the seat).
 *
 * @param raisedAt when the hand went up (terminal clock)
 * @param takenAt  when the seat confirmed (gateway clock)
 */
public record HelpTaken(String seat, String agent, String by, long raisedAt, long takenAt) {
}
