package dev.seatlink.gateway.natsclient;

import dev.seatlink.gateway.brokerlink.AtMostOnce;
import dev.seatlink.gateway.jetstream.NatsSubjects;
import io.nats.client.Connection;
import org.tinylog.Logger;

/**
 * A pair's asks of seats ({@code replay}, {@code rebirth}) on a cluster: published through the gateway's NATS client
 * on the subject NATS gives the seat's {@code cmd} topic, which its MQTT listener hands to the seat and to the other
 * gateway (at QoS 0, as asked over MQTT). While a node makes a consumer for one of the gateway's QoS 1 subscriptions
 * it reads nothing else from that MQTT connection (nats-server 2.9 {@code mqttProcessSubs} runs in the connection's
 * read loop), and a consumer asked for on a cluster still electing leaders takes up to its 4-s JetStream timeout,
 * each: a gateway that made two stalled subscriptions again after a node's death had its asks held 8 s, and was
 * whole 19.9 s after the kill where its partner could have made it so in under 15 ({@code bench center} run 157).
 * The NATS client's connection is not held by those. While it is on no node, asks go over the broker link.
 */
public final class NatsAsks implements AtMostOnce {
    private final NatsClient client;
    private final AtMostOnce overBroker;
    /** Asks sent over NATS, then over the broker link: for {@code /metrics}. */
    private final Counter counter;

    /** Counts where each ask went. */
    public interface Counter {
        void asked(boolean overNats);
    }

    public NatsAsks(NatsClient client, AtMostOnce overBroker, Counter counter) {
        this.client = client;
        this.overBroker = overBroker;
        this.counter = counter;
    }

    @Override
    public void publishAtMostOnce(String topic, byte[] payload) {
        Connection live = client.live();
        if (live != null) {
            try {
                live.publish(NatsSubjects.of(topic), payload);
                counter.asked(true);
                return;
            } catch (IllegalStateException e) { // closed or closing meanwhile
                Logger.debug("asking over the broker link: the NATS client cannot publish ({})", e.getMessage());
            }
        }
        overBroker.publishAtMostOnce(topic, payload);
        counter.asked(false);
    }
}
