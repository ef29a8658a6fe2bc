package dev.seatlink.gateway.central;

/** The copy to the centre's store as /health and /metrics show it. */
public interface CentralStatus {
    /** Whether this gateway copies to a centre store at all (--central-store). */
    boolean enabled();

    /** Events copied by this process (new to the centre or not). */
    long copied();

    /** Events waiting in the outbox: counted when caught up or failing, less what was copied meanwhile. */
    long backlog();

    /** Why the last copy failed, or null while copies succeed. */
    String problem();

    /** No centre store configured. */
    static CentralStatus off() {
        return new CentralStatus() {
            @Override
            public boolean enabled() {
                return false;
            }

            @Override
            public long copied() {
                return 0;
            }

            @Override
            public long backlog() {
                return 0;
            }

            @Override
            public String problem() {
                return null;
            }
        };
    }
}
