package dev.seatlink.centre;

import dev.seatlink.gateway.testing.TestCredentials;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.seatlink.cluster.NatsCluster;
import dev.seatlink.gateway.access.CentreScope;
import dev.seatlink.gateway.access.CredentialFiles;
import dev.seatlink.gateway.site.SiteConfigLoader;
import dev.seatlink.gateway.testing.MqttProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The credentials generator's NATS users keep a seat to its own topics on a cluster, as the Mosquitto ACL does, and
 * give the centre view one login that reads every floor of its centre (a floor's own logins reach only that floor).
 */
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
            try (MqttProbe gateway = MqttProbe.login(broker, "hq.f1.gateway-a", password("secrets/gateway-a.credentials"),
                    "seatlink/v1/hq/f1/+/status");
                 MqttProbe seat = MqttProbe.login(broker, "hq.f1.s-001", password("secrets/seats/s-001.credentials"))) {
                seat.publishRaw("seatlink/v1/hq/f1/s-002/status", "{\"forged\":true}", false); // dropped by NATS
                seat.publishRaw("seatlink/v1/hq/f1/s-001/status", "{\"own\":true}", false);
                await().atMost(Duration.ofSeconds(20)).until(() -> gateway.received().stream()
                        .anyMatch(m -> m.topic().endsWith("s-001/status")));
                assertThat(gateway.received()).noneMatch(m -> m.topic().endsWith("s-002/status"));
            }
            assertThatThrownBy(() -> MqttProbe.login(broker, "hq.f1.s-001", "not-the-password")).isNotNull();
        }
    }

    @Test
    void theCentreViewsLoginReadsEveryFloorOfItsCentreAndWritesNothing() throws Exception {
        SiteConfigLoader sites = new SiteConfigLoader();
        new CredentialFiles(dir.resolve("f1"), TestCredentials.BCRYPT_COST).generate(sites.loadDemo());
        Path f2 = dir.resolve("f2.json");
        try (var demo = SiteConfigLoader.class.getResourceAsStream("/demo-site.json")) {
            Files.writeString(f2, new String(demo.readAllBytes()).replace("\"floor\": \"f1\"", "\"floor\": \"f2\""));
        }
        new CredentialFiles(dir.resolve("f2"), TestCredentials.BCRYPT_COST).generate(sites.load(f2));
        Path centre = Files.writeString(dir.resolve("centre.json"),
                "{\"centre\": \"Head Office\", \"floors\": [{\"site\": \"hq\", \"floor\": \"f1\"}, "
                        + "{\"site\": \"hq\", \"floor\": \"f2\"}]}");
        new CredentialFiles(dir.resolve("centre"), TestCredentials.BCRYPT_COST).centre(CentreScope.read(centre));
        String users = java.util.stream.Stream.of("f1", "f2", "centre")
                .flatMap(floor -> uncheckedLines(dir.resolve(floor).resolve("nats-users.conf")))
                .filter(line -> !line.startsWith("#")).collect(Collectors.joining("\n"));
        try (NatsCluster cluster = NatsCluster.start(dir.resolve("cluster"), 1, Duration.ofSeconds(60),
                "authorization { users = [\n" + users + "\n] }\n")) {
            String broker = cluster.brokerList();
            try (MqttProbe view = MqttProbe.login(broker, "centre.head-office", password("centre/centre.credentials"),
                    "seatlink/v1/hq/f1/summary", "seatlink/v1/hq/f2/summary", "seatlink/v1/hq/f2/+/event");
                 MqttProbe gateway1 = MqttProbe.login(broker, "hq.f1.gateway-a", password("f1/gateway-a.credentials"),
                         "seatlink/v1/hq/f1/summary");
                 MqttProbe gateway2 = MqttProbe.login(broker, "hq.f2.gateway-a", password("f2/gateway-a.credentials"));
                 MqttProbe seat = MqttProbe.login(broker, "hq.f2.s-001", password("f2/seats/s-001.credentials"))) {
                view.publishRaw("seatlink/v1/hq/f1/summary", "{\"forged\":true}", false); // dropped by NATS
                gateway1.publishRaw("seatlink/v1/hq/f1/summary", "{\"floor\":1}", false);
                gateway2.publishRaw("seatlink/v1/hq/f2/summary", "{\"floor\":2}", false);
                seat.publishRaw("seatlink/v1/hq/f2/s-001/event", "{\"help\":true}", false);
                await().atMost(Duration.ofSeconds(20)).until(() -> view.received().size() >= 3);
                assertThat(view.received()).extracting(MqttProbe.Received::topic).containsExactlyInAnyOrder(
                        "seatlink/v1/hq/f1/summary", "seatlink/v1/hq/f2/summary", "seatlink/v1/hq/f2/s-001/event");
                // gateway 1 hears its own summary, and not the view's forged one sent before it
                await().atMost(Duration.ofSeconds(20)).until(() -> !gateway1.received().isEmpty());
                assertThat(gateway1.received()).extracting(MqttProbe.Received::payload).containsExactly("{\"floor\":1}");
            }
        }
    }

    private static java.util.stream.Stream<String> uncheckedLines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String password(String file) throws Exception {
        return Files.readAllLines(dir.resolve(file)).stream().filter(l -> l.startsWith("password="))
                .findFirst().orElseThrow().substring("password=".length());
    }
}
