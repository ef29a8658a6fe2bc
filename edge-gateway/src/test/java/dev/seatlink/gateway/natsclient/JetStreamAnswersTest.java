package dev.seatlink.gateway.natsclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The nodes' JetStream answers read as "a session can be made now", or why not; as a session's consumers; as whether a
 * consumer lives.
 */
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

    /** A session's record as nats-server 2.9 keeps it: each subscription's consumer config under its subject. */
    @Test
    void aSessionsRecordNamesTheConsumerOfEachSubject() {
        String record = "{\"origin\":\"n1\",\"id\":\"hq.f1.gateway-a\",\"subs\":{\"a.*.event\":1},\"cons\":{"
                + "\"a.*.event\":{\"durable_name\":\"44Qz8qBq_one\",\"filter_subject\":\"$MQTT.msgs.a.*.event\"},"
                + "\"a.*.state.>\":{\"durable_name\":\"44Qz8qBq_two\",\"filter_subject\":\"$MQTT.msgs.a.*.state.>\"},"
                + "\"a.*.state fwc\":{\"durable_name\":\"44Qz8qBq_three\",\"filter_subject\":\"$MQTT.msgs.a.*.state\"},"
                + "\"odd\":{\"durable_name\":\"x\",\"filter_subject\":\"elsewhere\"}}}";
        String answer = "{\"type\":\"io.nats.jetstream.api.v1.stream_msg_get_response\",\"message\":{\"subject\":"
                + "\"$MQTT.sess.44Qz8qBq\",\"seq\":3,\"data\":\""
                + Base64.getEncoder().encodeToString(bytes(record)) + "\"}}";

        assertThat(JetStreamAnswers.sessionConsumers(bytes(answer))).contains(Map.of("a.*.event", "44Qz8qBq_one",
                "a.*.state.>", "44Qz8qBq_two", "a.*.state", "44Qz8qBq_three"));
    }

    /** No record (an error: no such session, no leader to ask) is not a record without consumers. */
    @Test
    void anAnswerWithoutARecordNamesNothing() {
        assertThat(JetStreamAnswers.sessionConsumers(bytes("{\"error\":{\"code\":404,\"err_code\":10037,"
                + "\"description\":\"no message found\"}}"))).isEmpty();
        assertThat(JetStreamAnswers.sessionConsumers(bytes("{\"message\":{\"data\":\"not base64!\"}}"))).isEmpty();
        assertThat(JetStreamAnswers.sessionConsumers(bytes("{\"message\":{\"data\":\""
                + Base64.getEncoder().encodeToString(bytes("{}")) + "\"}}"))).contains(Map.of());
    }

    @Test
    void aConsumersLeaderAnsweringSaysItLives() {
        assertThat(JetStreamAnswers.consumer(bytes("{\"type\":\"io.nats.jetstream.api.v1.consumer_info_response\","
                + "\"stream_name\":\"$MQTT_msgs\",\"name\":\"44Qz8qBq_one\",\"cluster\":{\"leader\":\"n2\"}}"), true))
                .isEqualTo(JetStreamAnswers.Consumer.LIVE);
    }

    /** Unknown is gone only for a consumer the record names now: one named before may have been replaced since. */
    @Test
    void anOfflineConsumerIsGoneAndAnUnknownOneOnlyWhenTheRecordIsCurrent() {
        String offline = "{\"error\":{\"code\":500,\"err_code\":10119,\"description\":\"consumer is offline\"}}";
        String unknown = "{\"error\":{\"code\":404,\"err_code\":10014,\"description\":\"consumer not found\"}}";
        assertThat(JetStreamAnswers.consumer(bytes(offline), false)).isEqualTo(JetStreamAnswers.Consumer.GONE);
        assertThat(JetStreamAnswers.consumer(bytes(unknown), true)).isEqualTo(JetStreamAnswers.Consumer.GONE);
        assertThat(JetStreamAnswers.consumer(bytes(unknown), false)).isEqualTo(JetStreamAnswers.Consumer.UNSURE);
        assertThat(JetStreamAnswers.consumer(bytes(UNAVAILABLE.formatted("consumer_info_response")), true))
                .isEqualTo(JetStreamAnswers.Consumer.UNSURE);
        assertThat(JetStreamAnswers.consumer(bytes("not json"), true)).isEqualTo(JetStreamAnswers.Consumer.UNSURE);
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
