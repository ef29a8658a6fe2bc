package dev.seatlink.gateway.site;

import java.util.Map;

/**
 * When the floor raises alerts. All in seconds.
 *
 * @param notReadySeconds per reason code, how long an agent may stay not ready before an alert;
 *                        {@code default} covers reasons not listed (default: break 900, lunch 3600,
 *                        default 1800)
 * @param wrapUpSeconds   wrap-up longer than this raises an alert (default 120)
 * @param helpWaitSeconds a raised hand waiting longer than this raises an alert (default 60)
 * @param offlineSeconds  a seat offline this long while its agent is logged in raises an alert (default 30:
 *                        a terminal restart is quicker)
 */
public record Thresholds(Map<String, Integer> notReadySeconds, int wrapUpSeconds, int helpWaitSeconds,
                         int offlineSeconds) {
    public static final String DEFAULT_REASON = "default";

    public Thresholds {
        notReadySeconds = Map.copyOf(notReadySeconds);
    }

    public static Thresholds defaults() {
        return new Thresholds(Map.of("break", 900, "lunch", 3600, DEFAULT_REASON, 1800), 120, 60, 30);
    }

    /** The limit for one reason code, in milliseconds. */
    public long notReadyLimitMs(String reason) {
        Integer seconds = reason == null ? null : notReadySeconds.get(reason);
        return 1000L * (seconds != null ? seconds : notReadySeconds.getOrDefault(DEFAULT_REASON, 1800));
    }
}
