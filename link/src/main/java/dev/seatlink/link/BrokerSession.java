package dev.seatlink.link;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * What every SeatLink MQTT client sets up the same way: a fixed client id with a persistent session
 * (clean session off), QoS 1 throughout, an optional login and TLS trust, and a retained Last Will.
 * Each caller then adds its own reconnect policy and timeouts.
 */
public final class BrokerSession {
    /** Every SeatLink message is QoS 1. */
    public static final int QOS = 1;

    /**
     * A SUBACK's code for a filter the broker refused (MQTT 3.1.1, 3.9.3): an ACL, or a NATS cluster that could not
     * make the subscription's consumer yet (still electing, or missing a node).
     */
    public static final int SUBACK_REFUSED = 0x80;

    private BrokerSession() {
    }

    /**
     * How long a broker may take to answer a client's subscriptions (SUBACK) before the client drops the connection
     * and connects again: three keepalives. Neither Paho nor Vert.x's client waits for a SUBACK with a timeout, so a
     * broker that takes a connection and then stalls would leave the client connected and deaf until it broke.
     */
    public static long subscribeAnswerMs(int keepAliveSeconds) {
        return keepAliveSeconds * 3_000L;
    }

    /**
     * The filters of {@code asked} that a SUBACK's {@code granted} codes (one per filter, in order) refused; all of
     * them when the SUBACK does not answer each filter (a broker that broke the protocol: nothing can be taken as
     * granted then).
     */
    public static List<String> refused(List<String> asked, List<Integer> granted) {
        if (granted == null || granted.size() != asked.size()) {
            return List.copyOf(asked);
        }
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            if (granted.get(i) == SUBACK_REFUSED) {
                refused.add(asked.get(i));
            }
        }
        return refused;
    }

    /** {@link #refused(List, List)} for Paho, whose asynchronous subscribe reports a refusal as success. */
    public static List<String> refused(String[] asked, int[] granted) {
        return refused(List.of(asked), granted == null ? null : Arrays.stream(granted).boxed().toList());
    }

    /**
     * A client for the brokers of {@code brokers} (one URL or a {@link BrokerList}) with a fixed
     * {@code clientId}; give the same list to {@link #options} so every connect walks it. Disconnect it before its
     * {@code close}, which waits for its threads to end ({@link ClosingClient}).
     *
     * @throws IllegalArgumentException naming the URL when it cannot be used
     */
    public static MqttAsyncClient client(String brokers, String clientId) {
        String first = nodesFor(brokers, clientId).get(0).toString();
        try {
            return ClosingClient.create(first, clientId, new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new IllegalArgumentException("broker URL '" + first + "' is not usable: " + e.getMessage(), e);
        }
    }

    /**
     * Options for a persistent session.
     *
     * @param brokers   one URL or a comma-separated {@link BrokerList}
     * @param clientId  the client's id: which node of a list it tries first ({@link BrokerList#turnedFor})
     * @param username  null for an anonymous login
     * @param tlsCaFile PEM CA to trust for ssl://, or null for the JVM's default CAs
     * @param will      the retained payload the broker publishes on {@code willTopic} if the client vanishes
     */
    public static MqttConnectOptions options(String brokers, String clientId, String username, char[] password,
                                             Path tlsCaFile, int keepAliveSeconds, int maxInflight, String willTopic,
                                             byte[] will) {
        MqttConnectOptions options = new MqttConnectOptions();
        // Paho tries each in turn on every connect: a cluster node that is down is passed over.
        options.setServerURIs(nodesFor(brokers, clientId).stream().map(Object::toString).toArray(String[]::new));
        options.setCleanSession(false);
        options.setKeepAliveInterval(keepAliveSeconds);
        options.setMaxInflight(maxInflight);
        if (username != null) {
            options.setUserName(username);
            options.setPassword(password);
        }
        if (tlsCaFile != null) {
            options.setSocketFactory(BrokerTls.trusting(tlsCaFile));
        }
        options.setWill(willTopic, will, QOS, true);
        return options;
    }

    /** A Paho failure for a log line: its message, Paho's reason code, and the underlying cause. */
    public static String describe(Throwable failure) {
        if (failure instanceof MqttException e) {
            String cause = e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")";
            return e.getMessage() + ", reason code " + e.getReasonCode() + cause;
        }
        return String.valueOf(failure);
    }

    private static List<java.net.URI> nodesFor(String brokers, String clientId) {
        return BrokerList.turnedFor(BrokerList.parse(brokers), clientId, 0);
    }
}
