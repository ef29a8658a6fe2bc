package dev.seatlink.gateway.floor;

import java.util.List;

/**
 * A raised hand in the help queue.
 *
 * @param model    integrated (the team leader and the team's experts take it) or specialist
 * @param routedTo the team whose queue it is in: the seat's own team, or the specialist group
 * @param takers   who is asked to take it: the routed team's leader first, then its expert-tier agents
 * @param since    when the hand went up (terminal clock)
 * @param waitedMs how long it has waited so far
 */
public record HelpRequest(String seat, String agent, String team, String model, String routedTo, List<String> takers,
                          long since, long waitedMs) {

    public HelpRequest {
        takers = List.copyOf(takers);
    }
}
