package dev.seatlink.centre;

import static dev.seatlink.gateway.testing.FloorChecks.metric;
import static dev.seatlink.gateway.testing.FloorChecks.storedSeqs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.seatlink.cluster.NatsCluster;
import dev.seatlink.gateway.Gateway;
import dev.seatlink.gateway.GatewayConfig;
import dev.seatlink.gateway.testing.DemoManager;
import dev.seatlink.gateway.testing.Http;
import dev.seatlink.gateway.testing.MqttProbe;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.SeatState;
import dev.seatlink.protocol.Topic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster that will not make some of the gateway's consumers — after a node died NATS 2.9 refuses one it placed
 * on the dead node, for as long as it stays dead; here the floor's account may hold only so many consumers, so the
 * ones beyond are refused every time. The gateway takes in what those subscriptions carry over their QoS 0 taps.
 */
class RefusedConsumerOnClusterTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** A gateway taps only on a cluster: on a single broker no consumer is in doubt ({@code LinkSettings#taps}). */
    private static final int NODES = 3;
    private static final String EVENT_CONSUMER = "$MQTT.msgs.seatlink.v1.hq.f1.*.event";

    @TempDir
    Path dir;

    @Test
    void aGatewayWhoseEventConsumerIsRefusedTakesInTheFloorsEventsOverItsTap() throws Exception {
        DemoManager manager = DemoManager.in(dir); // it subscribes status, state, event, … in turn: two are made
        try (NatsCluster cluster = NatsCluster.start(dir.resolve("cluster"), NODES, PATIENCE, accountWithConsumers(2));
             Gateway gateway = Gateway.start(GatewayConfig.defaults().with(0, cluster.brokerList(), 0,
                     dir.resolve("gw")).toBuilder().login("gateway", "gateway-pass").usersFile(manager.usersFile())
                     .build());
             MqttProbe seat = MqttProbe.login(cluster.node(0).mqttUrl(), "seat", "seat-pass")) {
            Http http = new Http(gateway.httpPort(), DemoManager.NAME, manager.password());
            NodeMonitoring node = new NodeMonitoring(cluster);
            await().atMost(PATIENCE).until(() -> node.consumerFilters().size() == 2);

            long now = System.currentTimeMillis();
            for (int seq = 1; seq <= 3; seq++) {
                seat.publish(Topic.seat("hq", "f1", "s-003", Topic.Kind.EVENT), event(seq, now + seq));
            }

            await().atMost(PATIENCE).until(() -> storedSeqs(http, "s-003").equals(List.of(1L, 2L, 3L)));
            assertThat(node.consumerFilters()).as("the event consumer was never made").doesNotContain(EVENT_CONSUMER)
                    .hasSize(2);
            assertThat(metric(http, "seatlink_subscription_taps_total"))
                    .as("status, state, event and cmd-result tapped").isEqualTo(4);
        }
    }

    /**
     * The seat holds the account's only consumer (its command subscription), so every one the gateway asks for is
     * refused. The seat's last events never reach the gateway; its state (seq 5, as a roll call's answer would be)
     * comes over the state tap, shows the gap, and the seat is asked to replay it.
     */
    @Test
    void aGatewayWithoutAStateConsumerSeesTheEventsItMissedFromTheStateTapAndAsksForThem() throws Exception {
        DemoManager manager = DemoManager.in(dir);
        Topic commands = Topic.seat("hq", "f1", "s-003", Topic.Kind.CMD);
        try (NatsCluster cluster = NatsCluster.start(dir.resolve("cluster"), NODES, PATIENCE, accountWithConsumers(1));
             MqttProbe seat = MqttProbe.login(cluster.node(0).mqttUrl(), "seat", "seat-pass", commands.toString());
             Gateway gateway = Gateway.start(GatewayConfig.defaults().with(0, cluster.brokerList(), 0,
                     dir.resolve("gw")).toBuilder().login("gateway", "gateway-pass").usersFile(manager.usersFile())
                     .build())) {
            Http http = new Http(gateway.httpPort(), DemoManager.NAME, manager.password());
            await().atMost(PATIENCE).until(() -> metric(http, "seatlink_subscription_taps_total") == 4);
            long now = System.currentTimeMillis();
            for (int seq = 1; seq <= 3; seq++) {
                seat.publish(Topic.seat("hq", "f1", "s-003", Topic.Kind.EVENT), event(seq, now + seq));
            }
            await().atMost(PATIENCE).until(() -> storedSeqs(http, "s-003").equals(List.of(1L, 2L, 3L)));

            seat.publish(Topic.seat("hq", "f1", "s-003", Topic.Kind.STATE),
                    new SeatState("s-003", "a1003", AgentState.BUSY, null, false, now + 5, 5, "b-1"));

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(seat.received())
                    .as("a replay of seq 4..5 asked of the seat").anySatisfy(command -> assertThat(command.payload())
                            .contains("\"cmd\":\"replay\"").contains("\"from\":4").contains("\"to\":5")));
        }
    }

    @Test
    void onceItsConsumersDeliverTheGatewayUnsubscribesItsTaps() throws Exception {
        try (NatsCluster cluster = NatsCluster.start(dir.resolve("cluster"), NODES, PATIENCE);
             Gateway gateway = Gateway.start(GatewayConfig.defaults().with(0, cluster.brokerList(), 0,
                     dir.resolve("gw")))) {
            Http http = new Http(gateway.httpPort());
            NodeMonitoring node = new NodeMonitoring(cluster);
            await().atMost(PATIENCE).until(() -> metric(http, "seatlink_subscription_taps_total") == 4);

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(node.subjectsOf("hq.f1.gateway"))
                    .as("its subscriptions, their taps gone").contains("seatlink.v1.hq.f1.*.event")
                    .noneMatch(subject -> subject.endsWith(".>")));
        }
    }

    /** The floor's account, allowed {@code consumers} JetStream consumers in all. */
    private static String accountWithConsumers(int consumers) {
        return "accounts { FLOOR: { jetstream: { max_consumers: " + consumers + " }, users: ["
                + " { user: gateway, password: gateway-pass }, { user: seat, password: seat-pass } ] } }\n";
    }

    private static SeatEvent event(int seq, long at) {
        return new SeatEvent("s-003", "a1003", AgentState.READY, AgentState.BUSY, null, false, at, seq, "b-1",
                Cause.BUTTON);
    }
}
