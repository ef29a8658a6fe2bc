package dev.seatlink.terminal.testing;

import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.Decoded;
import dev.seatlink.protocol.SeatStatus;
import dev.seatlink.protocol.Topic;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A client on a seat's status topic: what it hears, the retained copy first, as a gateway subscribing now would. */
public final class StatusListener implements AutoCloseable {
    private final MqttClient client;
    private final List<SeatStatus> heard = new CopyOnWriteArrayList<>();

    public StatusListener(String url, String clientId, Topic status) throws MqttException {
        Codec codec = new Codec();
        client = new MqttClient(url, clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        client.connect(options);
        client.subscribe(status.toString(), 1, (topic, message) -> {
            if (codec.decode(topic, message.getPayload()) instanceof Decoded.Accepted accepted
                    && accepted.message() instanceof SeatStatus said) {
                heard.add(said);
            }
        });
    }

    /** Every status heard so far, in order. */
    public List<SeatStatus> heard() {
        return heard;
    }

    /** The connected client, to publish as the broker or a gateway would. */
    public MqttClient client() {
        return client;
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
