package dev.seatlink.gateway.brokerlink;

import dev.seatlink.gateway.partner.PartnerFill;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.Topic;
import io.vertx.core.Future;

/** A stored event sent again on its seat's {@code event} topic (QoS 1, not retained), as the seat sent it. */
public final class EventRepublisher implements PartnerFill.Republisher {
    private final BrokerLink link;
    private final Codec codec;
    private final String site;
    private final String floor;

    public EventRepublisher(BrokerLink link, Codec codec, String site, String floor) {
        this.link = link;
        this.codec = codec;
        this.site = site;
        this.floor = floor;
    }

    @Override
    public Future<Void> republish(SeatEvent event) {
        Topic topic = Topic.seat(site, floor, event.seat(), Topic.Kind.EVENT);
        return link.publishAcknowledged(topic.toString(), codec.encode(topic, event), false);
    }
}
