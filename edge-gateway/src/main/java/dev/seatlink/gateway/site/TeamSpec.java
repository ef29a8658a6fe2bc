package dev.seatlink.gateway.site;

import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.PhoneRules;
import java.util.List;

/**
 * A team: a leader and the seats of its agents, with what it is grouped by and its own rules. Every
 * field is filled in by the loader (the site's value where the file leaves a team's out).
 *
 * @param name          what the wallboard shows, e.g. "Billing 1"
 * @param leader        the team leader's user id, or null; the leader may act on the team's seats
 * @param businessLine  e.g. billing, tech; used to pivot the wallboard
 * @param customerTier  e.g. standard, vip
 * @param skillTier     novice, regular or expert: the tier of the team and the default of its agents
 * @param reasons       not-ready reason codes the team's seats offer
 * @param minReady      fewer ready agents than this (while anyone is staffed) raises an alert; 0 = never
 * @param help          where a raised hand goes
 * @param phone         how its seats on the phone system follow calls (the site's rules where the team has none)
 * @param removeOnSignOut its agents signing out are taken out of the phone system's queues (and put back on signing
 *                      in) instead of paused
 */
public record TeamSpec(String id, String name, String leader, String businessLine, String customerTier,
                       String skillTier, List<String> reasons, int wrapUpSeconds, AgentState wrapUpThen, int minReady,
                       HelpRoute help, PhoneRules phone, boolean removeOnSignOut) {

    public TeamSpec {
        reasons = List.copyOf(reasons);
    }
}
