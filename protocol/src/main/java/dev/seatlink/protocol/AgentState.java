package dev.seatlink.protocol;

/** The five states a terminal reports. OFFLINE is not one of them: the gateway derives it from status. */
public enum AgentState {
    LOGGED_OUT,
    READY,
    NOT_READY,
    BUSY,
    WRAP_UP;

    /** Whether an agent in this state is signed in: every state but LOGGED_OUT. */
    public boolean signedIn() {
        return this != LOGGED_OUT;
    }
}
