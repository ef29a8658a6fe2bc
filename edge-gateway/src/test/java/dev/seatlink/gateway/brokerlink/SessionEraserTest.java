package dev.seatlink.gateway.brokerlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatlink.link.testing.UnansweringBroker;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Removing a leftover seat ends its session with one clean connect under the seat's id. A broker that takes that
 * connection and never accepts it fails the removal with the reason, instead of holding the manager's request (and
 * the connection) for ever as Vert.x's client would.
 */
class SessionEraserTest {
    private static final int TIMEOUT_MS = 500;
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aBrokerThatTakesTheCleanConnectAndSaysNothingFailsTheEraseWithTheReason() throws Exception {
        try (UnansweringBroker broker = UnansweringBroker.silent()) {
            LinkSettings gateway = new LinkSettings(broker.url(), "hq", "f1", null, null, null, null, 10);
            SessionEraser eraser = new SessionEraser(vertx, gateway, on(broker.url()), TIMEOUT_MS);

            CompletableFuture<Void> erased = eraser.erase("hq.f1.s-001").toCompletionStage().toCompletableFuture();

            assertThatThrownBy(() -> erased.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasMessageContaining(broker.url() + " took the connection but did not accept it within 500 ms");
            assertThat(broker.connections()).isEqualTo(1);
        }
    }

    private static LinkHealth on(String broker) {
        return new LinkHealth() {
            @Override
            public boolean isConnected() {
                return true;
            }

            @Override
            public boolean isSubscribed() {
                return true;
            }

            @Override
            public String broker() {
                return broker;
            }
        };
    }
}
