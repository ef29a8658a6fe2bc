package dev.seatlink.centre;

import static dev.seatlink.gateway.testing.FloorChecks.metric;
import static dev.seatlink.gateway.testing.FloorChecks.storedSeqs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.seatlink.cluster.NatsCluster;
import dev.seatlink.gateway.Gateway;
import dev.seatlink.gateway.GatewayConfig;
import dev.seatlink.gateway.testing.DemoManager;
import dev.seatlink.gateway.testing.FreePorts;
import dev.seatlink.gateway.testing.Http;
import dev.seatlink.gateway.testing.MqttProbe;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.Topic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster that will not make the gateway's event consumer — after a node died NATS 2.9 refuses one it placed on
 * the dead node, for as long as it stays dead; here the floor's account may hold two consumers, so the third the
 * gateway asks for (its event subscription's) is refused every time. The gateway takes in the floor's events over
 * that subscription's QoS 0 tap meanwhile.
 */
class RefusedConsumerOnClusterTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String EVENT_CONSUMER = "$MQTT.msgs.seatlink.v1.hq.f1.*.event";
    /** The gateway subscribes status, state, event, … in that order: the first two consumers are made. */
    private static final String TWO_CONSUMERS = "accounts { FLOOR: { jetstream: { max_consumers: 2 }, users: ["
            + " { user: gateway, password: gateway-pass }, { user: seat, password: seat-pass } ] } }\n";

    @TempDir
    Path dir;

    @Test
    void aGatewayWhoseEventConsumerIsRefusedTakesInTheFloorsEventsOverItsTap() throws Exception {
        DemoManager manager = DemoManager.in(dir);
        try (NatsCluster cluster = NatsCluster.start(dir.resolve("cluster"), 1, PATIENCE, TWO_CONSUMERS);
             Gateway gateway = Gateway.start(GatewayConfig.defaults().with(0, cluster.brokerList(), FreePorts.next(),
                     dir.resolve("gw")).toBuilder().login("gateway", "gateway-pass").usersFile(manager.usersFile())
                     .build());
             MqttProbe seat = MqttProbe.login(cluster.brokerList(), "seat", "seat-pass")) {
            Http http = new Http(gateway.httpPort(), DemoManager.NAME, manager.password());
            NodeMonitoring node = new NodeMonitoring(cluster.node(0).monitorUrl());
            await().atMost(PATIENCE).until(() -> node.consumerFilters().size() == 2);

            long now = System.currentTimeMillis();
            for (int seq = 1; seq <= 3; seq++) {
                seat.publish(Topic.seat("hq", "f1", "s-003", Topic.Kind.EVENT), new SeatEvent("s-003", "a1003",
                        AgentState.READY, AgentState.BUSY, null, false, now + seq, seq, "b-1", Cause.BUTTON));
            }

            await().atMost(PATIENCE).until(() -> storedSeqs(http, "s-003").equals(List.of(1L, 2L, 3L)));
            assertThat(node.consumerFilters()).as("the event consumer was never made").doesNotContain(EVENT_CONSUMER)
                    .hasSize(2);
            assertThat(metric(http, "seatlink_subscription_taps_total")).as("status, event and cmd-result tapped")
                    .isEqualTo(3);
        }
    }

    @Test
    void onceItsConsumersDeliverTheGatewayUnsubscribesItsTaps() throws Exception {
        try (NatsCluster cluster = NatsCluster.start(dir.resolve("cluster"), 1, PATIENCE);
             Gateway gateway = Gateway.start(GatewayConfig.defaults().with(0, cluster.brokerList(), FreePorts.next(),
                     dir.resolve("gw")))) {
            Http http = new Http(gateway.httpPort());
            NodeMonitoring node = new NodeMonitoring(cluster.node(0).monitorUrl());
            await().atMost(PATIENCE).until(() -> metric(http, "seatlink_subscription_taps_total") == 3);

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(node.subjectsOf("hq.f1.gateway"))
                    .as("its subscriptions, their taps gone").contains("seatlink.v1.hq.f1.*.event")
                    .noneMatch(subject -> subject.endsWith(".>")));
        }
    }
}
