package dev.seatlink.cluster;

/** The local cluster could not be started or did not become healthy; the message says what to do. */
public final class ClusterException extends RuntimeException {
    public ClusterException(String message) {
        super(message);
    }

    public ClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
