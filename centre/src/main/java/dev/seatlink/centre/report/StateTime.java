package dev.seatlink.centre.report;

/**
 * Time a floor's seats spent in one state within a period, all seats added up.
 *
 * @param entries how often a seat entered the state in the period (contacts, for BUSY)
 */
public record StateTime(String site, String floor, String state, long ms, long entries) {
}
