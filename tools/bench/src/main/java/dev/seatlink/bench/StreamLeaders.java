package dev.seatlink.bench;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which of NATS's MQTT streams had a new leader elected after a node's kill, and how long after, read in the nodes'
 * logs. A node kill that takes the leader of {@code $MQTT_sess} or {@code $MQTT_msgs} holds every connect or store
 * until a new one is elected (runs 135–149: floors whole 10.7–20.2 s after such a kill, 4.9–5.1 s after one that
 * took neither), so the bench says which it took beside the times. Pure: the caller reads the logs.
 */
final class StreamLeaders {
    private static final Pattern NEW_LEADER = Pattern.compile(
            "^\\[\\d+] (\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{6}) \\[INF] JetStream cluster new stream leader for "
                    + "'\\$G > (\\$MQTT_\\w+)'");
    /** nats-server's log time: the host's local time, to the microsecond. */
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss.SSSSSS");

    private StreamLeaders() {
    }

    /**
     * Each MQTT stream whose new leader a log line announces after {@code from} and before {@code until} (the killed
     * node's restart elects again), with the time since {@code from} of its first such line.
     */
    static Map<String, Duration> electedBetween(Stream<String> lines, LocalDateTime from, LocalDateTime until) {
        Map<String, Duration> elected = new HashMap<>();
        lines.forEach(line -> {
            Matcher matcher = NEW_LEADER.matcher(line);
            if (!matcher.find()) {
                return;
            }
            LocalDateTime at = LocalDateTime.parse(matcher.group(1), LOG_TIME);
            if (at.isAfter(from) && at.isBefore(until)) {
                elected.merge(matcher.group(2), Duration.between(from, at), StreamLeaders::earlier);
            }
        });
        return elected;
    }

    /** The shorter of two times: merges what several nodes' logs say of one stream. */
    private static Duration earlier(Duration one, Duration other) {
        return one.compareTo(other) <= 0 ? one : other;
    }

    /** "$MQTT_sess 5.1 s, $MQTT_msgs 6.5 s" (earliest first), or "none". */
    static String describe(Map<String, Duration> elected) {
        if (elected.isEmpty()) {
            return "none";
        }
        return elected.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .map(entry -> String.format("%s %.1f s", entry.getKey(), entry.getValue().toMillis() / 1000.0))
                .collect(Collectors.joining(", "));
    }
}
