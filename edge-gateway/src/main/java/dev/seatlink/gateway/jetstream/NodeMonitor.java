package dev.seatlink.gateway.jetstream;

/** Reads one NATS node's JetStream figures. Blocking: called on a worker. */
public interface NodeMonitor {
    /** The node's reading; an unreachable or garbled node is a reading with its problem, never an exception. */
    NodeReading read(String monitorUrl);
}
