package dev.seatlink.gateway.jetstream;

/**
 * How NATS's MQTT listener names things: a topic is the subject with {@code /} as {@code .}, {@code +} as
 * {@code *} and {@code #} as {@code >} (SeatLink's ids hold no {@code .} or spaces, so nothing needs escaping), and
 * a QoS 1 message kept for sessions sits in the {@code $MQTT_msgs} stream under {@code $MQTT.msgs.} + that subject.
 */
public final class NatsSubjects {
    /** What a consumer's filter subject starts with when an MQTT session's subscription made it. */
    public static final String MQTT_MESSAGES = "$MQTT.msgs.";

    private NatsSubjects() {
    }

    /** An MQTT topic or filter as the NATS subject it becomes. */
    public static String of(String topic) {
        return topic.replace('/', '.').replace("#", ">").replace("+", "*");
    }
}
