package dev.seatlink.cluster;

/** A NATS node whose monitoring port (/healthz, /varz, /jsz) can be read: a local process or a node on a host. */
interface MonitoredNode {
    /** How messages name it before it has answered: its server name, or its monitoring URL. */
    String name();

    String monitorUrl();

    /** False for a local node known to be stopped: its silence is then no fault. */
    boolean isRunning();
}
