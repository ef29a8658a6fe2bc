package dev.seatlink.gateway;

import static org.awaitility.Awaitility.await;

import dev.seatlink.terminal.testing.UnansweringBroker;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker that accepts the gateway's connection and never answers its subscriptions (a stuck broker): the gateway
 * drops the connection after three keepalives (30 s) and connects again, instead of staying deaf to the floor,
 * unprobed, until the connection breaks.
 */
class GatewayOnAnUnansweringBrokerTest {
    @TempDir
    Path dir;

    @Test
    void subscriptionsTheBrokerNeverAnswersAreDroppedWithTheConnectionAndMadeAgain() throws Exception {
        try (UnansweringBroker broker = UnansweringBroker.acceptingConnects();
             Gateway gateway = Gateway.start(GatewayConfig.defaults().with(0, broker.url(), 0, dir.resolve("gw")))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> broker.connections() >= 1);
            await().atMost(Duration.ofSeconds(60)).until(() -> broker.connections() >= 2);
        }
    }
}
