/**
 * Applying what the seats sent to the floor, on the loop that owns it: the {@link
 * dev.seatlink.gateway.apply.FloorUpdater} (order by seq through the {@link dev.seatlink.gateway.apply.Reorderer},
 * replay and rebirth requests, seq guards) and what it asks of the broker link ({@link
 * dev.seatlink.gateway.apply.SeatOutbox}).
 */
package dev.seatlink.gateway.apply;
