package dev.seatlink.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seatlink.gateway.Gateway;
import dev.seatlink.gateway.GatewayConfig;
import dev.seatlink.gateway.testing.DemoManager;
import dev.seatlink.gateway.testing.Http;
import dev.seatlink.gateway.testing.MqttProbe;
import dev.seatlink.protocol.SeatStatus;
import dev.seatlink.protocol.Topic;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seat removed from the site config leaves its retained status and its persistent session on the broker: the
 * fleet view lists it, and a floor manager removes both.
 */
class LeftoverSeatsAreRemovedTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final String OLD = "old-7";
    private static final String OLD_CLIENT = "hq.f1." + OLD;

    @TempDir
    Path dir;

    private Gateway gateway;
    private Http http;
    private String manager;
    private String leader;

    @BeforeEach
    void start() throws Exception {
        manager = DemoManager.account(dir.resolve("secrets"), "fm-dana");
        leader = DemoManager.account(dir.resolve("secrets"), "tl-anna");
        gateway = Gateway.start(GatewayConfig.defaults().with(0, null, 0, dir.resolve("gw"))
                .withUsers(dir.resolve("secrets/supervisors.passwd")));
        http = new Http(gateway.httpPort());
        // what a terminal of a seat since removed left: a persistent session on its commands, its retained Will
        try (MqttProbe terminal = MqttProbe.session(gateway.brokerUrl(), OLD_CLIENT, Topic.seat("hq", "f1", OLD,
                Topic.Kind.CMD).toString())) {
            terminal.publish(Topic.seat("hq", "f1", OLD, Topic.Kind.STATUS),
                    SeatStatus.offline("boot-1", System.currentTimeMillis()));
        }
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private JsonNode leftover() {
        for (JsonNode leftover : http.json("/api/fleet").path("leftovers")) {
            if (leftover.path("seat").asText().equals(OLD)) {
                return leftover;
            }
        }
        return null;
    }

    @Test
    void theFleetListsASeatOutsideTheSiteConfigThatTheBrokerStillSpeaksFor() {
        await().atMost(PATIENCE).until(() -> leftover() != null);

        JsonNode leftover = leftover();
        assertThat(leftover.path("kinds").toString()).isEqualTo("[\"status\"]");
        assertThat(leftover.path("online").asBoolean(true)).isFalse();
        assertThat(leftover.path("session").isNull()).as("no cluster read: whether a session exists is unknown").isTrue();
        assertThat(http.json("/api/fleet").path("seats").toString()).doesNotContain(OLD);
    }

    @Test
    void aFloorManagerRemovesItsRetainedMessagesAndSessionAndNobodyElseMay() throws Exception {
        await().atMost(PATIENCE).until(() -> leftover() != null);

        assertThat(http.delete("/api/fleet/leftovers/" + OLD, "tl-anna", leader).statusCode()).isEqualTo(403);
        assertThat(http.delete("/api/fleet/leftovers/s-001", "fm-dana", manager).statusCode())
                .as("a seat of the site config is no leftover").isEqualTo(409);
        assertThat(http.delete("/api/fleet/leftovers/nobody", "fm-dana", manager).statusCode()).isEqualTo(404);
        var removed = http.delete("/api/fleet/leftovers/" + OLD, "fm-dana", manager);

        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        assertThat(leftover()).isNull();
        try (MqttProbe late = new MqttProbe(gateway.brokerUrl(), "seatlink/v1/hq/f1/" + OLD + "/#")) {
            // nothing retained is left for a new subscriber; a retained status would arrive at once on subscribing
            late.publishRaw("seatlink/v1/hq/f1/" + OLD + "/cmd", "marker", false);
            await().atMost(PATIENCE).until(() -> !late.received().isEmpty());
            assertThat(late.received()).extracting(MqttProbe.Received::topic).containsOnly("seatlink/v1/hq/f1/" + OLD + "/cmd");
        }
        // The marker went to the old session's subscription: had the broker kept the session, it queued the marker
        // and hands it over on reconnecting, before anything this connection subscribes to afterwards. (Not the
        // CONNACK's session-present flag: a connect soon after the removal may take over the remover's own
        // connection, which the embedded broker counts as a session until it has handled its disconnect.)
        String done = "seatlink/v1/hq/f1/" + OLD + "/check";
        try (MqttProbe again = MqttProbe.session(gateway.brokerUrl(), OLD_CLIENT, done)) {
            again.publishRaw(done, "done", false);
            await().atMost(PATIENCE).until(() -> !again.received().isEmpty());
            assertThat(again.received()).as("the broker no longer keeps the seat's session")
                    .extracting(MqttProbe.Received::topic).containsOnly(done);
        }
        await().atMost(PATIENCE).until(() -> http.get("/api/audit", "fm-dana", manager).body()
                .contains("\"action\":\"remove-leftover\""));
    }
}
