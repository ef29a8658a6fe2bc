package dev.seatlink.gateway.brokerlink;

import io.vertx.core.Future;

/**
 * What the broker link waits for before each (re)connect: on a NATS cluster, that its nodes can take the link's
 * session ({@code natsclient.MqttStoreGate}); a lone broker can whenever it is up ({@link #OPEN}).
 */
public interface ConnectGate {
    /** A connect is always worth trying. */
    ConnectGate OPEN = Future::succeededFuture;

    /** Completes once a connect is worth trying, or a bound has passed; never fails. Called on the link's loop. */
    Future<Void> opened();
}
