package dev.seatlink.gateway.floor;

import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.site.TeamSpec;
import dev.seatlink.gateway.site.Thresholds;
import dev.seatlink.protocol.AgentState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Which alert conditions hold on the floor now, against the site's thresholds. Pure. */
final class Alerts {
    /** How long a seat whose events were given up as lost stays flagged. */
    static final long LOST_EVENTS_FLAG_MS = 10 * 60_000L;
    /** A seat's queue pause and state may disagree this long (the ACD's echo on its way) before it is an alert. */
    static final long ACD_OUT_OF_STEP_MS = 5_000;

    private Alerts() {
    }

    static List<Alert> holding(SiteConfig site, Collection<LiveSeat> seats, List<GroupKpis> teams, Set<String> gapsOpen,
                               long now) {
        Thresholds limits = site.thresholds();
        List<Alert> alerts = new ArrayList<>();
        for (LiveSeat seat : seats) {
            String id = seat.spec.seat();
            if (seat.isOnline() && seat.state == AgentState.NOT_READY) {
                long limit = limits.notReadyLimitMs(seat.reason);
                if (now - seat.since > limit) {
                    alerts.add(seatAlert(Alert.NOT_READY_OVER_LIMIT, seat, who(seat) + " not ready (" + seat.reason
                            + ") over " + minutes(limit), now));
                }
            }
            if (seat.isOnline() && seat.state == AgentState.WRAP_UP && now - seat.since > limits.wrapUpSeconds() * 1000L) {
                alerts.add(seatAlert(Alert.WRAP_UP_OVER_LIMIT, seat, who(seat) + " in wrap-up over "
                        + minutes(limits.wrapUpSeconds() * 1000L), now));
            }
            if (seat.isOnline() && seat.help && now - seat.helpSince > limits.helpWaitSeconds() * 1000L) {
                alerts.add(seatAlert(Alert.HELP_WAITING, seat, who(seat) + " has waited for help over "
                        + limits.helpWaitSeconds() + " s", now));
            }
            if (Boolean.FALSE.equals(seat.online) && seat.loggedIn()
                    && now - seat.offlineSince > limits.offlineSeconds() * 1000L) {
                alerts.add(seatAlert(Alert.OFFLINE_LOGGED_IN, seat, who(seat) + " is offline with the agent signed in", now));
            }
            boolean lostLately = seat.lostEventsAt > 0 && now - seat.lostEventsAt < LOST_EVENTS_FLAG_MS;
            if (gapsOpen.contains(id) || lostLately) {
                alerts.add(seatAlert(Alert.SEQUENCE_GAP, seat, id + (lostLately
                        ? ": events from the terminal were lost" : ": waiting for missing events"), now));
            }
            if (seat.seqJumpAt > 0 && now - seat.seqJumpAt < LOST_EVENTS_FLAG_MS) {
                alerts.add(seatAlert(Alert.SEQ_JUMP, seat, id + ": a message with an impossible seq was refused "
                        + "(forged, or a broken terminal)", now));
            }
            if (seat.duplicateSeenAt > 0 && now - seat.duplicateSeenAt < LOST_EVENTS_FLAG_MS) {
                alerts.add(seatAlert(Alert.DUPLICATE_TERMINAL, seat, id + ": two terminals use this seat's id and "
                        + "knock each other off (check their seat settings)", now));
            }
            if (seat.acdOutOfStepSince > 0 && now - seat.acdOutOfStepSince > ACD_OUT_OF_STEP_MS) {
                alerts.add(seatAlert(Alert.ACD_OUT_OF_SYNC, seat, id + ": the phone system's queue pause does not match "
                        + "the seat's state (" + seat.state + ")", now));
            }
            if (seat.behindSince > 0) {
                alerts.add(seatAlert(Alert.SEAT_BEHIND, seat, id + ": terminal restarted behind the floor (replaced or "
                        + "data lost); told to continue", now));
            }
        }
        for (GroupKpis team : teams) {
            TeamSpec spec = site.teamsById().get(team.key());
            if (spec != null && spec.minReady() > 0 && team.staffed() > 0 && team.ready() < spec.minReady()) {
                alerts.add(new Alert(Alert.TEAM_BELOW_MIN_READY + ":" + spec.id(), Alert.TEAM_BELOW_MIN_READY, spec.id(),
                        null, null, spec.name() + ": " + team.ready() + " ready, minimum " + spec.minReady(), now));
            }
        }
        return alerts;
    }

    /** The seat and its agent as an alert names them; built only for an alert (the loop sees every seat). */
    private static String who(LiveSeat seat) {
        return seat.spec.seat() + (seat.agent == null ? "" : " (" + seat.agent + ")");
    }

    private static Alert seatAlert(String type, LiveSeat seat, String text, long now) {
        return new Alert(type + ":" + seat.spec.seat(), type, seat.spec.team(), seat.spec.seat(), seat.agent, text, now);
    }

    private static String minutes(long ms) {
        long minutes = ms / 60_000;
        return minutes > 0 ? minutes + " min" : ms / 1000 + " s";
    }
}
