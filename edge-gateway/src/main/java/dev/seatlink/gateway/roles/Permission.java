package dev.seatlink.gateway.roles;

/**
 * What a signed-in user may do on a floor. Each route checks one; the page shows only the buttons whose
 * permission the user holds. Watching the wallboard, {@code /health} and {@code /metrics} need none.
 */
public enum Permission {
    VIEW_TEAMS("view-teams", "see team views, the agents' figures and seats' event histories"),
    READ_REPORTS("read-reports", "read the time-in-state, daily and monthly-review reports"),
    READ_AUDIT("read-audit", "read the audit trail of supervisor actions"),
    ACT_ON_SEATS("act-on-seats", "send seats commands: message, force not ready, sign out, rebirth, replay"),
    TAKE_HELP("take-help", "take a raised hand (a leader also those routed to their team)"),
    MOVE("move", "move an agent or a seat to another team, for the shift or for good"),
    KEEP_DUTY_LOG("keep-duty-log", "write the duty log, read the handover report and acknowledge it"),
    READ_AGENTS("read-agents", "read the agent directory"),
    EDIT_AGENTS("edit-agents", "import and edit the agent directory and the roster"),
    MANAGE_FLEET("manage-fleet", "remove a leftover seat from the broker"),
    POST_PHONE_EVENTS("post-phone-events", "post phone-system events (POST /api/cti/events)");

    private final String label;
    private final String description;

    Permission(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }
}
