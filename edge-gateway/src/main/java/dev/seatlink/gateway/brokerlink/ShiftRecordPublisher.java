package dev.seatlink.gateway.brokerlink;

import dev.seatlink.gateway.lease.GatewayRole;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.ShiftRecord;
import dev.seatlink.protocol.Topic;
import org.tinylog.Logger;

/**
 * The primary's duty-log lines and handover acknowledgements, to the floor's {@code shift} topic (QoS 1 to every
 * gateway's persistent session), so the floor's other gateway keeps the same shift records. One written while the
 * broker link is down stays on the primary only (logged).
 */
public final class ShiftRecordPublisher {
    private final PrimaryFloorTopic topic;

    public ShiftRecordPublisher(FloorLink link, Codec codec, GatewayRole role, String site, String floor) {
        this.topic = new PrimaryFloorTopic(link, codec, role, site, floor, Topic.Kind.SHIFT);
    }

    public void publish(ShiftRecord record) {
        if (topic.isPrimary() && !topic.publish(record, false)) {
            Logger.warn("the broker link is down: {} {} stays on this gateway only", record.type(), record.ref());
        }
    }
}
