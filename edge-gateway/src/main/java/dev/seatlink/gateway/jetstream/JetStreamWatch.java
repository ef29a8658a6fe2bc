package dev.seatlink.gateway.jetstream;

import dev.seatlink.gateway.floor.FloorClock;
import dev.seatlink.gateway.floor.FloorModel;
import dev.seatlink.gateway.jobs.PeriodicJob;
import dev.seatlink.gateway.site.SeatSpec;
import io.vertx.core.Vertx;
import java.util.List;
import org.tinylog.Logger;

/**
 * At start and every {@link #PERIOD_MS}, reads every node's JetStream figures on a worker and matches them to this floor's
 * clients; one reading at a time, so a slow node never stacks requests. A node that cannot be read is shown with its
 * problem (and logged once per change), the others still count.
 */
public final class JetStreamWatch implements PeriodicJob, ClusterView {
    static final long PERIOD_MS = 15_000;

    private final Vertx vertx;
    private final FloorModel floor;
    private final List<String> nodes;
    private final NodeMonitor monitor;
    private final FloorSessions sessions;
    private final FloorClock clock;
    private volatile ClusterFigures latest = ClusterFigures.NONE;
    private boolean reading;
    private String lastProblems = "";

    public JetStreamWatch(Vertx vertx, FloorModel floor, List<String> nodes, NodeMonitor monitor, FloorClock clock) {
        this.vertx = vertx;
        this.floor = floor;
        this.nodes = List.copyOf(nodes);
        this.monitor = monitor;
        this.clock = clock;
        this.sessions = new FloorSessions(floor.site().site(), floor.site().floor());
    }

    @Override
    public long periodMs() {
        return PERIOD_MS;
    }

    @Override
    public void run() {
        if (reading) {
            return;
        }
        reading = true;
        List<String> seats = floor.site().seats().stream().map(SeatSpec::seat).toList();
        vertx.executeBlocking(() -> sessions.match(nodes.stream().map(monitor::read).toList(), seats, clock.millis()))
                .onComplete(done -> {
                    reading = false;
                    if (done.succeeded()) {
                        latest = done.result();
                        logProblems(done.result());
                    } else {
                        Logger.warn(done.cause(), "reading the NATS nodes' JetStream figures failed");
                    }
                });
    }

    private void logProblems(ClusterFigures figures) {
        String problems = figures.nodes().stream().filter(n -> n.problem() != null)
                .map(n -> n.node() + ": " + n.problem()).reduce((a, b) -> a + "; " + b).orElse("");
        if (!problems.equals(lastProblems)) {
            if (problems.isEmpty()) {
                Logger.info("every NATS node's monitoring endpoint answers again");
            } else {
                Logger.warn("cannot read NATS monitoring: {}", problems);
            }
            lastProblems = problems;
        }
    }

    @Override
    public void refresh() {
        run();
    }

    @Override
    public ClusterFigures figures() {
        return latest;
    }
}
