package dev.seatlink.gateway.brokerlink;

import dev.seatlink.link.BrokerSession;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One SUBSCRIBE: its topic filters in the order sent, each with its QoS. The broker's SUBACK grants them in that
 * order, and what it refused ({@link #REFUSED}) is all that is asked again: asking again for a granted filter makes
 * the broker send every message it retains for it once more (NATS does, as MQTT says it must), and a gateway whose
 * consumer a degraded cluster refuses for a minute would have the floor's retained statuses, states and configs sent
 * to it every few seconds.
 */
record SubscribeRequest(Map<String, Integer> topics) {
    /** The SUBACK return code of a filter the broker refused (MQTT 3.1.1, 3.9.3). */
    static final int REFUSED = BrokerSession.SUBACK_REFUSED;

    SubscribeRequest {
        topics = Collections.unmodifiableMap(new LinkedHashMap<>(topics));
    }

    /**
     * The filters among these that the SUBACK's {@code granted} codes refused; all of them when the SUBACK does not
     * answer each filter (a broker that broke the protocol: nothing can be taken as granted then).
     */
    SubscribeRequest refused(List<Integer> granted) {
        Map<String, Integer> refused = new LinkedHashMap<>();
        for (String filter : BrokerSession.refused(List.copyOf(topics.keySet()), granted)) {
            refused.put(filter, topics.get(filter));
        }
        return new SubscribeRequest(refused);
    }

    boolean isEmpty() {
        return topics.isEmpty();
    }
}
