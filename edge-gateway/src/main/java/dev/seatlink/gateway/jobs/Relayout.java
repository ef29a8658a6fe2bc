package dev.seatlink.gateway.jobs;

import dev.seatlink.gateway.brokerlink.MovesPublisher;
import dev.seatlink.gateway.brokerlink.SeatConfigPublisher;
import dev.seatlink.gateway.moves.Move;
import dev.seatlink.gateway.moves.LayoutListener;
import dev.seatlink.gateway.web.LiveUpdates;
import java.util.List;

/**
 * After the floor's teams changed (a move, a shift's end, a site-config edit): the seats get their team's config
 * again, the primary publishes the moves for the floor's other gateway, the figures are recomputed at once, and
 * then every wallboard reloads the floor.
 */
public final class Relayout implements LayoutListener {
    private final SeatConfigPublisher configs;
    private final FloorTick tick;
    private final LiveUpdates live;
    private final MovesPublisher moves;

    public Relayout(SeatConfigPublisher configs, FloorTick tick, LiveUpdates live, MovesPublisher moves) {
        this.configs = configs;
        this.tick = tick;
        this.live = live;
        this.moves = moves;
    }

    @Override
    public void relaidOut(List<Move> inForce) {
        configs.publishAll();
        moves.changed(inForce);
        tick.runNow().onComplete(done -> live.siteChanged());
    }
}
