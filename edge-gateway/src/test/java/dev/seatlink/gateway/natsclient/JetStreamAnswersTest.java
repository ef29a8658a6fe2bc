package dev.seatlink.gateway.natsclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The nodes' JetStream answers read as "a session can be made now", or why not. */
class JetStreamAnswersTest {
    private static final String UNAVAILABLE = "{\"type\":\"io.nats.jetstream.api.v1.%s\",\"error\":{\"code\":503,"
            + "\"err_code\":10008,\"description\":\"JetStream system temporarily unavailable\"}}";

    @Test
    void theMetaLeadersAccountInfoSaysGo() {
        assertThat(JetStreamAnswers.metaLeader(bytes("{\"type\":\"io.nats.jetstream.api.v1.account_info_response\","
                + "\"memory\":0,\"storage\":1024,\"streams\":4,\"consumers\":12}"))).isEmpty();
    }

    @Test
    void aNodeThatKnowsOfNoMetaLeaderSaysWait() {
        assertThat(JetStreamAnswers.metaLeader(bytes(UNAVAILABLE.formatted("account_info_response"))))
                .contains("JetStream's meta leader: JetStream system temporarily unavailable");
    }

    @Test
    void theStreamsLeaderNamingItselfSaysGo() {
        assertThat(JetStreamAnswers.streamLeader(bytes(info("n2")), "$MQTT_sess")).isEmpty();
    }

    @Test
    void aMemberNamingNoLeaderWhileTheStreamElectsSaysWait() {
        assertThat(JetStreamAnswers.streamLeader(bytes(info(null)), "$MQTT_sess"))
                .contains("$MQTT_sess has no leader yet");
    }

    @Test
    void anOfflineStreamOrAClusterWithoutMetaLeaderSaysWait() {
        assertThat(JetStreamAnswers.streamLeader(bytes("{\"error\":{\"code\":500,\"err_code\":10118,"
                + "\"description\":\"stream is offline\"}}"), "$MQTT_msgs")).contains("$MQTT_msgs: stream is offline");
        assertThat(JetStreamAnswers.streamLeader(bytes(UNAVAILABLE.formatted("stream_info_response")), "$MQTT_msgs"))
                .contains("$MQTT_msgs: JetStream system temporarily unavailable");
    }

    /** The first MQTT connect makes the streams; a lone server's answer has no cluster. Waiting mends neither. */
    @Test
    void aStreamNotMadeYetOrOnALoneServerSaysGo() {
        assertThat(JetStreamAnswers.streamLeader(bytes("{\"error\":{\"code\":404,\"err_code\":10059,"
                + "\"description\":\"stream not found\"}}"), "$MQTT_sess")).isEmpty();
        assertThat(JetStreamAnswers.streamLeader(bytes("{\"config\":{\"name\":\"$MQTT_sess\"},\"state\":{}}"),
                "$MQTT_sess")).isEmpty();
    }

    @Test
    void anUnreadableAnswerSaysWait() {
        assertThat(JetStreamAnswers.streamLeader(bytes("not json"), "$MQTT_sess"))
                .contains("an unreadable answer about $MQTT_sess");
        assertThat(JetStreamAnswers.metaLeader(bytes("[1]")))
                .contains("an unreadable answer about JetStream's meta leader");
        assertThat(JetStreamAnswers.metaLeader(new byte[0])).isPresent();
    }

    /** As nats-server writes it: no "leader" while there is none. */
    private static String info(String leader) {
        return "{\"type\":\"io.nats.jetstream.api.v1.stream_info_response\",\"config\":{\"name\":\"$MQTT_sess\"},"
                + "\"cluster\":{\"name\":\"seatlink\"," + (leader == null ? "" : "\"leader\":\"" + leader + "\",")
                + "\"replicas\":[{\"name\":\"n1\",\"current\":false}]}}";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
