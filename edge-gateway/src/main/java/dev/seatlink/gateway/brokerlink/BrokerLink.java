package dev.seatlink.gateway.brokerlink;

import dev.seatlink.gateway.floor.FloorClock;
import dev.seatlink.gateway.ingest.Delivery;
import dev.seatlink.gateway.ingest.Inbox;
import dev.seatlink.gateway.metrics.Metrics;
import dev.seatlink.link.BrokerList;
import dev.seatlink.link.BrokerSession;
import dev.seatlink.link.ConnectWithin;
import dev.seatlink.link.ReconnectPlan;
import dev.seatlink.link.SubscriptionCheck;
import dev.seatlink.protocol.ClientId;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.Command;
import dev.seatlink.protocol.Decoded;
import dev.seatlink.protocol.GatewayStatus;
import dev.seatlink.protocol.Ids;
import dev.seatlink.protocol.Probe;
import dev.seatlink.protocol.SeatConfig;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.Topic;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.messages.MqttPublishMessage;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;

/**
 * The gateway's connection to the floor's broker: one persistent session under a fixed client id, its
 * subscriptions, QoS 1 publishes and the gateway's Last Will ({@code offline} on the floor's retained
 * {@code gateway} topic). Runs on the event loop it was started from (Vert.x's MQTT client: no threads of its
 * own), reconnects by itself, walking a cluster's nodes, and hands each seat message received to the
 * {@link Inbox} unacknowledged: the inbox acknowledges it once it is stored. Each (re)connect waits for its
 * {@link ConnectGate} (on a cluster, until the nodes can take its session). What is heard on the
 * {@code gateway} topic goes to the {@link Listener} (the lease), acknowledged at once; a {@code replay} one of the
 * floor's gateways asks of a seat, to the {@link ReplayAsks}, and a {@code rebirth}, to the {@link RebirthAsks} (a
 * pair's gateway hears the seats' commands).
 *
 * <p>Each subscription quiet for {@value #PROBE_QUIET_MS} ms, and every one right after a connect, is probed
 * ({@link SubscriptionCheck}); when a probe does not come back (on a cluster: the node holding that subscription's
 * consumer died for good, while this link is on another), that subscription is made again — only that one: making
 * a healthy one again drops what is on its way through it. When it was one whose missed messages do not come again
 * ({@link LinkSettings#mendedByRollCall}), the {@link Listener} hears {@code subscribed()} as after a reconnect, so
 * the floor is checked by a roll call and its gaps filled by replay; what the others missed comes again as the
 * retained messages of the new subscription.
 *
 * <p>Such a subscription is also tapped while its consumer is in doubt — from a connect or a stall until the consumer
 * hands over a live message ({@link LinkSettings#taps}): a QoS 0 twin the broker makes at once. After a node died,
 * NATS 2.9 places a new unreplicated consumer on any of the stream's peers, the dead one included, and refuses it
 * when it picked that one; a gateway asking again every few seconds was seen without its events for 30–50 s. The
 * tap hands them over meanwhile, so the floor stays live and its gaps are seen and replayed at once; what both
 * carry is stored once.
 */
public final class BrokerLink implements LinkHealth, FloorLink, AtMostOnce {
    /** Unacknowledged publishes at once: the seat-config window, commands and the summary besides. */
    static final int MAX_IN_FLIGHT = SeatConfigPublisher.WINDOW * 2;
    /** Far beyond any valid SeatLink message (the codec refuses and counts those over 4 KB). */
    static final int MAX_MESSAGE_BYTES = 1024 * 1024;
    static final int ACK_TIMEOUT_S = 30;
    static final long RESUBSCRIBE_MS = 2_000;
    static final long PROBE_QUIET_MS = 5_000;
    /** How often the cluster is asked whether the subscriptions' consumers live ({@link ConsumerCheck}). */
    static final long CONSUMER_CHECK_MS = 2_000;
    /** A SUBACK later than this is logged: on a cluster, the node was making consumers meanwhile. */
    static final long SLOW_SUBACK_MS = 1_000;
    /** A tap whose subscription is not granted yet: nothing delivered so far proves its consumer. */
    private static final long NOT_GRANTED = Long.MAX_VALUE;
    private static final String CONFIG_LEVEL = "/" + Topic.Kind.CONFIG.level();
    private static final String CMD_LEVEL = "/" + Topic.Kind.CMD.level();
    private static final String EVENT_LEVEL = "/" + Topic.Kind.EVENT.level();

    /** Who keeps what the broker retains as seats' configs (heard on every subscribe). */
    public interface RetainedConfigs {
        void retained(String seat, SeatConfig config);
    }

    /**
     * Who hears a {@code replay} asked of a seat by the floor's gateways: one of a pair only, which hears the seats'
     * commands ({@link LinkSettings#partnersAsks}).
     */
    public interface ReplayAsks {
        void asked(String seat, Command.Replay replay);

        /** Whether an ask of this seat waits to see the seat answer it: its events are then passed to {@link #heard}. */
        boolean awaitsSeat(String seat);

        /** An event of a seat {@link #awaitsSeat awaited}, heard on its {@code event} topic. */
        void heard(String seat, long seq);
    }

    /**
     * Who hears a {@code rebirth} asked of a seat by the floor's gateways (its own asks come back too): one of a pair
     * follows the other's roll call instead of asking every seat again.
     */
    public interface RebirthAsks {
        void asked(String seat, Command.Rebirth rebirth);
    }

    /**
     * Who hears of the link: its subscriptions in place (every connect), its loss, the gateway topic, and this
     * gateway's probes of the floor's topics coming back (with when each was sent, by {@link FloorClock}).
     */
    public interface Listener {
        void subscribed();

        void lost();

        void heard(GatewayStatus status);

        void probeCameBack(long sentAt);
    }

    private final Vertx vertx;
    private final LinkSettings settings;
    private final Codec codec;
    private final Metrics metrics;
    private final FloorClock clock;
    /** Waited for before each (re)connect. */
    private final ConnectGate gate;
    /** Asked every {@value #CONSUMER_CHECK_MS} ms while subscribed. */
    private final ConsumerCheck consumers;
    /** The floor's broker, or the nodes of a cluster, walked in turn on every (re)connect. */
    private final ReconnectPlan plan;
    private final Map<Integer, Promise<Void>> awaitingAck = new HashMap<>();
    private final SubscriptionCheck check;
    /** Either gateway's probes, heard on this gateway's subscriptions too: not seats' messages. */
    private final java.util.Set<String> anyGatewaysProbes;
    private final java.util.Set<String> mendedByRollCall;
    /** Per subscription that has one, its QoS 0 tap. */
    private final Map<String, String> tapOf;
    /** Subscribed at QoS 0 on every connect, never probed: the seats' commands, for a pair's gateway. */
    private final List<String> partnersAsks;
    /** The subscriptions tapped on this connection, each with when it was granted (NOT_GRANTED before). */
    private final Map<String, Long> tapped = new HashMap<>();
    private final String summaryTopic;
    private final String floorProbeTopic;
    /** How long a SUBSCRIBE may go unanswered before the connection is made again. */
    private final long subscribeAnswerMs;
    private MqttClient client;
    /** Whether the current connection's subscriptions were granted (and so may be probed). */
    private boolean subscribed;
    /** The filters of the subscribe in flight: all of them on a connect, the stalled ones when made again. */
    private List<String> subscribing = List.of();
    /** The SUBSCRIBE in flight: {@link #subscribing} with their taps, or what of them the broker refused. */
    private SubscribeRequest asked = new SubscribeRequest(Map.of());
    /** Whether the {@link Listener} hears {@code subscribed()} once the subscribe in flight is granted. */
    private boolean tellListener;
    /** Whether the subscribe in flight is a connect's: once granted, every subscription is probed at once. */
    private boolean afterConnect;
    private long checkTimer = -1;
    /** When the consumers were last asked after, by {@link FloorClock}; whether that check is still out. */
    private long consumersAskedAt = -CONSUMER_CHECK_MS;
    private boolean askingConsumers;
    /** The watchdog of the SUBSCRIBE in flight (-1: none), called off by its SUBACK. */
    private long answerWatch = -1;
    /** When the SUBSCRIBE in flight was sent, by {@link FloorClock}. */
    private long askedAt;
    private Inbox inbox;
    private Listener listener;
    private RetainedConfigs configs;
    private ReplayAsks replayAsks;
    private RebirthAsks rebirthAsks;
    private boolean closed;

    public BrokerLink(Vertx vertx, LinkSettings settings, Codec codec, Metrics metrics, FloorClock clock,
                      ConnectGate gate, ConsumerCheck consumers) {
        this.vertx = vertx;
        this.gate = gate;
        this.consumers = consumers;
        this.settings = settings;
        this.codec = codec;
        this.metrics = metrics;
        this.clock = clock;
        // a floor's two gateways start on different nodes: one node's death leaves the floor a live link
        this.plan = new ReconnectPlan(BrokerList.turnedFor(BrokerList.parse(settings.brokerUrl()),
                ClientId.prefix(settings.site(), settings.floor()), ClientId.pairIndex(settings.instance())));
        this.check = new SubscriptionCheck(settings.subscriptions(), PROBE_QUIET_MS, SubscriptionCheck.ANSWER_MS);
        this.anyGatewaysProbes = settings.probesOfAnyGateway();
        this.mendedByRollCall = settings.mendedByRollCall();
        this.tapOf = settings.taps();
        this.partnersAsks = settings.partnersAsks();
        this.summaryTopic = Topic.floor(settings.site(), settings.floor(), Topic.Kind.SUMMARY).toString();
        this.floorProbeTopic = Topic.floor(settings.site(), settings.floor(), Topic.Kind.GATEWAY_PROBE).toString();
        this.subscribeAnswerMs = BrokerSession.subscribeAnswerMs(settings.keepAliveSeconds());
    }

    /** Connects in the background (call on the event loop that is to run the link) and keeps reconnecting. */
    public void start(Inbox inbox, Listener listener, RetainedConfigs retainedConfigs, ReplayAsks replays,
                      RebirthAsks rebirths) {
        this.inbox = inbox;
        this.listener = listener;
        this.configs = retainedConfigs;
        this.replayAsks = replays;
        this.rebirthAsks = rebirths;
        connect();
        checkTimer = vertx.setPeriodic(1_000, id -> checkSubscriptions());
    }

    /**
     * Probes quiet subscriptions, asks whether their consumers live; makes one again when its probe did not come back
     * or the cluster says its consumer is gone. On the link's loop.
     */
    private void checkSubscriptions() {
        MqttClient current = client;
        if (!subscribed || current == null || !current.isConnected()) {
            return;
        }
        long now = clock.millis();
        for (String probe : check.probesDue(now)) {
            probe(probe, now);
        }
        List<String> stalled = check.stalled(now);
        if (!stalled.isEmpty()) {
            makeAgain(current, stalled, "deliver nothing (a probe did not come back in " + SubscriptionCheck.ANSWER_MS
                    + " ms, or " + SubscriptionCheck.DELIVERED_MS + " ms after the broker stored it; on a cluster, the "
                    + "node holding them may have died)");
            return;
        }
        untapDelivering(current);
        if (consumers != ConsumerCheck.NONE && !askingConsumers && now - consumersAskedAt >= CONSUMER_CHECK_MS) {
            askConsumers(current, now);
        }
    }

    /** Asks whether the granted subscriptions' consumers live; makes again those the cluster says are gone. */
    private void askConsumers(MqttClient current, long now) {
        List<String> refused = check.refusedFilters();
        List<String> granted = check.filters().stream().filter(filter -> !refused.contains(filter)).toList();
        askingConsumers = true;
        consumersAskedAt = now;
        consumers.gone(granted).onComplete(answer -> {
            askingConsumers = false;
            List<String> gone = answer.succeeded() ? answer.result() : List.of();
            // a reconnect or another making-again meanwhile: that connection's subscriptions are asked after anew
            if (!gone.isEmpty() && subscribed && current == client && current.isConnected()) {
                makeAgain(current, gone, "lost their consumers (asked every " + CONSUMER_CHECK_MS + " ms, the cluster "
                        + "said it has them no more, or did not answer for them while it did for the gateway's others: "
                        + "their node died)");
            }
        });
    }

    /** Unsubscribes and subscribes again to subscriptions that deliver nothing, saying why. */
    private void makeAgain(MqttClient current, List<String> stalled, String why) {
        metrics.subscriptionsStalled(stalled.size());
        boolean rollCall = stalled.stream().anyMatch(mendedByRollCall::contains);
        Logger.warn("subscription(s) {} {}: subscribing to them again{}", stalled, why,
                rollCall ? ", tapped at QoS 0 until they deliver, then a roll call" : "");
        subscribed = false;
        current.unsubscribe(stalled).onComplete(sent -> subscribe(current, stalled, rollCall));
    }

    /** Unsubscribes the taps of subscriptions whose consumer handed over a message since it was granted. */
    private void untapDelivering(MqttClient current) {
        List<String> delivering = tapped.entrySet().stream()
                .filter(tap -> check.deliveredSince(tap.getKey(), tap.getValue())).map(Map.Entry::getKey).toList();
        if (!delivering.isEmpty()) {
            delivering.forEach(tapped::remove);
            current.unsubscribe(delivering.stream().map(tapOf::get).toList());
            Logger.debug("{} deliver(s) again: their QoS 0 taps unsubscribed", delivering);
        }
    }

    private MqttClientOptions options() {
        MqttClientOptions options = new MqttClientOptions().setClientId(settings.clientId()).setCleanSession(false)
                .setKeepAliveInterval(settings.keepAliveSeconds()).setAutoKeepAlive(true)
                .setMaxInflightQueue(MAX_IN_FLIGHT)
                .setAckTimeout(ACK_TIMEOUT_S).setMaxMessageSize(MAX_MESSAGE_BYTES)
                .setWillFlag(true).setWillTopic(settings.statusTopic().toString()).setWillQoS(BrokerSession.QOS)
                .setWillRetain(true).setWillMessageBytes(Buffer.buffer(
                        codec.encode(GatewayStatus.offline(settings.gatewayId(), clock.millis()))));
        options.setAutoAck(false);
        options.setConnectTimeout((int) subscribeAnswerMs); // ConnectWithin's bound
        return settings.login(options, plan.tls());
    }

    private void connect() {
        if (!closed) {
            gate.opened().onComplete(open -> connectNow());
        }
    }

    private void connectNow() {
        if (closed) {
            return;
        }
        URI broker = plan.current();
        MqttClient attempt = MqttClient.create(vertx, options());
        attempt.publishHandler(message -> received(attempt, message))
                .publishCompletionHandler(this::acknowledged)
                .publishCompletionExpirationHandler(id -> failAck(id, "not acknowledged within " + ACK_TIMEOUT_S + " s"))
                .closeHandler(v -> lost(attempt))
                .exceptionHandler(e -> Logger.debug("broker link: {}", e.toString()));
        // a broker that never accepts would keep the floor unheard: given as long as a SUBACK
        ConnectWithin.connect(vertx, attempt, broker, subscribeAnswerMs)
                .onSuccess(ack -> connected(attempt, broker))
                .onFailure(failure -> retry(broker, failure));
    }

    private void connected(MqttClient connected, URI broker) {
        if (closed) {
            connected.disconnect();
            return;
        }
        client = connected;
        Logger.info("{} to {} as {}", plan.everConnected() ? "reconnected" : "connected", broker, settings.clientId());
        plan.connected();
        metrics.brokerConnected();
        connected.subscribeCompletionHandler(granted -> {
            vertx.cancelTimer(answerWatch);
            long took = clock.millis() - askedAt;
            if (took >= SLOW_SUBACK_MS) {
                // a NATS node reads nothing more from this connection until it answers: what was sent waits
                Logger.info("the broker took {} ms to answer the subscribe of {}", took, asked.topics().keySet());
            }
            SubscribeRequest refused = asked.refused(granted.grantedQoSLevels());
            if (!refused.isEmpty()) {
                // an ACL that refuses, or a cluster that cannot make a consumer yet: ask again for those alone
                Logger.error("broker refused floor subscription(s) {}: the gateway's ACL, or a cluster still electing "
                        + "or missing a node; asking again in {} ms", refused.topics().keySet(), RESUBSCRIBE_MS);
                vertx.setTimer(RESUBSCRIBE_MS, id -> ask(connected, refused));
                return;
            }
            long now = clock.millis();
            if (afterConnect) {
                check.connected(now); // the restored session may hold a dead consumer's config
                afterConnect = false;
            } else {
                check.subscribed(subscribing, now);
            }
            subscribing.stream().filter(tapped::containsKey).forEach(filter -> tapped.put(filter, now));
            subscribed = true;
            if (tellListener) {
                listener.subscribed();
            }
        });
        check.subscribed(clock.millis());
        afterConnect = true;
        subscribe(connected, check.filters(), true);
    }

    private void subscribe(MqttClient connected, List<String> filters, boolean thenTellListener) {
        if (connected != client || !connected.isConnected()) {
            return;
        }
        subscribing = filters;
        tellListener = thenTellListener;
        Map<String, Integer> topics = new LinkedHashMap<>();
        // the taps first: a broker takes a SUBSCRIBE's filters in order, and NATS may take seconds over a consumer
        List<String> taps = filters.stream().filter(tapOf::containsKey).toList();
        taps.forEach(filter -> topics.put(tapOf.get(filter), 0));
        filters.forEach(filter -> topics.put(filter, BrokerSession.QOS));
        if (afterConnect) {
            partnersAsks.forEach(filter -> topics.put(filter, 0));
        }
        metrics.subscriptionsTapped((int) taps.stream().filter(filter -> !tapped.containsKey(filter)).count());
        taps.forEach(filter -> tapped.put(filter, NOT_GRANTED));
        ask(connected, new SubscribeRequest(topics));
    }

    /** Sends one SUBSCRIBE of those {@link #subscribing}: all of them, or those the broker refused last time. */
    private void ask(MqttClient connected, SubscribeRequest request) {
        if (connected != client || !connected.isConnected()) {
            return;
        }
        asked = request;
        askedAt = clock.millis();
        vertx.cancelTimer(answerWatch);
        answerWatch = vertx.setTimer(subscribeAnswerMs, id -> unanswered(connected, request));
        connected.subscribe(request.topics()).onFailure(e -> Logger.error("cannot subscribe: {}", e.getMessage()));
    }

    /**
     * The broker has not answered a SUBSCRIBE: the connection is dropped and made again, as after a loss. Until the
     * SUBACK the floor's subscriptions are neither probed nor made again, so without this a stuck broker would keep
     * the gateway deaf until the connection broke.
     */
    private void unanswered(MqttClient connected, SubscribeRequest request) {
        if (connected != client || asked != request || !connected.isConnected()) {
            return;
        }
        Logger.warn("the broker has not answered the floor's subscriptions {} within {} ms: connecting again",
                request.topics().keySet(), subscribeAnswerMs);
        connected.disconnect(); // its close handler reconnects
    }

    /** A seat's event, for the replay asks waiting to see whether the seat answers them (decoded only then). */
    private void seatAnswering(String topic, MqttPublishMessage message) {
        int seatEnd = topic.length() - EVENT_LEVEL.length();
        String seat = topic.substring(topic.lastIndexOf('/', seatEnd - 1) + 1, seatEnd);
        if (replayAsks.awaitsSeat(seat) && codec.decode(topic, message.payload().getBytes())
                instanceof Decoded.Accepted accepted && accepted.message() instanceof SeatEvent event) {
            replayAsks.heard(seat, event.seq());
        }
    }

    private void received(MqttClient on, MqttPublishMessage message) {
        String topic = message.topicName();
        check.received(topic, message.qosLevel().value(), message.isRetain(), clock.millis());
        if (anyGatewaysProbes.contains(topic) || topic.equals(summaryTopic)) {
            message.ack(); // a probe, or the summary this floor's primary publishes: nothing to take in
            if (topic.equals(floorProbeTopic) && codec.decode(topic, message.payload().getBytes())
                    instanceof Decoded.Accepted accepted && accepted.message() instanceof Probe probe
                    && probe.by().equals(settings.clientId())) {
                listener.probeCameBack(probe.ts());
            }
            return;
        }
        if (topic.endsWith(CMD_LEVEL)) { // a gateway's ask of a seat (QoS 0): replays and rebirths are of use here
            if (codec.decode(topic, message.payload().getBytes()) instanceof Decoded.Accepted accepted) {
                if (accepted.message() instanceof Command.Replay replay) {
                    replayAsks.asked(accepted.topic().seat(), replay);
                } else if (accepted.message() instanceof Command.Rebirth rebirth) {
                    rebirthAsks.asked(accepted.topic().seat(), rebirth);
                }
            }
            return;
        }
        boolean lease = topic.equals(settings.statusTopic().toString());
        if (!lease && !topic.endsWith(CONFIG_LEVEL)) {
            if (topic.endsWith(EVENT_LEVEL)) {
                seatAnswering(topic, message);
            }
            inbox.received(new Received(on, message)); // seat data: acknowledged once stored
            return;
        }
        message.ack();
        if (message.payload().length() == 0) {
            return; // a retained config or lease cleared
        }
        Decoded decoded = codec.decode(topic, message.payload().getBytes());
        if (decoded instanceof Decoded.Accepted accepted && accepted.message() instanceof GatewayStatus status) {
            listener.heard(status);
        } else if (decoded instanceof Decoded.Accepted accepted && accepted.message() instanceof SeatConfig config) {
            configs.retained(accepted.topic().seat(), config);
        } else {
            Logger.warn("ignored a malformed message on {}", Ids.printable(topic, 120));
        }
    }

    private void retry(URI broker, Throwable failure) {
        if (closed) {
            return;
        }
        long delay = plan.afterFailure();
        Logger.warn("cannot connect to {}: {}; trying {} in {} ms", broker, failure.getMessage(), plan.current(), delay);
        vertx.setTimer(Math.max(1, delay), id -> connect());
    }

    private void lost(MqttClient which) {
        if (which != client) {
            return;
        }
        client = null;
        subscribed = false;
        tapped.clear(); // the session may keep them: tapped again on the connect, untapped once delivering
        List.copyOf(awaitingAck.keySet()).forEach(id -> failAck(id, "the broker link dropped"));
        listener.lost();
        if (closed) {
            return;
        }
        URI was = plan.current();
        long delay = plan.afterLoss();
        Logger.warn("lost the broker {}; reconnecting to {} in {} ms", was, plan.current(), delay);
        vertx.setTimer(Math.max(1, delay), id -> connect());
    }

    @Override
    public boolean isSubscribed() {
        return subscribed && isConnected();
    }

    @Override
    public String broker() {
        return plan.current().toString();
    }

    @Override
    public boolean isConnected() {
        return client != null && client.isConnected();
    }

    /** A probe through the floor's topics (the lease's check that the other gateway is silent, not late). */
    @Override
    public void probeFloorTopics() {
        probe(floorProbeTopic, clock.millis());
    }

    @Override
    public Future<Void> probeAcknowledged(long timeoutMs) {
        return publishAcknowledged(floorProbeTopic, probePayload(clock.millis()), false)
                .timeout(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /**
     * A probe names this gateway and when it left ({@code now}, by {@link FloorClock}): it reads its own back. Its
     * PUBACK tells the check it is stored, so a live consumer hands it over soon.
     */
    private void probe(String topic, long now) {
        publishAcknowledged(topic, probePayload(now), false)
                .onSuccess(stored -> check.acknowledged(topic, now, clock.millis()));
    }

    private byte[] probePayload(long now) {
        return codec.encode(new Probe(settings.clientId(), now));
    }

    /** A QoS 1 publish; fails (and logs) at once while the link is down. */
    @Override
    public Future<Integer> publish(String topic, byte[] payload, boolean retained) {
        MqttClient current = client;
        if (current == null || !current.isConnected()) {
            Logger.warn("cannot publish to {}: the broker link is down", topic);
            return Future.failedFuture("the broker link is down");
        }
        try {
            return current.publish(topic, Buffer.buffer(payload), MqttQoS.AT_LEAST_ONCE, false, retained);
        } catch (RuntimeException e) { // the in-flight window is full
            Logger.warn("cannot publish to {}: {}", topic, e.getMessage());
            return Future.failedFuture(e);
        }
    }

    /** A QoS 0 publish (what is asked again until answered); dropped with a debug line while the link is down. */
    @Override
    public void publishAtMostOnce(String topic, byte[] payload) {
        MqttClient current = client;
        if (current == null || !current.isConnected()) {
            Logger.debug("not asking on {}: the broker link is down", topic);
            return;
        }
        try {
            current.publish(topic, Buffer.buffer(payload), MqttQoS.AT_MOST_ONCE, false, false);
        } catch (RuntimeException e) {
            Logger.warn("cannot publish to {}: {}", topic, e.getMessage());
        }
    }

    /** A publish that completes once the broker acknowledged it (PUBACK). */
    @Override
    public Future<Void> publishAcknowledged(String topic, byte[] payload, boolean retained) {
        return publish(topic, payload, retained).compose(id -> {
            Promise<Void> acked = Promise.promise();
            awaitingAck.put(id, acked);
            return acked.future();
        });
    }

    private void acknowledged(int packetId) {
        Promise<Void> acked = awaitingAck.remove(packetId);
        if (acked != null) {
            acked.complete();
        }
    }

    private void failAck(int packetId, String why) {
        Promise<Void> acked = awaitingAck.remove(packetId);
        if (acked != null) {
            acked.fail(why);
        }
    }

    /** Stops reconnecting and disconnects (the lease keeper said goodbye on the gateway topic before). */
    public Future<Void> close() {
        closed = true;
        vertx.cancelTimer(checkTimer);
        vertx.cancelTimer(answerWatch);
        MqttClient current = client;
        if (current == null || !current.isConnected()) {
            return Future.succeededFuture();
        }
        return current.disconnect().recover(e -> {
            Logger.warn("clean disconnect from broker failed: {}", e.getMessage());
            return Future.succeededFuture();
        });
    }

    /** A message as delivered on one connection; acknowledged on that connection only. */
    private final class Received implements Delivery {
        private final MqttClient on;
        private final MqttPublishMessage message;

        Received(MqttClient on, MqttPublishMessage message) {
            this.on = on;
            this.message = message;
        }

        @Override
        public String topic() {
            return message.topicName();
        }

        @Override
        public byte[] payload() {
            return message.payload().getBytes();
        }

        @Override
        public boolean retained() {
            return message.isRetain();
        }

        @Override
        public void acknowledge() {
            // a message of a dropped connection is sent again by the broker; it is stored once and acked then
            if (on == client && on.isConnected()) {
                message.ack();
            }
        }
    }
}
