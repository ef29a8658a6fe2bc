package dev.seatlink.gateway.agents;

import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.protocol.Ids;
import java.util.ArrayList;
import java.util.List;

/** What an agent of the directory must be, checked against the floor's site config; each problem names the field. */
public final class AgentRules {
    private AgentRules() {
    }

    /** The problems with {@code agent} ("name: …"), none when it is fine. */
    public static List<String> problems(Agent agent, SiteConfig site) {
        List<String> problems = new ArrayList<>();
        if (!Ids.isValid(agent.id())) {
            problems.add("id '" + Ids.printable(agent.id()) + "' is not an identifier ([a-z0-9][a-z0-9-]{0,31})");
        }
        String name = agent.name();
        if (name == null || name.isBlank() || name.length() > Agent.MAX_NAME_LENGTH
                || name.chars().anyMatch(Character::isISOControl)) {
            problems.add("name must be 1-" + Agent.MAX_NAME_LENGTH + " characters without control characters");
        }
        if (agent.team() == null || site.team(agent.team()).isEmpty()) {
            problems.add("team '" + Ids.printable(agent.team()) + "' is not a team of the site config");
        }
        if (agent.skill() == null || !SeatSpec.SKILL_TIERS.contains(agent.skill())) {
            problems.add("skill '" + Ids.printable(agent.skill()) + "' must be novice, regular or expert");
        }
        String badge = agent.badge();
        if (badge != null && !badge.matches("[A-Za-z0-9]{1," + Agent.MAX_BADGE_LENGTH + "}")) {
            problems.add("badge must be 1-" + Agent.MAX_BADGE_LENGTH + " letters and digits");
        }
        return problems;
    }
}
