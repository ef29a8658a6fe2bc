package dev.seatlink.gateway.acd;

/**
 * The floor's way to the phone system's queues: set a member's pause (in every queue), add or remove it, and
 * whether the link is up.
 */
public interface AcdLink {
    /** No phone system's link is configured: nothing to send, nothing to report. */
    AcdLink NONE = new AcdLink() {
        @Override
        public void pause(MemberPause pause) {
        }

        @Override
        public void member(String member, boolean add, java.util.Set<String> queues) {
        }

        @Override
        public String status() {
            return null;
        }

        @Override
        public boolean isUp() {
            return false;
        }
    };

    /** Asks the ACD for {@code pause}; what it holds comes back as its own report (the echo). */
    void pause(MemberPause pause);

    /**
     * Adds the member to ({@code add}) or removes it from each of {@code queues}; what the ACD holds comes back as its
     * own reports.
     */
    void member(String member, boolean add, java.util.Set<String> queues);

    /** "UP", or what is wrong ("DOWN: …", "CONNECTING"), for {@code /health}; null when there is no link. */
    String status();

    boolean isUp();
}
