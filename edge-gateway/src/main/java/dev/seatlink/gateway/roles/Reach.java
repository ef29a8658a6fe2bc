package dev.seatlink.gateway.roles;

/** How far a permission reaches: not at all, the user's own teams, or the whole floor. */
public enum Reach {
    NONE("—"),
    OWN_TEAMS("own teams"),
    FLOOR("whole floor");

    private final String text;

    Reach(String text) {
        this.text = text;
    }

    /** As the permissions table in the docs writes it. */
    public String text() {
        return text;
    }

    /** The wider of two reaches: a user with two roles has what either gives. */
    Reach or(Reach other) {
        return ordinal() >= other.ordinal() ? this : other;
    }

    /** The API's name for it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
