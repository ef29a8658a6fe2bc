package dev.seatlink.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.link.testing.UnansweringBroker;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A connect the broker takes and never accepts fails once its connection has been dropped and closed, so the same
 * client can connect again at once: a simulated seat keeps its client across reconnects, and when the failure came
 * while the client was still closing, Vert.x refused the next connect and the seat went back to the silent node.
 */
class ConnectWithinTest {
    @Test
    void aClientWhoseConnectWasNotAcceptedConnectsAgainAtOnce() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (UnansweringBroker silent = UnansweringBroker.silent();
             UnansweringBroker accepting = UnansweringBroker.acceptingConnects()) {
            MqttClient client = MqttClient.create(vertx, new MqttClientOptions().setClientId("hq.f1.s-001"));
            AtomicReference<Throwable> first = new AtomicReference<>();
            ConnectWithin.connect(vertx, client, URI.create(silent.url()), 200)
                    .recover(notAccepted -> {
                        first.set(notAccepted);
                        return ConnectWithin.connect(vertx, client, URI.create(accepting.url()), 5_000);
                    })
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

            assertThat(first.get()).isInstanceOf(ConnectWithin.NotAccepted.class);
            assertThat(client.isConnected()).isTrue();
            assertThat(silent.connections()).isEqualTo(1);
        } finally {
            vertx.close().await();
        }
    }
}
