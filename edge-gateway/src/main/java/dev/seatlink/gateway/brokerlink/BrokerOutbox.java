package dev.seatlink.gateway.brokerlink;

import dev.seatlink.gateway.apply.SeatOutbox;
import dev.seatlink.gateway.cti.CallSender;
import dev.seatlink.gateway.partner.PartnerFill;
import dev.seatlink.protocol.CallEvent;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.Command;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.Topic;
import io.vertx.core.Future;

/**
 * Commands to a seat on its {@code cmd} topic, phone events on its {@code call} topic, its retained config again, and
 * its stored events again on its {@code event} topic for the floor's other gateway, over the broker link.
 */
public final class BrokerOutbox implements SeatOutbox, CallSender, PartnerFill.Republisher {
    private final BrokerLink link;
    private final AtMostOnce asks;
    private final SeatConfigPublisher configs;
    private final Codec codec;
    private final String site;
    private final String floor;

    /** @param asks where the asks of seats go: the link itself, or on a cluster the gateway's NATS client */
    public BrokerOutbox(BrokerLink link, AtMostOnce asks, SeatConfigPublisher configs, Codec codec, String site,
                        String floor) {
        this.link = link;
        this.asks = asks;
        this.configs = configs;
        this.codec = codec;
        this.site = site;
        this.floor = floor;
    }

    @Override
    public void command(String seat, Command command) {
        Topic topic = Topic.seat(site, floor, seat, Topic.Kind.CMD);
        link.publish(topic.toString(), codec.encode(topic, command), false);
    }

    @Override
    public void ask(String seat, Command command) {
        Topic topic = Topic.seat(site, floor, seat, Topic.Kind.CMD);
        asks.publishAtMostOnce(topic.toString(), codec.encode(topic, command));
    }

    @Override
    public Future<Void> call(CallEvent event) {
        Topic topic = Topic.seat(site, floor, event.seat(), Topic.Kind.CALL);
        return link.publishAcknowledged(topic.toString(), codec.encode(topic, event), false);
    }

    /** A stored event as the seat sent it (QoS 1, not retained): the answer to a partner's replay. */
    @Override
    public Future<Void> republish(SeatEvent event) {
        Topic topic = Topic.seat(site, floor, event.seat(), Topic.Kind.EVENT);
        return link.publishAcknowledged(topic.toString(), codec.encode(topic, event), false);
    }

    @Override
    public void config(String seat) {
        configs.publish(seat);
    }
}
