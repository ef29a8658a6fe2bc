package dev.seatlink.gateway.floor;

import java.util.Map;

/**
 * Seat counts for the floor and per team.
 *
 * @param states seats per shown state (OFFLINE included), every state present
 * @param teams  per team, seats per shown state
 */
public record FloorCounts(int seats, int online, int help, Map<String, Integer> states,
                          Map<String, Map<String, Integer>> teams) {
}
