package dev.seatlink.gateway.natsclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.seatlink.cluster.NatsCluster;
import dev.seatlink.cluster.NatsNode;
import dev.seatlink.gateway.jetstream.HttpNodeMonitor;
import dev.seatlink.gateway.jetstream.NatsSubjects;
import dev.seatlink.gateway.jetstream.NodeReading;
import dev.seatlink.gateway.jetstream.SessionHash;
import dev.seatlink.gateway.testing.MqttProbe;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A gateway's MQTT session on a 3-node cluster: the consumers that died with their node are named, and only those. */
class SessionConsumersTest {
    private static final String GATEWAY = "hq.f1.gateway-a";
    private static final String FLOOR = "seatlink/v1/hq/f1/+/";
    @TempDir
    Path dir;
    private Vertx vertx;
    private NatsCluster cluster;
    private NatsClient client;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (client != null) {
            client.close();
        }
        if (cluster != null) {
            cluster.close();
        }
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void theSubscriptionsWhoseConsumersDiedWithTheirNodeAreNamedAndNoOther() throws Exception {
        cluster = NatsCluster.start(dir.resolve("cluster"), 3, Duration.ofSeconds(60));
        // subscriptions until their consumers sit on two nodes or more, so that one node's death leaves a witness
        List<String> filters = new ArrayList<>(List.of(FLOOR + "event", FLOOR + "state/#"));
        Map<String, Set<NatsNode>> placed = subscribed(filters);
        for (int more = 0; placed.values().stream().flatMap(Set::stream).distinct().count() < 2 && more < 20; more++) {
            filters.add(FLOOR + "extra-" + more);
            placed = subscribed(filters);
        }
        Map<String, Set<NatsNode>> nodesOf = placed;
        NatsNode doomed = nodesOf.get(filters.get(0)).iterator().next();
        List<String> dying = filters.stream().filter(filter -> nodesOf.get(filter).contains(doomed)).toList();
        List<NatsNode> others = cluster.nodes().stream().filter(node -> node != doomed).toList();
        client = new NatsClient(others.stream().map(NatsNode::clientUrl).toList(), null, null, null, GATEWAY);
        client.connection();
        SessionConsumers check = new SessionConsumers(vertx, client, GATEWAY);
        for (int round = 0; round < SessionConsumers.ROUNDS + 1; round++) {
            assertThat(gone(check, filters)).as("all consumers live, round %d", round).isEmpty();
        }

        doomed.kill();
        long killed = System.nanoTime();

        List<String> found = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> gone(check, filters), named -> !named.isEmpty());
        System.out.println("consumers gone with their node named " + Duration.ofNanos(System.nanoTime() - killed)
                .toMillis() + " ms after its kill -9");
        assertThat(found).as("consumers on %s: %s", doomed.name(), nodesOf).containsExactlyElementsOf(dying);
    }

    /** The session subscribed to {@code filters} (through the first node), and the nodes its consumers are on. */
    private Map<String, Set<NatsNode>> subscribed(List<String> filters) throws Exception {
        MqttProbe.session(cluster.node(0).mqttUrl(), GATEWAY, filters.toArray(String[]::new)).close();
        String hash = SessionHash.of(GATEWAY);
        HttpNodeMonitor monitor = new HttpNodeMonitor();
        Map<String, Set<NatsNode>> nodesOf = new HashMap<>();
        for (NatsNode node : cluster.nodes()) {
            for (NodeReading.Consumer consumer : monitor.read(node.monitorUrl()).consumers()) {
                if (consumer.name().startsWith(hash + "_")) {
                    String subject = consumer.filterSubject().substring(NatsSubjects.MQTT_MESSAGES.length());
                    filters.stream().filter(filter -> SessionConsumers.subjectsOf(filter).contains(subject))
                            .forEach(filter -> nodesOf.computeIfAbsent(filter, f -> new HashSet<>()).add(node));
                }
            }
        }
        assertThat(nodesOf.keySet()).as("every subscription's consumers found on a node").hasSize(filters.size());
        return nodesOf;
    }

    /** One check, as the broker link makes it: on a Vert.x context. */
    private List<String> gone(SessionConsumers check, List<String> filters) {
        CompletableFuture<List<String>> answer = new CompletableFuture<>();
        vertx.runOnContext(v -> check.gone(filters).onComplete(done -> answer.complete(done.result())));
        return answer.join();
    }

    /** A login from before the check (its floor's logins not generated again) is refused and names nothing. */
    @Test
    void aLoginThatMayNotAskIsRefusedAndNamesNothing() throws Exception {
        cluster = NatsCluster.start(dir.resolve("lone"), 1, Duration.ofSeconds(60), "authorization { users = [\n"
                + "{user: \"nosy\", password: \"nosy-password\", permissions: {publish: {deny: [\">\"]}, "
                + "subscribe: {allow: [\"_INBOX.nosy.>\"]}}}\n] }\n");
        client = new NatsClient(List.of(cluster.natsList()), "nosy", "nosy-password", null, "nosy");
        client.connection();
        SessionConsumers check = new SessionConsumers(vertx, client, GATEWAY);

        assertThat(gone(check, List.of(FLOOR + "event"))).isEmpty();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> client.refusedToPublish("$JS.API.STREAM.MSG.GET.$MQTT_sess"));
        assertThat(gone(check, List.of(FLOOR + "event"))).isEmpty();
    }

    @Test
    void aMultiLevelFilterIsBothItsSubjectAndItsParent() {
        assertThat(SessionConsumers.subjectsOf("seatlink/v1/hq/f1/+/state/#"))
                .containsExactly("seatlink.v1.hq.f1.*.state.>", "seatlink.v1.hq.f1.*.state");
        assertThat(SessionConsumers.subjectsOf("seatlink/v1/hq/f1/+/event"))
                .containsExactly("seatlink.v1.hq.f1.*.event");
        assertThat(NatsSubjects.of("a/#")).isEqualTo("a.>");
    }
}
