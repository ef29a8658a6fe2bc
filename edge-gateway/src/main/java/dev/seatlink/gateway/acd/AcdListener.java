package dev.seatlink.gateway.acd;

import dev.seatlink.protocol.CtiEvent;
import java.util.List;

/** What the floor hears from the phone system's link, on the floor's event loop, in the order it happened. */
public interface AcdListener {
    /** Logged in (again) and its queue members read: every member's pause as the ACD holds it now. */
    void connected(List<MemberPause> members);

    /** One of its events, as a CTI event. */
    void event(CtiEvent event);

    /** The link is down (or could not log in); it tries again by itself. */
    void down(String why);
}
