package dev.seatlink.gateway.brokerlink;

import io.vertx.core.Future;
import java.util.List;

/**
 * Whether the consumers behind the link's subscriptions still live. On a NATS cluster each QoS 1 subscription is a
 * JetStream consumer on one node, and one that died with its node delivers nothing: the cluster can be asked
 * ({@code natsclient.SessionConsumers}), sooner than a probe that must first be stored finds it. A lone broker has
 * none to ask ({@link #NONE}).
 */
public interface ConsumerCheck {
    /** Nothing to ask: the probes alone find a stalled subscription. */
    ConsumerCheck NONE = filters -> Future.succeededFuture(List.of());

    /**
     * Of {@code filters} (the link's granted subscriptions), those whose consumers the broker says are gone. Called on
     * the link's loop, one call at a time; completes on it and never fails.
     */
    Future<List<String>> gone(List<String> filters);
}
