package dev.seatlink.gateway.acd;

import dev.seatlink.protocol.CtiEvent;
import java.util.List;

/** What the floor hears from the phone system's link, on the floor's event loop, in the order it happened. */
public interface AcdListener {
    /**
     * Logged in (again) and its queue members read: every member's pause and queues as the ACD holds them now.
     */
    void connected(List<MemberPause> members, java.util.Map<String, java.util.Set<String>> queues);

    /** A member was added to a queue ({@code joined}, paused or not) or removed from one. */
    void membership(String member, String queue, boolean joined, boolean paused);

    /** One of its events, as a CTI event. */
    void event(CtiEvent event);

    /** The link is down (or could not log in); it tries again by itself. */
    void down(String why);
}
