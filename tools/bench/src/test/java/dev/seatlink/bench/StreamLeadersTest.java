package dev.seatlink.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class StreamLeadersTest {
    private static final LocalDateTime KILLED = LocalDateTime.of(2026, 12, 7, 13, 21, 13, 920_000_000);
    private static final LocalDateTime RESTARTED = KILLED.plusSeconds(20);

    @Test
    void theMqttStreamsElectedAfterTheKillAndBeforeTheRestartAreNamedEarliestFirstEachAtItsFirstElection() {
        Map<String, Duration> elected = StreamLeaders.electedBetween(Stream.of(
                "[8794] 2026/12/07 13:20:10.100000 [INF] JetStream cluster new stream leader for '$G > $MQTT_rmsgs'",
                "[8779] 2026/12/07 13:21:19.469163 [INF] Self is new JetStream cluster metadata leader",
                "[8794] 2026/12/07 13:21:20.420000 [INF] JetStream cluster new stream leader for '$G > $MQTT_msgs'",
                "[8794] 2026/12/07 13:21:19.041747 [INF] JetStream cluster new stream leader for '$G > $MQTT_sess'",
                "[8779] 2026/12/07 13:21:19.900000 [INF] JetStream cluster new stream leader for '$G > $MQTT_sess'",
                "[8794] 2026/12/07 13:21:15.000000 [INF] JetStream cluster new stream leader for '$G > KV_lease'",
                "[9001] 2026/12/07 13:21:40.000000 [INF] JetStream cluster new stream leader for '$G > $MQTT_rmsgs'"),
                KILLED, RESTARTED);

        assertThat(elected).containsOnly(Map.entry("$MQTT_sess", Duration.ofMillis(5_121).plusNanos(747_000)),
                Map.entry("$MQTT_msgs", Duration.ofMillis(6_500)));
        assertThat(StreamLeaders.describe(elected)).isEqualTo("$MQTT_sess 5.1 s, $MQTT_msgs 6.5 s");
    }

    @Test
    void aKillThatTookNoMqttStreamsLeaderSaysNone() {
        Map<String, Duration> elected = StreamLeaders.electedBetween(Stream.of(
                "[8779] 2026/12/07 13:21:19.469163 [INF] Self is new JetStream cluster metadata leader",
                "[8794] 2026/12/07 13:21:20 [ERR] not a log line this reads"), KILLED, RESTARTED);

        assertThat(StreamLeaders.describe(elected)).isEqualTo("none");
    }
}
