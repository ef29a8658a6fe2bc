package dev.seatlink.gateway.natsclient;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.ConnectionListener.Events;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NatsClientLogTest {
    private final List<String> lines = new ArrayList<>();
    private long now = 1_000_000;
    private final NatsClientLog log = new NatsClientLog("hq.f1.gateway-a", () -> now,
            (warning, line) -> lines.add((warning ? "WARN " : "INFO ") + line));

    @Test
    void aLostNodeAndTheClientsAttemptsOnTheDeadOneAreTwoWarningsNotOneErrorPerAttempt() {
        for (int attempt = 0; attempt < 40; attempt++) { // the client says it is disconnected again each time
            log.event(Events.DISCONNECTED, null);
            log.exceptionOccurred(null, new ConnectException("Connection refused"));
            now += 100;
        }

        assertThat(lines).containsExactly(
                "WARN NATS client hq.f1.gateway-a: lost its node; the client tries the others",
                "WARN NATS client hq.f1.gateway-a: java.net.ConnectException: Connection refused");
    }

    @Test
    void whileAttemptsGoOnFailingAWarningAMinuteCountsThem() {
        log.event(Events.DISCONNECTED, null);
        for (int attempt = 0; attempt < 300; attempt++) { // every 500 ms for 150 s: the whole cluster down
            log.exceptionOccurred(null, new ConnectException("Connection refused"));
            now += 500;
        }

        assertThat(lines).hasSize(4).element(2).asString().endsWith("(120 failures since the last warning)");
        assertThat(lines.get(3)).endsWith("(120 failures since the last warning)");
    }

    @Test
    void oneLineWhenTheStoreIsReachedAgainAndTheNextFailureIsWarnedAtOnce() {
        log.event(Events.DISCONNECTED, null);
        log.exceptionOccurred(null, new ConnectException("Connection refused"));
        log.event(Events.RECONNECTED, "nats://127.0.0.1:4223");
        now += 1_000;
        log.errorOccurred(null, "Authorization Violation");

        assertThat(lines).containsExactly(
                "WARN NATS client hq.f1.gateway-a: lost its node; the client tries the others",
                "WARN NATS client hq.f1.gateway-a: java.net.ConnectException: Connection refused",
                "INFO NATS client hq.f1.gateway-a: reached nats://127.0.0.1:4223 after 1 failure",
                "WARN NATS client hq.f1.gateway-a: the node says: Authorization Violation");
    }

    @Test
    void theFirstConnectSaysNothingWhenNothingFailedBeforeIt() {
        log.event(Events.CONNECTED, "nats://127.0.0.1:4222");
        log.event(Events.DISCOVERED_SERVERS, "nats://127.0.0.1:4222");
        log.event(Events.CLOSED, null);

        assertThat(lines).isEmpty();
    }

    /** As jnats hands on nats-server's {@code -ERR}: the subject quoted. */
    @Test
    void aRefusedPublishIsRememberedBySubject() {
        log.errorOccurred(null, "Permissions Violation for Publish to \"$JS.API.INFO\"");

        assertThat(log.refusedToPublish("$JS.API.INFO")).isTrue();
        assertThat(log.refusedToPublish("$JS.API.STREAM.INFO.$MQTT_sess")).isFalse();
        assertThat(lines).hasSize(1);
    }
}
