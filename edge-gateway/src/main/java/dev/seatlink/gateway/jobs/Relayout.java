package dev.seatlink.gateway.jobs;

import dev.seatlink.gateway.brokerlink.SeatConfigPublisher;
import dev.seatlink.gateway.moves.LayoutListener;
import dev.seatlink.gateway.web.LiveUpdates;

/**
 * After the floor's teams changed (a move, a shift's end, a site-config edit): the seats get their team's config
 * again, the figures are recomputed at once, and then every wallboard reloads the floor.
 */
public final class Relayout implements LayoutListener {
    private final SeatConfigPublisher configs;
    private final FloorTick tick;
    private final LiveUpdates live;

    public Relayout(SeatConfigPublisher configs, FloorTick tick, LiveUpdates live) {
        this.configs = configs;
        this.tick = tick;
        this.live = live;
    }

    @Override
    public void relaidOut() {
        configs.publishAll();
        tick.runNow().onComplete(done -> live.siteChanged());
    }
}
