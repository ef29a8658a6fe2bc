package dev.seatlink.protocol;

/**
 * A value breaks the v1 contract. Thrown by message constructors so that code cannot build an
 * invalid message; {@link Codec#decode} turns it into a {@link Decoded.Rejected} instead of throwing.
 */
public final class ProtocolViolation extends IllegalArgumentException {
    private final RejectReason reason;

    public ProtocolViolation(RejectReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }
}
