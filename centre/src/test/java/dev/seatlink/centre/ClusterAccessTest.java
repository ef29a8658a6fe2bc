package dev.seatlink.centre;

import dev.seatlink.gateway.testing.TestCredentials;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.seatlink.cluster.NatsCluster;
import dev.seatlink.gateway.access.CredentialFiles;
import dev.seatlink.gateway.site.SiteConfigLoader;
import dev.seatlink.gateway.testing.MqttProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The credentials generator's NATS users keep a seat to its own topics on a cluster, as the Mosquitto ACL does. */
class ClusterAccessTest {
    @TempDir
    Path dir;

    @Test
    void aSeatPublishesOnlyItsOwnTopicsAndTheGatewayReadsTheFloor() throws Exception {
        new CredentialFiles(dir.resolve("secrets"), TestCredentials.BCRYPT_COST).generate(new SiteConfigLoader().loadDemo());
        String users = Files.readAllLines(dir.resolve("secrets/nats-users.conf")).stream()
                .filter(line -> !line.startsWith("#")).collect(Collectors.joining("\n"));
        try (NatsCluster cluster = NatsCluster.start(dir.resolve("cluster"), 1, Duration.ofSeconds(60),
                "authorization { users = [\n" + users + "\n] }\n")) {
            String broker = cluster.brokerList();
            try (MqttProbe gateway = MqttProbe.login(broker, "hq.f1.gateway-a", password("gateway-a.credentials"),
                    "seatlink/v1/hq/f1/+/status");
                 MqttProbe seat = MqttProbe.login(broker, "hq.f1.s-001", password("seats/s-001.credentials"))) {
                seat.publishRaw("seatlink/v1/hq/f1/s-002/status", "{\"forged\":true}", false); // dropped by NATS
                seat.publishRaw("seatlink/v1/hq/f1/s-001/status", "{\"own\":true}", false);
                await().atMost(Duration.ofSeconds(20)).until(() -> gateway.received().stream()
                        .anyMatch(m -> m.topic().endsWith("s-001/status")));
                assertThat(gateway.received()).noneMatch(m -> m.topic().endsWith("s-002/status"));
            }
            assertThatThrownBy(() -> MqttProbe.login(broker, "hq.f1.s-001", "not-the-password")).isNotNull();
        }
    }

    private String password(String file) throws Exception {
        return Files.readAllLines(dir.resolve("secrets").resolve(file)).stream().filter(l -> l.startsWith("password="))
                .findFirst().orElseThrow().substring("password=".length());
    }
}
