package dev.seatlink.gateway.ingest;

import dev.seatlink.gateway.metrics.Metrics;
import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.store.StoreWriter;
import dev.seatlink.link.BrokerSession;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.Decoded;
import dev.seatlink.protocol.GatewayStatus;
import dev.seatlink.protocol.Ids;
import dev.seatlink.protocol.Message;
import dev.seatlink.protocol.ProtocolViolation;
import dev.seatlink.protocol.SeatConfig;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.Topic;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.tinylog.Logger;

/**
 * The gateway's MQTT link. Subscribes (QoS 1, persistent session) to every seat's status, state,
 * event and cmd-result; on each connect it announces the gateway online (its Last Will says
 * offline) and publishes every seat's retained config from the seat map.
 *
 * <p>Runs on Paho's threads: it counts and decodes each message there and logs and counts what is
 * rejected. Every message then goes through the {@link StoreWriter} in arrival order; only after its
 * batch is committed is it acknowledged to the broker (Paho manual acks) and, if valid, handed to the
 * {@link Sink}. An event is therefore never acknowledged before it is stored. The callback never throws.
 */
public final class Ingest implements AutoCloseable {
    private static final int QOS = BrokerSession.QOS;
    static final long FIRST_CONNECT_RETRY_MS = 2_000;
    static final int CONFIGS_IN_FLIGHT = 5_000;
    static final long CONFIG_ACK_WAIT_MS = 30_000;

    /** Where valid messages go, with the gateway's receive time. */
    public interface Sink {
        void accept(Decoded.Accepted message, long rx);
    }

    private final IngestSettings settings;
    private final Supplier<SiteConfig> site;
    private final AppliedSeqs seqs;
    private final SiteConfig map;
    private final Codec codec;
    private final Metrics metrics;
    private final RejectLog rejectLog;
    private final Sink sink;
    private final StoreWriter store;
    private final LongSupplier clock;
    private final Topic gatewayTopic;
    private final MqttAsyncClient client;
    private final MqttConnectOptions options;
    private final ScheduledExecutorService retry = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mqtt-connect");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    public Ingest(IngestSettings settings, Supplier<SiteConfig> site, AppliedSeqs seqs, Codec codec, Metrics metrics,
                  RejectLog rejectLog, Sink sink, StoreWriter store, LongSupplier clock) {
        this.store = store;
        this.settings = settings;
        this.site = site;
        this.seqs = seqs;
        this.map = site.get(); // site and floor never change while running: a reload refuses that
        this.codec = codec;
        this.metrics = metrics;
        this.rejectLog = rejectLog;
        this.sink = sink;
        this.clock = clock;
        this.gatewayTopic = Topic.floor(map.site(), map.floor(), Topic.Kind.GATEWAY);
        client = BrokerSession.client(settings.brokerUrl(), settings.clientId());
        client.setCallback(new Callback());
        client.setManualAcks(true);
        options = BrokerSession.options(settings.username(), settings.password(), settings.tlsCaFile(), 10, 65_000,
                gatewayTopic.toString(), codec.encode(gatewayStatus(false)));
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(5_000); // one client per floor: no herd to spread, so come back quickly
    }

    private GatewayStatus gatewayStatus(boolean online) {
        return new GatewayStatus(online, settings.gatewayId(), clock.getAsLong());
    }

    /** Connects in the background; keeps trying until the first connect succeeds, then Paho reconnects. */
    public void start() {
        if (closed) {
            return;
        }
        try {
            client.connect(options, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    // connectComplete does the rest
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    retryFirstConnect(failure);
                }
            });
        } catch (MqttException e) {
            retryFirstConnect(e);
        }
    }

    private void retryFirstConnect(Throwable failure) {
        if (closed) {
            return;
        }
        Logger.warn("cannot connect to {}: {}; retrying in {} ms", settings.brokerUrl(), BrokerSession.describe(failure),
                FIRST_CONNECT_RETRY_MS);
        retry.schedule(this::start, FIRST_CONNECT_RETRY_MS, TimeUnit.MILLISECONDS);
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /** Publishes; logs and drops the message while the link is down (then returns null). */
    public IMqttDeliveryToken publish(Topic topic, Message message, boolean retained) {
        try {
            return client.publish(topic.toString(), codec.encode(topic, message), QOS, retained);
        } catch (MqttException e) {
            Logger.warn("cannot publish to {} (reason code {}): {}", topic, e.getReasonCode(), e.getMessage());
            return null;
        }
    }

    private void subscribeAndAnnounce() {
        String[] filters = {
                Topic.allSeats(map.site(), map.floor(), Topic.Kind.STATUS),
                Topic.allSeats(map.site(), map.floor(), Topic.Kind.STATE),
                Topic.allSeats(map.site(), map.floor(), Topic.Kind.EVENT),
                Topic.allSeats(map.site(), map.floor(), Topic.Kind.CMD_RESULT)};
        try {
            client.subscribe(filters, new int[] {QOS, QOS, QOS, QOS}, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    publish(gatewayTopic, gatewayStatus(true), true);
                    Logger.info("subscribed to floor {}/{}", map.site(), map.floor());
                    publishSeatConfigs(site.get());
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    Logger.error("broker refused the floor subscriptions (check the gateway's ACL): {}", BrokerSession.describe(failure));
                }
            });
        } catch (MqttException e) {
            Logger.error("cannot subscribe: {}", BrokerSession.describe(e));
        }
    }

    /**
     * Publishes every seat's retained config (at connect, and after the site config was edited), in the
     * background and at most {@value #CONFIGS_IN_FLIGHT} unacknowledged at a time: Paho refuses a publish
     * beyond its in-flight window (65,000), and a floor that large must still get every config.
     */
    public void publishSeatConfigs(SiteConfig current) {
        retry.execute(() -> {
            Deque<IMqttDeliveryToken> inFlight = new ArrayDeque<>();
            int published = 0;
            for (SeatSpec seat : current.seats()) {
                if (inFlight.size() >= CONFIGS_IN_FLIGHT && !acknowledged(inFlight.poll())) {
                    break;
                }
                IMqttDeliveryToken token = publishSeatConfig(current, seat);
                if (token == null) {
                    break;
                }
                inFlight.add(token);
                published++;
            }
            if (published < current.seats().size()) {
                Logger.warn("{} of {} seat configs published; the rest follow on the next connect or site edit",
                        published, current.seats().size());
            } else {
                Logger.info("{} seat configs published", published);
            }
        });
    }

    private static boolean acknowledged(IMqttDeliveryToken token) {
        try {
            token.waitForCompletion(CONFIG_ACK_WAIT_MS);
            return true;
        } catch (MqttException e) {
            Logger.warn("a seat config was not acknowledged: {}", BrokerSession.describe(e));
            return false;
        }
    }

    /** Publishes one seat's retained config again, with the floor's latest seq for it. */
    public void publishSeatConfig(String seat) {
        SiteConfig current = site.get();
        current.seat(seat).ifPresent(spec -> publishSeatConfig(current, spec));
    }

    /** The publish's token, or null when it could not be sent (logged). */
    private IMqttDeliveryToken publishSeatConfig(SiteConfig current, SeatSpec seat) {
        SeatConfig config = current.seatConfig(seat);
        long lastSeq = seqs.lastApplied(seat.seat());
        return publish(Topic.seat(current.site(), current.floor(), seat.seat(), Topic.Kind.CONFIG),
                lastSeq > 0 ? config.withLastSeq(lastSeq) : config, true);
    }

    private void onMessage(String topic, MqttMessage message) {
        long rx = clock.getAsLong();
        metrics.received();
        Decoded decoded = codec.decode(topic, message.getPayload());
        int id = message.getId();
        int qos = message.getQos();
        if (decoded instanceof Decoded.Accepted accepted) {
            metrics.accepted(accepted.topic().kind());
            SeatEvent event = accepted.message() instanceof SeatEvent e ? e : null;
            store.submit(event, rx, isNew -> {
                acknowledge(id, qos);
                sink.accept(accepted, rx);
            });
        } else if (decoded instanceof Decoded.Rejected rejected) {
            metrics.rejected(rejected.reason());
            rejectLog.rejected(sourceOf(topic), rejected.reason(), rejected.detail());
            store.submit(null, rx, isNew -> acknowledge(id, qos));
        }
    }

    /** PUBACK for a stored (or refused) message; if the link dropped meanwhile the broker sends it again. */
    private void acknowledge(int id, int qos) {
        try {
            client.messageArrivedComplete(id, qos);
        } catch (MqttException e) {
            Logger.debug("ack of message {} not sent ({}); the broker will redeliver it", id, e.getMessage());
        }
    }

    /** The seat a topic names, or the (printable) topic itself when it names none. */
    static String sourceOf(String topic) {
        try {
            Topic parsed = Topic.parse(topic);
            return parsed.seat() == null ? parsed.toString() : "seat " + parsed.seat();
        } catch (ProtocolViolation e) {
            return "topic " + Ids.printable(topic, 80);
        }
    }

    /** Announces the gateway offline and disconnects. */
    @Override
    public void close() {
        closed = true;
        retry.shutdownNow();
        try {
            if (client.isConnected()) {
                client.publish(gatewayTopic.toString(), codec.encode(gatewayStatus(false)), QOS, true)
                        .waitForCompletion(2000);
                client.disconnect(2000).waitForCompletion(3000);
            }
            client.close(true);
        } catch (MqttException e) {
            Logger.warn("clean disconnect from broker failed: {}", BrokerSession.describe(e));
        }
    }

    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            Logger.info("{} to {} as {}", reconnect ? "reconnected" : "connected", serverUri, settings.clientId());
            metrics.brokerConnected();
            // Not on this (Paho's callback) thread: with a persistent session the broker floods queued
            // messages at once, and a subscribe issued from here can stall delivery (paho.mqtt.java #999).
            retry.execute(Ingest.this::subscribeAndAnnounce);
        }

        @Override
        public void connectionLost(Throwable cause) {
            Logger.warn("lost the broker: {}; Paho reconnects", BrokerSession.describe(cause));
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            try {
                onMessage(topic, message);
            } catch (RuntimeException e) {
                // Never let an exception reach Paho: it would drop the connection.
                Logger.error(e, "unexpected failure handling a message on {}", Ids.printable(topic, 80));
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // QoS 1 publishes need no follow-up
        }
    }
}
