package dev.seatlink.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A client's check of its own subscriptions: published to a topic one of them matches, it must come back. On a NATS
 * cluster a QoS 1 subscription is a consumer on one node, and when that node dies for good the subscription delivers
 * nothing while the client stays connected elsewhere; a probe that does not come back tells the client to subscribe
 * again. Nobody acts on another's probe: {@code by} (the publisher's client id) and {@code ts} are for whoever
 * watches the broker, and for the publisher itself (a gateway's lease reads back when its own probe was sent).
 */
public record Probe(String by, @JsonProperty(required = true) long ts) implements Message {
    public Probe {
        Check.token("by", by);
        Check.timestamp("ts", ts);
    }
}
