package dev.seatlink.gateway;

import static org.awaitility.Awaitility.await;

import dev.seatlink.link.testing.UnansweringBroker;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker that accepts the gateway's connection and never answers its subscriptions (a stuck broker), or never
 * accepts the connection at all (no CONNACK): the gateway drops the connection after three keepalives (here 2 s each)
 * and connects again, instead of staying deaf to the floor, unprobed, until the connection breaks.
 */
class GatewayOnAnUnansweringBrokerTest {
    private static final int KEEPALIVE_S = 2;

    @TempDir
    Path dir;

    @Test
    void subscriptionsTheBrokerNeverAnswersAreDroppedWithTheConnectionAndMadeAgain() throws Exception {
        try (UnansweringBroker broker = UnansweringBroker.acceptingConnects()) {
            assertTheGatewayConnectsAgain(broker);
        }
    }

    @Test
    void aConnectionTheBrokerNeverAcceptsIsDroppedAndMadeAgain() throws Exception {
        try (UnansweringBroker broker = UnansweringBroker.silent()) {
            assertTheGatewayConnectsAgain(broker);
        }
    }

    private void assertTheGatewayConnectsAgain(UnansweringBroker broker) throws Exception {
        try (Gateway gateway = Gateway.start(GatewayConfig.defaults().with(0, broker.url(), 0, dir.resolve("gw"))
                .toBuilder().keepAliveSeconds(KEEPALIVE_S).build())) {
            await().atMost(Duration.ofSeconds(20)).until(() -> broker.connections() >= 1);
            await().atMost(Duration.ofSeconds(60)).until(() -> broker.connections() >= 2);
        }
    }
}
