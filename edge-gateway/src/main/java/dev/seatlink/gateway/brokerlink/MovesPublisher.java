package dev.seatlink.gateway.brokerlink;

import dev.seatlink.gateway.floor.FloorClock;
import dev.seatlink.gateway.lease.GatewayRole;
import dev.seatlink.gateway.moves.Move;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.FloorMoves;
import dev.seatlink.protocol.Topic;
import java.util.List;

/**
 * The primary's moves in force, retained on the floor's {@code moves} topic whenever they change and when it takes
 * the lease, so the floor's other gateway runs the same teams and keeps them when it takes over. Runs on the
 * floor's context.
 */
public final class MovesPublisher {
    private final PrimaryFloorTopic topic;
    private final FloorClock clock;
    private List<Move> published;

    public MovesPublisher(FloorLink link, Codec codec, GatewayRole role, String site, String floor, FloorClock clock) {
        this.topic = new PrimaryFloorTopic(link, codec, role, site, floor, Topic.Kind.MOVES);
        this.clock = clock;
    }

    /** Publishes {@code moves} if this gateway is the primary and they differ from what it published last. */
    public void changed(List<Move> moves) {
        if (!moves.equals(published)) {
            publish(moves);
        }
    }

    /** Publishes {@code moves} if this gateway is the primary (it just took the lease: its list is the floor's). */
    public void publish(List<Move> moves) {
        FloorMoves message = new FloorMoves(clock.millis(), moves.stream().map(Move::toEntry).toList());
        if (topic.publish(message, true)) {
            published = List.copyOf(moves);
        }
    }
}
