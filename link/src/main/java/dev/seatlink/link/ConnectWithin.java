package dev.seatlink.link;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.messages.MqttConnAckMessage;
import java.net.URI;

/**
 * An MQTT connect that fails when the broker takes the connection but does not accept it in time. Vert.x's client
 * waits for the CONNACK without end, and a broker that never sends one (seen: a NATS node whose cluster had lost a
 * node; or another program on the broker's port) would hold its caller for ever. The connection is then dropped, and
 * the connect fails only once it has closed: Vert.x's client refuses to connect again while it is still closing, and
 * the floor simulator's seats each keep one client across their reconnects. Bound the client's TCP connect by the same
 * time ({@code setConnectTimeout}): until it ends, a dropped connection has not closed.
 */
public final class ConnectWithin {
    /** Why a connect failed when the broker took the connection and said nothing. */
    public static final class NotAccepted extends Exception {
        NotAccepted(URI broker, long withinMs) {
            super(broker + " took the connection but did not accept it within " + withinMs + " ms", null, false,
                    false);
        }
    }

    private ConnectWithin() {
    }

    public static Future<MqttConnAckMessage> connect(Vertx vertx, MqttClient client, URI broker, long withinMs) {
        Promise<MqttConnAckMessage> accepted = Promise.promise();
        long watch = vertx.setTimer(withinMs, id -> accepted.tryFail(new NotAccepted(broker, withinMs)));
        client.connect(broker.getPort(), broker.getHost(), broker.getHost()).onComplete(done -> {
            vertx.cancelTimer(watch);
            if (done.succeeded()) {
                accepted.tryComplete(done.result()); // else too late, and being dropped
            } else {
                accepted.tryFail(done.cause());
            }
        });
        return accepted.future().recover(failure -> failure instanceof NotAccepted
                ? client.disconnect().transform(closed -> Future.failedFuture(failure))
                : Future.failedFuture(failure));
    }
}
