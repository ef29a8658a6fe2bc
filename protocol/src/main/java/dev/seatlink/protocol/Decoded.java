package dev.seatlink.protocol;

/** The outcome of {@link Codec#decode}: a valid message with its topic, or a rejection with its reason. */
public sealed interface Decoded permits Decoded.Accepted, Decoded.Rejected {

    static Decoded ok(Topic topic, Message message) {
        return new Accepted(topic, message);
    }

    static Decoded rejected(String topic, RejectReason reason, String detail) {
        return new Rejected(topic, reason, detail);
    }

    record Accepted(Topic topic, Message message) implements Decoded {
    }

    /**
     * @param topic  the raw topic string, as received
     * @param detail a human-readable explanation naming the field, safe to log
     */
    record Rejected(String topic, RejectReason reason, String detail) implements Decoded {
    }
}
