package dev.seatlink.gateway.roles;

/** The people who sign in to a floor's gateway, as the site config names them. */
public enum Role {
    /** Every floor, every action, the configuration ({@code managers} in the site config). */
    CENTRE_MANAGER("centre-manager", "Centre manager", "managers"),
    /** The running shift on this floor: every seat, moves, the duty log ({@code dutyManagers}). */
    DUTY_MANAGER("duty-manager", "Duty manager", "dutyManagers"),
    /** Their own teams; help routed to them ({@code teams[].leader}). */
    TEAM_LEADER("team-leader", "Team leader", "teams[].leader"),
    /** The live view and reports of every team, no actions ({@code quality}). */
    QUALITY("quality", "Quality / trainer", "quality"),
    /** A phone system's machine input only ({@code integrations}). */
    INTEGRATION("integration", "Integration account", "integrations");

    private final String label;
    private final String title;
    private final String configKey;

    Role(String label, String title, String configKey) {
        this.label = label;
        this.title = title;
        this.configKey = configKey;
    }

    /** As the API and the page name it. */
    public String label() {
        return label;
    }

    /** As people read it. */
    public String title() {
        return title;
    }

    /** Where the site config lists the role's users. */
    public String configKey() {
        return configKey;
    }
}
