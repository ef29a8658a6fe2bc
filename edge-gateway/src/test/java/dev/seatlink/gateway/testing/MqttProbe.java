package dev.seatlink.gateway.testing;

import static org.awaitility.Awaitility.await;

import dev.seatlink.gateway.Gateway;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.Message;
import dev.seatlink.protocol.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A test's own MQTT client: publishes as an outside tool would and records what it hears. */
public final class MqttProbe implements AutoCloseable {
    /** One received message. */
    public record Received(String topic, String payload) {
    }

    /** How long closing waits for work in flight; every publish here already waited for its acknowledgement. */
    private static final long QUIESCE_MS = 500;

    private final MqttClient client;
    private final Codec codec = new Codec();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private boolean sessionPresent;

    public MqttProbe(String brokerUrl, String... filters) throws MqttException {
        this(brokerUrl, null, null, filters);
    }

    /**
     * Fake seats for a gateway just started, connected once its subscriptions are granted ({@code /health}). A fake
     * seat answers no roll call and no replay, so what it sent before then (the gateway's link once dropped just as it
     * started, in CI) would never reach the gateway, where a terminal's events would, replayed.
     */
    public static MqttProbe seatsOf(Gateway gateway) throws MqttException {
        Http http = new Http(gateway.httpPort());
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> "GRANTED".equals(http.json("/health").path("subscriptions").asText()));
        return new MqttProbe(gateway.brokerUrl());
    }

    /** A probe that logs in; with a seat's username its client id is the seat's own. */
    public static MqttProbe login(String brokerUrl, String username, String password, String... filters)
            throws MqttException {
        return new MqttProbe(brokerUrl, username, username, password, filters);
    }

    /** A probe that logs in as its own client id, with a persistent session unless {@code cleanSession}. */
    public static MqttProbe login(String brokerUrl, String username, String password, boolean cleanSession)
            throws MqttException {
        return new MqttProbe(brokerUrl, username, username, password, cleanSession, new String[0]);
    }

    /** A probe with a persistent session under {@code clientId} (anonymous): what a terminal leaves behind. */
    public static MqttProbe session(String brokerUrl, String clientId, String... filters) throws MqttException {
        return new MqttProbe(brokerUrl, clientId, null, null, false, filters);
    }

    /** A probe that logs in with one login and asks for another client id (someone else's, in an attack). */
    public static MqttProbe loginAs(String brokerUrl, String clientId, String username, String password,
                                    String... filters) throws MqttException {
        return new MqttProbe(brokerUrl, clientId, username, password, filters);
    }

    private MqttProbe(String brokerUrl, String username, String password, String[] filters) throws MqttException {
        this(brokerUrl, username, username, password, filters);
    }

    private MqttProbe(String brokerUrl, String clientId, String username, String password, String[] filters)
            throws MqttException {
        this(brokerUrl, clientId, username, password, true, filters);
    }

    private MqttProbe(String brokerUrl, String clientId, String username, String password, boolean cleanSession,
                      String[] filters) throws MqttException {
        client = new MqttClient(brokerUrl, clientId != null ? clientId : "probe-" + UUID.randomUUID(),
                new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(cleanSession);
        options.setMaxInflight(1000);
        if (username != null) {
            options.setUserName(username);
            options.setPassword(password.toCharArray());
        }
        options.setConnectionTimeout(5);
        client.setTimeToWait(3_000); // a broker that drops a refused publish without PUBACK must not hang a test
        if (!cleanSession) {
            // what the broker queued for the session comes on connecting, before any subscription's listener is set
            client.setCallback(new QueuedMessages());
        }
        connect(options, filters);
    }

    /**
     * Connects and subscribes, trying again twice: the embedded Moquette now and then closes a fresh
     * connection while the gateway and a terminal connect at the same moment (seen in CI as
     * "Connection lost (32109)" on connect or on the first subscribe).
     */
    private void connect(MqttConnectOptions options, String[] filters) throws MqttException {
        for (int attempt = 1; ; attempt++) {
            try {
                if (!client.isConnected()) {
                    sessionPresent = client.connectWithResult(options).getSessionPresent();
                }
                for (String filter : filters) {
                    client.subscribe(filter, 1, (topic, message) ->
                            received.add(new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8))));
                }
                return;
            } catch (MqttException e) {
                if (attempt == 3 || e.getReasonCode() == MqttException.REASON_CODE_FAILED_AUTHENTICATION
                        || e.getReasonCode() == MqttException.REASON_CODE_NOT_AUTHORIZED) {
                    throw e;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private final class QueuedMessages implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            received.add(new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8)));
        }

        @Override
        public void connectionLost(Throwable cause) {
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
        }
    }

    /** Publishes as the contract says: status, state, config, gateway and summary retained; the rest not. */
    public void publish(Topic topic, Message message) throws MqttException {
        client.publish(topic.toString(), codec.encode(topic, message), 1, topic.kind().retained());
    }

    public void publishRaw(String topic, String payload, boolean retained) throws MqttException {
        publishRaw(topic, payload.getBytes(StandardCharsets.UTF_8), retained);
    }

    public void publishRaw(String topic, byte[] payload, boolean retained) throws MqttException {
        client.publish(topic, payload, 1, retained);
    }

    /** Publishes at QoS 1, waiting 200 ms at most: a broker may never acknowledge a publish it refuses. */
    public void publishRefused(String topic, String payload) {
        long patience = client.getTimeToWait();
        client.setTimeToWait(200);
        try {
            publishRaw(topic, payload, false);
        } catch (MqttException noAcknowledgement) {
            // expected of a publish the broker refuses
        } finally {
            client.setTimeToWait(patience);
        }
    }

    /** Whether the broker still held a session for this client id when it connected. */
    public boolean sessionPresent() {
        return sessionPresent;
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    public List<Received> received() {
        return received;
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            // a publish the broker refused is never acknowledged: Paho's default 30 s quiesce would wait for it
            client.disconnect(QUIESCE_MS);
        }
        client.close(true);
    }
}
