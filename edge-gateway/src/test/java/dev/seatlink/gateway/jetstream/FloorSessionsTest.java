package dev.seatlink.gateway.jetstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FloorSessionsTest {
    private final JszParser parser = new JszParser();
    private final FloorSessions sessions = new FloorSessions("hq", "f1");

    /** A consumer as {@code /jsz?consumers=true&config=true} lists it (the fields SeatLink reads, and some it does not). */
    private static String consumer(String clientId, String topic, long pending, long ackPending, long delivered) {
        return """
                {"stream_name":"$MQTT_msgs","name":"%s_gkN3nWJYDRaB6tKFzE9V%d","config":{"durable_name":"x",
                 "ack_policy":"explicit","filter_subject":"$MQTT.msgs.%s","num_replicas":1},
                 "delivered":{"consumer_seq":1,"stream_seq":%d},"num_ack_pending":%d,"num_pending":%d,
                 "cluster":{"name":"seatlink","leader":"n1"},"push_bound":true}"""
                .formatted(SessionHash.of(clientId), Math.abs(topic.hashCode()), topic.replace('/', '.').replace("+", "*"), delivered, ackPending, pending);
    }

    private static String node(long storage, String... consumers) {
        return """
                {"server_id":"N1","memory":0,"storage":%d,"streams":3,"consumers":%d,
                 "account_details":[{"name":"$G","id":"$G","stream_detail":[
                   {"name":"$MQTT_msgs","state":{"messages":20380,"bytes":4549139},"consumer_detail":[%s]},
                   {"name":"$MQTT_rmsgs","state":{"messages":6042,"bytes":2026884},"consumer_detail":[
                     {"stream_name":"$MQTT_rmsgs","name":"$MQTT_rmsgs_44jzkV9D","num_pending":6042}]}]}]}"""
                .formatted(storage, consumers.length, String.join(",", consumers));
    }

    private NodeReading read(String json) throws IOException {
        return parser.parse("http://n1", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void tracesEachConsumerToTheFloorsGatewaysAndSeats() throws IOException {
        NodeReading n1 = read(node(7_710_588,
                consumer("hq.f1.gateway-a", "seatlink/v1/hq/f1/+/event", 40, 2, 900),
                consumer("hq.f1.gateway-a", "seatlink/v1/hq/f1/+/status", 1, 0, 900),
                consumer("hq.f1.s1", "seatlink/v1/hq/f1/s1/cmd", 0, 0, 10),
                consumer("hq.f1.s1", "seatlink/v1/hq/f1/s1/config", 1, 0, 10),
                consumer("hq.f2.s1", "seatlink/v1/hq/f2/s1/cmd", 5, 0, 10)));

        ClusterFigures figures = sessions.match(List.of(n1), List.of("s1", "s2"), 1_000);

        assertThat(figures.readAt()).isEqualTo(1_000);
        assertThat(figures.nodes()).containsExactly(new ClusterFigures.Node("http://n1", null, 7_710_588, 0));
        assertThat(figures.streams()).extracting(NodeReading.Stream::name).containsExactly("$MQTT_msgs", "$MQTT_rmsgs");
        assertThat(figures.gatewayBacklog()).containsExactlyEntriesOf(java.util.Map.of("gateway-a", 43L));
        assertThat(figures.seatBacklog()).containsExactlyEntriesOf(java.util.Map.of("s1", 1L));
        assertThat(figures.leftoverSessions()).as("another floor's seat is not this floor's leftover").isEmpty();
    }

    @Test
    void aSessionOfASeatNoLongerInTheSiteConfigIsALeftover() throws IOException {
        NodeReading n1 = read(node(1, consumer("hq.f1.old-7", "seatlink/v1/hq/f1/old-7/cmd", 3, 1, 5),
                consumer("hq.f1.old-7", "seatlink/v1/hq/f1/old-7/config", 1, 0, 5),
                // a topic of seat x made by someone else's session is not x's session
                consumer("hq.f1.monitor-copy", "seatlink/v1/hq/f1/x/cmd", 1, 0, 5)));

        assertThat(sessions.match(List.of(n1), List.of("s1"), 1).leftoverSessions())
                .containsExactlyEntriesOf(java.util.Map.of("old-7", 5L));
    }

    @Test
    void aReplicatedConsumerListedByEveryNodeCountsOnceAsItsNewestReplicaSaysAndAnUnreadNodeIsShown()
            throws IOException {
        NodeReading leader = read(node(10, consumer("hq.f1.gateway-b", "seatlink/v1/hq/f1/+/event", 7, 0, 500)));
        NodeReading lagging = read(node(10, consumer("hq.f1.gateway-b", "seatlink/v1/hq/f1/+/event", 90, 0, 410)));

        ClusterFigures figures = sessions.match(List.of(lagging, leader, NodeReading.unreachable("http://n3", "refused")),
                List.of(), 1);

        assertThat(figures.gatewayBacklog()).containsExactlyEntriesOf(java.util.Map.of("gateway-b", 7L));
        assertThat(figures.nodes()).extracting(ClusterFigures.Node::problem).containsExactly(null, null, "refused");
    }

    @Test
    void leftoversAreBoundedWhateverTheClusterHolds() throws IOException {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < FloorSessions.MAX_LEFTOVERS + 50; i++) {
            many.add(consumer("hq.f1.gone-" + i, "seatlink/v1/hq/f1/gone-" + i + "/cmd", 1, 0, 1));
        }
        NodeReading n1 = read(node(1, many.toArray(String[]::new)));

        assertThat(sessions.match(List.of(n1), List.of(), 1).leftoverSessions()).hasSize(FloorSessions.MAX_LEFTOVERS);
    }

    @Test
    void aGarbledOrOversizedAnswerIsAnErrorNotAFigure() {
        assertThatThrownBy(() -> read("[1,2]")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read("{\"storage\": ")).isInstanceOf(IOException.class);
        byte[] huge = new byte[JszParser.MAX_BYTES + 10];
        java.util.Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        assertThatThrownBy(() -> parser.parse("n", new ByteArrayInputStream(huge))).isInstanceOf(IOException.class);
    }
}
