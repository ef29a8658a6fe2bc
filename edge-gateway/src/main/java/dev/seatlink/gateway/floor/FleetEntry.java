package dev.seatlink.gateway.floor;

/**
 * One seat terminal as the technicians' fleet view shows it.
 *
 * @param firmware    the release the terminal reports in its status, or null before one
 * @param boot        the terminal process's boot id, or null before one
 * @param bootSeenAt  when the gateway first saw this boot online (gateway clock), 0 if never
 * @param reconnects  how often the terminal came online since the gateway started (1 = once)
 * @param lastEventAt the time of its last event (terminal clock), 0 if none
 * @param missing     events given up as lost since the gateway started (sequence gaps never filled)
 * @param disk        what the terminal's status says is wrong with its journal's disk, or null
 */
public record FleetEntry(String seat, String team, String agent, boolean online, String firmware, String boot,
                         long bootSeenAt, int reconnects, long lastEventAt, long missing, String disk) {
}
