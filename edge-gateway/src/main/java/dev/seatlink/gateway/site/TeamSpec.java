package dev.seatlink.gateway.site;

/**
 * A team: a leader and the seats of its agents.
 *
 * @param name   what the wallboard shows, e.g. "Billing 1"
 * @param leader the team leader's id, or null
 */
public record TeamSpec(String id, String name, String leader) {
}
