package dev.seatlink.link;

import java.nio.file.Path;
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

    private BrokerSession() {
    }

    /**
     * A client for the brokers of {@code brokers} (one URL or a {@link BrokerList}) with a fixed
     * {@code clientId}; give the same list to {@link #options} so every connect walks it.
     *
     * @throws IllegalArgumentException naming the URL when it cannot be used
     */
    public static MqttAsyncClient client(String brokers, String clientId) {
        String first = nodesFor(brokers, clientId).get(0).toString();
        try {
            return new MqttAsyncClient(first, clientId, new MemoryPersistence());
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

    private static java.util.List<java.net.URI> nodesFor(String brokers, String clientId) {
        return BrokerList.turnedFor(BrokerList.parse(brokers), clientId, 0);
    }
}
