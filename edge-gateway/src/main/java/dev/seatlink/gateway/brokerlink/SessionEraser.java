package dev.seatlink.gateway.brokerlink;

import dev.seatlink.link.ConnectWithin;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.net.URI;

/**
 * Ends a client's persistent session the way MQTT provides: one connection under its client id with a clean
 * session, then a disconnect, and the broker drops what it kept for it (on NATS, its JetStream consumers). Used for
 * seats removed from the site config. A broker that binds each login to its own client id (Mosquitto with the
 * SeatLink ACL) refuses the gateway's login under a seat's id: the failure says so. A broker that takes the
 * connection and says nothing fails it after {@value #TIMEOUT_MS} ms, as one that does not take it.
 */
public final class SessionEraser {
    static final int TIMEOUT_MS = 10_000;

    private final Vertx vertx;
    private final LinkSettings settings;
    private final LinkHealth link;
    private final int timeoutMs;

    public SessionEraser(Vertx vertx, LinkSettings settings, LinkHealth link) {
        this(vertx, settings, link, TIMEOUT_MS);
    }

    SessionEraser(Vertx vertx, LinkSettings settings, LinkHealth link, int timeoutMs) {
        this.vertx = vertx;
        this.settings = settings;
        this.link = link;
        this.timeoutMs = timeoutMs;
    }

    public Future<Void> erase(String clientId) {
        URI broker = URI.create(link.broker());
        MqttClientOptions options = new MqttClientOptions().setClientId(clientId).setCleanSession(true);
        options.setConnectTimeout(timeoutMs);
        settings.login(options, "ssl".equals(broker.getScheme()));
        MqttClient client = MqttClient.create(vertx, options);
        return ConnectWithin.connect(vertx, client, broker, timeoutMs)
                .recover(e -> Future.failedFuture(e instanceof ConnectWithin.NotAccepted ? e.getMessage()
                        : "the broker refused a clean connection as " + clientId + " (" + e.getMessage()
                        + "): on a broker that binds logins to client ids, the session ends when it expires"))
                .compose(ack -> client.disconnect());
    }
}
