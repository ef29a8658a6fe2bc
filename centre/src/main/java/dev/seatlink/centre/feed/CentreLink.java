package dev.seatlink.centre.feed;

import dev.seatlink.centre.config.CentrePlan;
import dev.seatlink.link.BrokerList;
import dev.seatlink.link.BrokerSession;
import dev.seatlink.link.ReconnectPlan;
import dev.seatlink.link.RejectLog;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.Decoded;
import dev.seatlink.protocol.FloorSummary;
import dev.seatlink.protocol.GatewayStatus;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.Topic;
import io.vertx.core.Vertx;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.messages.MqttPublishMessage;
import java.net.URI;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tinylog.Logger;

/**
 * The centre view's read-only link to the cluster: a clean session under its own client id (any number of
 * centre views may run), subscribed to each configured floor's retained {@code summary} and {@code gateway}
 * topics, walking the cluster's nodes on reconnect. Retained messages arrive again after every connect, so
 * nothing needs to be kept by the broker for it. Runs on the event loop it was started from.
 *
 * <p>It subscribes at QoS 0: each summary supersedes the last within seconds, and a clean session keeps nothing
 * across a reconnect anyway. At QoS 1 each subscription was a JetStream consumer on one node, and a clean-session
 * connect must first delete the consumers of the session before it: with one of them on a node just killed, NATS
 * refused every connect for as long as the node stayed dead ("unable to delete consumer", `bench center`
 * 2026-12-02 run 14: the page without news for 20 s, three raised hands missed).
 *
 * <p>The link is up once the broker answered the subscriptions. A node that takes the connection and does not accept
 * it, or does not answer the subscriptions, within three keepalives is dropped and the next one tried: Vert.x's client
 * would wait for either without end.
 *
 * <p>Every seat of every floor can write what this link reads (its own events), so a message that does not decode is
 * counted and logged at most once a minute per seat ({@link RejectLog}), as a floor's gateway does: a broken or
 * hostile seat publishing garbage as fast as it can must not flood the centre's log.
 */
public final class CentreLink {
    static final int KEEPALIVE_S = 10;
    private static final int AT_MOST_ONCE = 0;

    /** How the centre logs in: username and password, or none; a CA for {@code ssl://}. */
    public record Login(String username, char[] password, Path tlsCaFile) {
    }

    private final Vertx vertx;
    private final CentrePlan plan;
    /** Every floor's summary, gateway and seat-event topics, as asked; the plan is fixed, and so are they. */
    private final Map<String, Integer> subscriptions;
    private final Login login;
    private final ReconnectPlan reconnect;
    private final Codec codec = new Codec();
    private final RejectLog rejectLog;
    private final String clientId = "centre-" + UUID.randomUUID().toString().substring(0, 8);
    private final long answerMs;
    private FloorFeed feed;
    private MqttClient client;
    /** Drops a connection whose CONNACK or SUBACK has not come; armed on each connect, until the SUBACK. */
    private long answerWatch = -1;
    private boolean closed;

    public CentreLink(Vertx vertx, String brokers, CentrePlan plan, Login login, RejectLog rejectLog) {
        this(vertx, brokers, plan, login, rejectLog, BrokerSession.subscribeAnswerMs(KEEPALIVE_S));
    }

    CentreLink(Vertx vertx, String brokers, CentrePlan plan, Login login, RejectLog rejectLog, long answerMs) {
        this.vertx = vertx;
        this.plan = plan;
        this.subscriptions = subscriptionsOf(plan);
        this.login = login;
        this.rejectLog = rejectLog;
        this.answerMs = answerMs;
        this.reconnect = new ReconnectPlan(BrokerList.turnedFor(BrokerList.parse(brokers), clientId, 0));
    }

    public void start(FloorFeed floorFeed) {
        this.feed = floorFeed;
        connect();
    }

    private MqttClientOptions options() {
        MqttClientOptions options = new MqttClientOptions().setClientId(clientId).setCleanSession(true)
                .setKeepAliveInterval(KEEPALIVE_S).setAutoKeepAlive(true).setMaxMessageSize(FloorSummary.MAX_BYTES);
        if (login.username() != null) {
            options.setUsername(login.username()).setPassword(new String(login.password()));
        }
        if (reconnect.tls()) {
            options.setSsl(true).setHostnameVerificationAlgorithm("HTTPS");
            if (login.tlsCaFile() != null) {
                options.setTrustOptions(new PemTrustOptions().addCertPath(login.tlsCaFile().toString()));
            }
        }
        return options;
    }

    private void connect() {
        if (closed) {
            return;
        }
        URI broker = reconnect.current();
        MqttClient attempt = MqttClient.create(vertx, options());
        attempt.publishHandler(this::received)
                .subscribeCompletionHandler(granted -> granted(attempt, granted.grantedQoSLevels()))
                .closeHandler(v -> lost(attempt))
                .exceptionHandler(e -> Logger.debug("centre link: {}", e.toString()));
        // Vert.x's client waits for a CONNACK and a SUBACK without end: a node that takes the connection and stalls
        // (seen: a NATS node whose cluster had lost a node) would leave the page without news for as long
        answerWatch = vertx.setTimer(answerMs, id -> unanswered(attempt, broker));
        attempt.connect(broker.getPort(), broker.getHost(), broker.getHost())
                .onSuccess(ack -> subscribe(attempt))
                .onFailure(e -> {
                    vertx.cancelTimer(answerWatch);
                    long delay = reconnect.afterFailure();
                    Logger.warn("cannot connect to {}: {}; trying {} in {} ms", broker, e.getMessage(),
                            reconnect.current(), delay);
                    vertx.setTimer(Math.max(1, delay), id -> connect());
                });
    }

    private void subscribe(MqttClient connected) {
        if (closed) {
            connected.disconnect();
            return;
        }
        client = connected;
        reconnect.connected();
        connected.subscribe(subscriptions)
                .onFailure(e -> Logger.error("cannot subscribe to the floors: {}", e.getMessage()));
    }

    private static Map<String, Integer> subscriptionsOf(CentrePlan plan) {
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (CentrePlan.FloorRef floor : plan.floors()) {
            topics.put(Topic.floor(floor.site(), floor.floor(), Topic.Kind.SUMMARY).toString(), AT_MOST_ONCE);
            topics.put(Topic.floor(floor.site(), floor.floor(), Topic.Kind.GATEWAY).toString(), AT_MOST_ONCE);
            topics.put(Topic.allSeats(floor.site(), floor.floor(), Topic.Kind.EVENT), AT_MOST_ONCE);
        }
        return Collections.unmodifiableMap(topics);
    }

    /** The link is up once the broker answered the subscriptions, not when they were sent. */
    private void granted(MqttClient connected, List<Integer> codes) {
        if (connected != client) {
            return;
        }
        vertx.cancelTimer(answerWatch);
        List<String> refused = BrokerSession.refused(List.copyOf(subscriptions.keySet()), codes);
        if (!refused.isEmpty()) {
            // those floors turn stale on the page, which says what the duty manager needs to know
            Logger.error("the broker refused {}: the centre's login may not read those floors", refused);
        }
        Logger.info("watching {} on {} as {}", plan.floorCount(), reconnect.current(), clientId);
        feed.link(true);
    }

    /** Not accepted, or not answered, within three keepalives: dropped, and the next node tried as after a loss. */
    private void unanswered(MqttClient attempt, URI broker) {
        Logger.warn("{} took the connection but has not {} within {} ms: dropping it", broker,
                attempt == client ? "answered the subscriptions" : "accepted it", answerMs);
        attempt.disconnect();
    }

    private void received(MqttPublishMessage message) {
        Decoded decoded = codec.decode(message.topicName(), message.payload().getBytes());
        if (decoded instanceof Decoded.Rejected rejected) {
            feed.refused();
            rejectLog.rejected(RejectLog.sourceOf(message.topicName()), rejected.reason(), rejected.detail());
            return;
        }
        Decoded.Accepted accepted = (Decoded.Accepted) decoded;
        Topic topic = accepted.topic();
        if (accepted.message() instanceof FloorSummary summary) {
            feed.summary(topic.site(), topic.floor(), summary);
        } else if (accepted.message() instanceof GatewayStatus status) {
            feed.lease(topic.site(), topic.floor(), status);
        } else if (accepted.message() instanceof SeatEvent event) {
            feed.seatEvent(topic.site(), topic.floor(), event);
        }
    }

    private void lost(MqttClient which) {
        if (which != client) {
            return;
        }
        client = null;
        vertx.cancelTimer(answerWatch);
        feed.link(false);
        if (closed) {
            return;
        }
        long delay = reconnect.afterLoss();
        Logger.warn("lost the broker; reconnecting to {} in {} ms", reconnect.current(), delay);
        vertx.setTimer(Math.max(1, delay), id -> connect());
    }

    public void close() {
        closed = true;
        vertx.cancelTimer(answerWatch);
        if (client != null && client.isConnected()) {
            client.disconnect();
        }
    }
}
