package dev.seatlink.gateway.jetstream;

/** The cluster's figures as last read, for /metrics and the fleet view; {@link #NONE} without {@code --nats-monitor}. */
public interface ClusterView {
    ClusterView NONE = () -> ClusterFigures.NONE;

    ClusterFigures figures();

    /** Reads the cluster again now (after a change the next figures should show), if it is read at all. */
    default void refresh() {
    }
}
