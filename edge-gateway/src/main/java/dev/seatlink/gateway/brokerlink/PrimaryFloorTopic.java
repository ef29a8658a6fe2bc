package dev.seatlink.gateway.brokerlink;

import dev.seatlink.gateway.lease.GatewayRole;
import dev.seatlink.gateway.lease.Role;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.Message;
import dev.seatlink.protocol.Topic;
import io.vertx.core.Future;

/**
 * One of the floor's own topics (summary, moves, shift), which only the floor's primary gateway writes: the standby
 * keeps quiet so the two never contradict each other on the broker.
 */
final class PrimaryFloorTopic {
    private final FloorLink link;
    private final Codec codec;
    private final GatewayRole role;
    private final Topic topic;

    PrimaryFloorTopic(FloorLink link, Codec codec, GatewayRole role, String site, String floor, Topic.Kind kind) {
        this.link = link;
        this.codec = codec;
        this.role = role;
        this.topic = Topic.floor(site, floor, kind);
    }

    boolean isPrimary() {
        return role.role() == Role.PRIMARY;
    }

    /** Whether a publish would go out now: this gateway is the primary and the broker link is up. */
    boolean canPublish() {
        return isPrimary() && link.isConnected();
    }

    /** Publishes the message when it {@linkplain #canPublish can}; whether it went out. */
    boolean publish(Message message, boolean retained) {
        if (!canPublish()) {
            return false;
        }
        link.publish(topic.toString(), codec.encode(topic, message), retained);
        return true;
    }

    /** Publishes the message when it can, completed on its PUBACK; failed at once when it cannot go out. */
    Future<Void> publishAcknowledged(Message message, boolean retained) {
        if (!canPublish()) {
            return Future.failedFuture("not sent to " + topic
                    + ": this gateway is not the primary or the link is down");
        }
        return link.publishAcknowledged(topic.toString(), codec.encode(topic, message), retained);
    }
}
