package dev.seatlink.gateway.brokerlink;

import dev.seatlink.gateway.lease.GatewayRole;
import dev.seatlink.gateway.lease.Role;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.Message;
import dev.seatlink.protocol.Topic;

/**
 * One of the floor's own topics (summary, moves, shift), which only the floor's primary gateway writes: the standby
 * keeps quiet so the two never contradict each other on the broker.
 */
final class PrimaryFloorTopic {
    private final BrokerLink link;
    private final Codec codec;
    private final GatewayRole role;
    private final Topic topic;

    PrimaryFloorTopic(BrokerLink link, Codec codec, GatewayRole role, String site, String floor, Topic.Kind kind) {
        this.link = link;
        this.codec = codec;
        this.role = role;
        this.topic = Topic.floor(site, floor, kind);
    }

    boolean isPrimary() {
        return role.role() == Role.PRIMARY;
    }

    /** Publishes the message when this gateway is the primary and the broker link is up; whether it went out. */
    boolean publish(Message message, boolean retained) {
        if (!isPrimary() || !link.isConnected()) {
            return false;
        }
        link.publish(topic.toString(), codec.encode(topic, message), retained);
        return true;
    }
}
