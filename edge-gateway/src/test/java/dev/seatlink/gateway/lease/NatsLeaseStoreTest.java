package dev.seatlink.gateway.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatlink.cluster.MqttTls;
import dev.seatlink.cluster.NatsCluster;
import dev.seatlink.gateway.natsclient.NatsClient;
import dev.seatlink.gateway.testing.TestCertificates;
import dev.seatlink.gateway.testing.TestCredentials;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.GatewayStatus;
import dev.seatlink.protocol.Topic;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lease record in a real NATS server's key-value bucket: a write over a stale revision is refused. */
class NatsLeaseStoreTest {
    private static final long T = 1_800_000_000_000L;
    private static final Topic F1 = Topic.floor("hq", "f1", Topic.Kind.GATEWAY);
    private final Codec codec = new Codec();
    private final List<NatsClient> clients = new java.util.ArrayList<>();
    private Vertx vertx;
    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (NatsClient client : clients) {
            client.close();
        }
        vertx.close().await();
    }

    @Test
    void ofTwoGatewaysWritingOverTheSameRevisionOneWinsAndTheOtherIsToldItConflicts() throws Exception {
        try (NatsCluster cluster = NatsCluster.start(dir.resolve("cluster"), 1, Duration.ofSeconds(60))) {
            LeaseStore a = store(cluster, null, null, "hq.f1.gateway-a", F1);
            LeaseStore b = store(cluster, null, null, "hq.f1.gateway-b", F1);
            assertThat(get(a.read())).isEqualTo(LeaseStore.Entry.NONE);

            GatewayStatus takenByA = GatewayStatus.primary("hq-f1-gateway-a", T, "http://a/", T);
            long first = get(a.write(takenByA, 0));
            assertThatThrownBy(() -> get(b.write(GatewayStatus.primary("hq-f1-gateway-b", T, "http://b/", T), 0)))
                    .hasCauseInstanceOf(LeaseStore.Conflict.class);
            assertThat(get(b.read())).isEqualTo(new LeaseStore.Entry(first, takenByA));

            long second = get(a.write(GatewayStatus.primary("hq-f1-gateway-a", T + 2_000, "http://a/", T), first));
            assertThat(second).isGreaterThan(first);
            assertThatThrownBy(() -> get(b.write(GatewayStatus.primary("hq-f1-gateway-b", T, "http://b/", T), first)))
                    .as("b read revision 'first'; a renewed since").hasCauseInstanceOf(LeaseStore.Conflict.class);
            long released = get(a.write(GatewayStatus.offline("hq-f1-gateway-a", T + 3_000), second));
            assertThat(get(b.read())).isEqualTo(new LeaseStore.Entry(released,
                    GatewayStatus.offline("hq-f1-gateway-a", T + 3_000)));
            get(a.close());
            get(b.close());
        }
    }

    /**
     * NATS 2.9 checks a write's expected revision of its key only before the clustered stream's leader proposes it
     * (nats-server issue 4320): several writers over the same revision at once could all be taken, and bench run 84
     * found floors with two primaries so. The store names the stream's last sequence instead, which every replica
     * checks as it applies the write.
     */
    @Test
    void onAThreeNodeClusterOfManyWritersOverTheSameRevisionAtOnceOnlyOneIsTaken() throws Exception {
        try (NatsCluster cluster = NatsCluster.start(dir.resolve("cluster"), 3, Duration.ofSeconds(60))) {
            List<LeaseStore> writers = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                writers.add(store(cluster, null, null, "hq.f1.writer-" + i, F1));
            }
            long revision = get(writers.get(0).write(GatewayStatus.offline("hq-f1-gateway-a", T), 0));
            for (int round = 0; round < 30; round++) {
                List<Future<Long>> attempts = new java.util.ArrayList<>();
                for (int i = 0; i < writers.size(); i++) {
                    attempts.add(writers.get(i).write(GatewayStatus.primary("hq-f1-writer-" + i, T, "http://w/", T),
                            revision));
                }
                List<Long> taken = new java.util.ArrayList<>();
                for (Future<Long> attempt : attempts) {
                    try {
                        taken.add(get(attempt));
                    } catch (ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(LeaseStore.Conflict.class);
                    }
                }
                assertThat(taken).as("round " + round + " over revision " + revision).hasSize(1);
                revision = taken.get(0);
                assertThat(get(writers.get(0).read()).revision()).isEqualTo(revision);
            }
            for (LeaseStore writer : writers) {
                get(writer.close());
            }
        }
    }

    @Test
    void aGatewaysLoginKeepsItsOwnFloorsLeaseAndNoOtherAndASeatsLoginNone() throws Exception {
        Path secrets = dir.resolve("secrets");
        TestCredentials.writeDemo(secrets);
        try (NatsCluster cluster = NatsCluster.start(dir.resolve("cluster"), 1, Duration.ofSeconds(60),
                TestCredentials.natsAuthorization(secrets))) {
            String gateway = TestCredentials.password(secrets.resolve("gateway-a.credentials"));
            LeaseStore own = store(cluster, "hq.f1.gateway-a", gateway, "hq.f1.gateway-a", F1);
            long revision = get(own.write(GatewayStatus.primary("hq-f1-gateway-a", T, "http://a/", T), 0));
            assertThat(get(own.read()).revision()).isEqualTo(revision);

            LeaseStore otherFloor = store(cluster, "hq.f1.gateway-a", gateway, "hq.f1.gateway-a",
                    Topic.floor("hq", "f2", Topic.Kind.GATEWAY));
            assertThatThrownBy(() -> get(otherFloor.write(GatewayStatus.primary("hq-f2-gateway-a", T, "http://a/", T),
                    0))).as("no right to f2's key").isInstanceOf(ExecutionException.class)
                    .cause().isNotInstanceOf(LeaseStore.Conflict.class);
            LeaseStore seat = store(cluster, "hq.f1.s-001", TestCredentials.password(secrets.resolve("seats/s-001.credentials")),
                    "hq.f1.s-001", F1);
            assertThatThrownBy(() -> get(seat.read())).as("a seat may use MQTT only").isNotNull();
            for (LeaseStore store : List.of(own, otherFloor, seat)) {
                get(store.close());
            }
        }
    }

    @Test
    void onATlsClusterTheLeaseGoesOverTlsTrustingTheFloorsCaOnly() throws Exception {
        Assumptions.assumeTrue(TestCertificates.opensslInstalled(), "openssl is not installed");
        TestCertificates certificates = new TestCertificates(dir);
        Path ca = certificates.ca("ca");
        Path cert = certificates.server("node", "ca");
        try (NatsCluster cluster = NatsCluster.start(dir.resolve("cluster"), 1, Duration.ofSeconds(60), "",
                new MqttTls(cert, certificates.key("node")))) {
            List<String> servers = List.of(cluster.natsList().split(","));
            assertThat(servers).allMatch(url -> url.startsWith("tls://"));
            LeaseStore trusting = store(servers, null, null, ca, "hq.f1.gateway-a", F1);
            long revision = get(trusting.write(GatewayStatus.primary("hq-f1-gateway-a", T, "http://a/", T), 0));
            assertThat(get(trusting.read()).revision()).isEqualTo(revision);
            LeaseStore defaults = store(servers, null, null, null, "hq.f1.gateway-b", F1);
            assertThatThrownBy(() -> get(defaults.read())).as("the JVM's CAs do not know the floor's").isNotNull();
            get(trusting.close());
            get(defaults.close());
        }
    }

    private LeaseStore store(NatsCluster cluster, String login, String password, String clientId, Topic topic) {
        return store(List.of(cluster.natsList().split(",")), login, password, null, clientId, topic);
    }

    private LeaseStore store(List<String> servers, String login, String password, Path tlsCa, String clientId,
                             Topic topic) {
        NatsClient client = new NatsClient(servers, login, password, tlsCa, clientId);
        clients.add(client);
        return new NatsLeaseStore(vertx, client, topic, codec);
    }

    private static <T> T get(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
