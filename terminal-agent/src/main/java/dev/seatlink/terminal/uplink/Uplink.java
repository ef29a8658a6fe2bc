package dev.seatlink.terminal.uplink;

import dev.seatlink.link.BrokerSession;
import dev.seatlink.link.SubscriptionCheck;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.Decoded;
import dev.seatlink.protocol.Message;
import dev.seatlink.protocol.Probe;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.SeatStatus;
import dev.seatlink.protocol.Topic;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.tinylog.Logger;

/**
 * The seat's link to the broker. Fixed client id, persistent session (clean session off), QoS 1,
 * the offline {@code status} as Last Will. Connects and reconnects by itself with {@link Backoff}
 * (Paho's automatic reconnect never starts when the first connect fails, and has no jitter). One reconnect is due at
 * a time, whatever asked for it: a link lost while subscribing used to start two, and the second's refusal (a connect
 * in progress) was taken for the first's answer, so the first's CONNACK was ignored and the seat sat connected
 * without subscriptions (95 s on a NATS cluster that had just lost a node). A connect the broker has not answered
 * (CONNACK) within 1.5 × the keepalive, or subscriptions it has not answered (SUBACK) within three keepalives
 * ({@link BrokerSession#subscribeAnswerMs}), are dropped and tried again ({@link AnswerWatch}): Paho waits for ever
 * once a connection is taken, and a seat whose connection was taken but never answered waited until the connection
 * broke (seen: four seats, 93 s, after a broker restart). A filter the SUBACK refused is asked for again alone, with
 * one ask due at a time, and is not probed meanwhile: on a NATS cluster that could not make consumers for 30 s after
 * a node's death, a refused filter's probe "stalled" every 15 s and subscribed everything again, each refusal
 * starting another chain of asks (five at once seen in a test), so the seats hammered the cluster they waited for.
 *
 * <p>Two subscriptions: every topic of the seat ({@code …/{seat}/+}: its commands, config, phone events and own
 * status; what it publishes itself comes back too and is dropped) and the floor's {@code gateway}. When the first has
 * been quiet for {@code linkCheckSeconds} the seat probes it ({@code …/{seat}/probe}); a probe that does not come
 * back within {@value #PROBE_ANSWER_MS} ms means the subscription stalled (on a NATS cluster, its consumer's node
 * died for good), and the seat subscribes again and announces itself as on a connect.
 *
 * <p>Callbacks to the {@link Listener} come on Paho's threads; the listener hands them to its own.
 * Publishing never throws: while the link is down nothing is sent, and the seat sends its journal's
 * unacknowledged events on the next connect.
 */
public final class Uplink implements AutoCloseable {
    private static final int QOS = BrokerSession.QOS;
    private static final long PROBE_ANSWER_MS = SubscriptionCheck.ANSWER_MS;

    /** What the seat hears from its link. */
    public interface Listener {
        /** Connected and subscribed; publish status, state and unsent events now. */
        void onConnected();

        void onDisconnected(String why);

        /** A valid config, command, phone event, own status or gateway status arrived. */
        void onMessage(Decoded.Accepted message);

        /** The broker acknowledged (PUBACK) the event with this seq. */
        void onEventAcknowledged(long seq);
    }

    private final UplinkSettings settings;
    private final Topic statusTopic;
    private final Topic eventTopic;
    private final String[] subscriptions;
    /** What this seat subscribed to before one filter covered the seat's topics: dropped on every connect. */
    private final String[] formerSubscriptions;
    /** The seat's own publishes, which its subscription hands back: heard, then dropped. */
    private final java.util.Set<String> ownTopics;
    private final Topic probeTopic;
    /** Guarded by itself: Paho's thread hears, the scheduler probes. */
    private final SubscriptionCheck check;
    private volatile boolean subscribed;
    private final Codec codec;
    private final Listener listener;
    private final ScheduledExecutorService scheduler;
    private final Backoff backoff = Backoff.withJitter();
    /** Waits between asks for a subscription the broker refused. */
    private final Backoff refusedBackoff = Backoff.withJitter();
    private final MqttAsyncClient client;
    private final MqttConnectOptions options;
    private volatile boolean closed;
    /** The connect attempt waiting for its CONNACK. */
    private final AnswerWatch connecting;
    /** The subscriptions (with the drop before them) waiting for their SUBACK, after a connect or a stall. */
    private final AnswerWatch subscribing;
    /** A reconnect is scheduled: a lost connection and a failed subscribe both ask for one, and one must do. */
    private final AtomicBoolean reconnectDue = new AtomicBoolean();
    /** An ask for the refused filters is scheduled: every refusal wants one, and one must do. */
    private final AtomicBoolean refusedAskDue = new AtomicBoolean();

    /**
     * @param lastWill the offline status the broker publishes for this seat when its connection dies
     */
    public Uplink(UplinkSettings settings, Topic statusTopic, SeatStatus lastWill, Codec codec,
                  Listener listener, ScheduledExecutorService scheduler) {
        this.settings = settings;
        this.statusTopic = statusTopic;
        this.eventTopic = siblingTopic(Topic.Kind.EVENT);
        this.codec = codec;
        this.listener = listener;
        this.scheduler = scheduler;
        this.connecting = new AnswerWatch(scheduler);
        this.subscribing = new AnswerWatch(scheduler);
        String seatTopics = Topic.oneSeat(statusTopic.site(), statusTopic.floor(), statusTopic.seat());
        String gatewayTopic = Topic.floor(statusTopic.site(), statusTopic.floor(), Topic.Kind.GATEWAY).toString();
        this.subscriptions = new String[] {seatTopics, gatewayTopic};
        this.formerSubscriptions = java.util.stream.Stream.of(Topic.Kind.CMD, Topic.Kind.CONFIG, Topic.Kind.STATUS,
                Topic.Kind.CALL).map(kind -> siblingTopic(kind).toString()).toArray(String[]::new);
        this.probeTopic = siblingTopic(Topic.Kind.PROBE);
        this.ownTopics = java.util.stream.Stream.of(Topic.Kind.STATE, Topic.Kind.EVENT, Topic.Kind.CMD_RESULT,
                Topic.Kind.BADGE, Topic.Kind.PROBE).map(kind -> siblingTopic(kind).toString())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        java.util.Map<String, String> probes = new java.util.LinkedHashMap<>();
        probes.put(seatTopics, probeTopic.toString());
        probes.put(gatewayTopic, null); // only the primary publishes there; subscribed again with the other
        this.check = new SubscriptionCheck(probes, settings.linkCheckSeconds() * 1000L, PROBE_ANSWER_MS);
        client = BrokerSession.client(settings.brokerUrl(), settings.clientId());
        client.setCallback(new Callback());
        options = BrokerSession.options(settings.brokerUrl(), settings.clientId(), settings.username(),
                settings.password(), settings.tlsCaFile(), settings.keepAliveSeconds(), 1000, statusTopic.toString(),
                codec.encode(lastWill));
        options.setAutomaticReconnect(false); // its own first-connect retry and jittered backoff instead
        options.setConnectionTimeout(10);
    }

    private Topic siblingTopic(Topic.Kind kind) {
        return Topic.seat(statusTopic.site(), statusTopic.floor(), statusTopic.seat(), kind);
    }

    /** Starts connecting, and checking the subscriptions each second; returns at once. */
    public void start() {
        connect();
        scheduler.scheduleWithFixedDelay(this::checkSubscriptions, 1, 1, TimeUnit.SECONDS);
    }

    /** Probes a quiet subscription; subscribes again when a probe did not come back. Runs on the scheduler. */
    private void checkSubscriptions() {
        if (closed || !subscribed || !client.isConnected()) {
            return;
        }
        long now = monotonicMillis();
        List<String> due;
        List<String> stalled;
        synchronized (check) {
            due = check.probesDue(now);
            stalled = check.stalled(now);
        }
        if (!due.isEmpty()) {
            publish(probeTopic, new Probe(settings.clientId(), System.currentTimeMillis()), false);
        }
        if (!stalled.isEmpty()) {
            subscribeAgain("subscription " + stalled + " delivers nothing (its probe did not come back in "
                    + PROBE_ANSWER_MS + " ms)");
        }
    }

    /**
     * Subscribes everything again, as when a probe did not come back: for what the seat's own probe cannot see (the
     * floor's gateway topic gone quiet, {@link GatewayWatch}). Announces the seat again once subscribed.
     */
    public void resubscribe(String why) {
        runOnScheduler(() -> {
            if (!closed && subscribed && client.isConnected()) {
                subscribeAgain(why);
            }
        });
    }

    /** Runs on the scheduler. */
    private void subscribeAgain(String why) {
        Logger.warn("{}: subscribing again", why);
        subscribed = false;
        dropThenSubscribe(subscriptions, false);
    }

    private static long monotonicMillis() {
        return System.nanoTime() / 1_000_000;
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /** Publishes a message, retained or not; dropped with a debug line while the link is down. */
    public void publish(Topic topic, Message message, boolean retained) {
        send(topic, message, retained, null);
    }

    /** Publishes events in order; each PUBACK is reported to the listener. Not sent while the link is down. */
    public void publishEvents(List<SeatEvent> events) {
        for (SeatEvent event : events) {
            send(eventTopic, event, false, token -> listener.onEventAcknowledged(event.seq()));
        }
    }

    private void send(Topic topic, Message message, boolean retained, Consumer<IMqttToken> onAck) {
        if (!client.isConnected()) {
            Logger.debug("link down; not publishing {} now", topic);
            return;
        }
        long sentAt = monotonicMillis();
        synchronized (check) {
            check.published(topic.toString(), sentAt); // its copy comes back: a probe for free
        }
        try {
            client.publish(topic.toString(), codec.encode(topic, message), QOS, retained, null,
                    new IMqttActionListener() {
                        @Override
                        public void onSuccess(IMqttToken token) {
                            synchronized (check) {
                                check.acknowledged(topic.toString(), sentAt, monotonicMillis()); // stored: back soon
                            }
                            if (onAck != null) {
                                onAck.accept(token);
                            }
                        }

                        @Override
                        public void onFailure(IMqttToken token, Throwable failure) {
                            Logger.warn("publish to {} not acknowledged: {}", topic, failure.getMessage());
                        }
                    });
        } catch (MqttException e) {
            Logger.warn("cannot publish to {} (reason code {}): {}", topic, e.getReasonCode(), e.getMessage());
        }
    }

    private void connect() {
        if (closed || connecting.waiting() || client.isConnected()) {
            return; // an attempt's answer or its watchdog goes on from here; a live connection needs none
        }
        long attempt;
        try {
            attempt = connecting.sent(answerMs(), this::giveUpUnansweredConnect);
        } catch (RejectedExecutionException e) {
            Logger.debug("not connecting: the seat is stopping");
            return;
        }
        try {
            client.connect(options, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    if (!connecting.answered(attempt)) {
                        return; // given up on by the watchdog, which disconnected it
                    }
                    backoff.reset();
                    // the node it reached, not the list: a technician following a seat through a failover wants which
                    Logger.info("connected to {} as {}", client.getCurrentServerURI(), settings.clientId());
                    // Off Paho's callback thread, which must keep delivering queued messages (paho #999).
                    runOnScheduler(() -> dropThenSubscribe(formerSubscriptions, true));
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    if (connecting.answered(attempt)) {
                        retryLater("connect to " + settings.brokerUrl() + " failed: "
                                + BrokerSession.describe(failure));
                    }
                }
            });
        } catch (MqttException e) {
            if (connecting.answered(attempt)) {
                retryLater("connect to " + settings.brokerUrl() + " failed: " + BrokerSession.describe(e));
            }
        }
    }

    /** How long the broker may take to answer a connect. */
    private long answerMs() {
        return settings.keepAliveSeconds() * 1_500L;
    }

    /** The attempt's connection was taken but the broker has not answered: dropped, and the seat tries again. */
    private void giveUpUnansweredConnect() {
        dropConnection("connect to " + settings.brokerUrl() + " not answered within " + answerMs() + " ms");
    }

    /**
     * The broker took the connection but has not answered the subscriptions (or the drop before them): dropped and
     * made again, as after a lost connection. Until they are answered the seat neither probes nor resubscribes.
     */
    private void giveUpUnansweredSubscribe() {
        subscribed = false;
        listener.onDisconnected("subscriptions not answered");
        dropConnection("subscriptions not answered within "
                + BrokerSession.subscribeAnswerMs(settings.keepAliveSeconds()) + " ms");
    }

    private void dropConnection(String why) {
        if (closed) {
            return;
        }
        try {
            client.disconnectForcibly(0, 1_000, false);
        } catch (MqttException e) {
            Logger.warn("dropping the connection: {}", BrokerSession.describe(e));
        }
        retryLater(why);
    }

    /**
     * Drops {@code first} (the seat's former filters on a connect; the current ones when they stalled, so the broker
     * makes them anew), then subscribes, whether or not the broker knew what was dropped. After a connect
     * ({@code connected}) the subscriptions are probed at once: the session may hold a dead consumer's config.
     */
    private void dropThenSubscribe(String[] first, boolean connected) {
        long round;
        try {
            round = subscribing.sent(BrokerSession.subscribeAnswerMs(settings.keepAliveSeconds()),
                    this::giveUpUnansweredSubscribe);
        } catch (RejectedExecutionException e) {
            Logger.debug("not subscribing: the seat is stopping");
            return;
        }
        try {
            client.unsubscribe(first, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    runOnScheduler(() -> subscribeEverything(round, connected));
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    Logger.debug("unsubscribe before subscribing failed: {}", BrokerSession.describe(failure));
                    runOnScheduler(() -> subscribeEverything(round, connected));
                }
            });
        } catch (MqttException e) {
            Logger.debug("unsubscribe before subscribing failed: {}", BrokerSession.describe(e));
            subscribeEverything(round, connected);
        }
    }

    private void runOnScheduler(Runnable task) {
        try {
            scheduler.execute(task);
        } catch (RejectedExecutionException e) {
            Logger.debug("not subscribing: the seat is stopping");
        }
    }

    private void subscribeEverything(long round, boolean connected) {
        try {
            client.subscribe(subscriptions, new int[] {QOS, QOS}, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    if (!subscribing.answered(round)) {
                        return; // given up on: the connection was dropped, and a new one subscribes anew
                    }
                    List<String> refused = BrokerSession.refused(subscriptions, token.getGrantedQos());
                    synchronized (check) {
                        if (connected) {
                            check.connected(monotonicMillis());
                        } else {
                            check.subscribed(monotonicMillis());
                        }
                        check.refused(refused);
                    }
                    subscribed = true;
                    listener.onConnected(); // even with a filter refused: the seat's events still go out
                    if (refused.isEmpty()) {
                        refusedBackoff.reset();
                    } else {
                        askAgainLater();
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    if (subscribing.answered(round)) {
                        Logger.error("cannot subscribe: {}", BrokerSession.describe(failure));
                        dropConnection("subscription failed");
                    }
                }
            });
        } catch (MqttException e) {
            if (subscribing.answered(round)) {
                Logger.error("cannot subscribe: {}", BrokerSession.describe(e));
                dropConnection("subscription failed");
            }
        }
    }

    /**
     * Asks again, alone, for the filters the broker refused in its SUBACK, after a growing wait: an ACL refuses for
     * good, but a NATS cluster still electing, or missing a node, refuses a consumer it can make moments later. One
     * ask is due at a time; it asks for what is refused when it runs.
     */
    private void askAgainLater() {
        if (!refusedAskDue.compareAndSet(false, true)) {
            return;
        }
        long delay = refusedBackoff.nextDelayMs(monotonicMillis());
        Logger.warn("broker refused subscription(s) {} (this seat's ACL, or a cluster still electing or missing a "
                + "node); asking again in {} ms", refusedFilters(), delay);
        try {
            scheduler.schedule(() -> {
                refusedAskDue.set(false);
                subscribeRefused();
            }, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            Logger.debug("not subscribing: the seat is stopping");
        }
    }

    private List<String> refusedFilters() {
        synchronized (check) {
            return check.refusedFilters();
        }
    }

    /** Runs on the scheduler; a lost link makes every subscription again on its next connect instead. */
    private void subscribeRefused() {
        List<String> filters = refusedFilters();
        if (closed || !subscribed || !client.isConnected() || filters.isEmpty()) {
            return;
        }
        String[] asked = filters.toArray(String[]::new);
        int[] qos = new int[asked.length];
        Arrays.fill(qos, QOS);
        try {
            client.subscribe(asked, qos, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    List<String> still = BrokerSession.refused(asked, token.getGrantedQos());
                    List<String> made = filters.stream().filter(f -> !still.contains(f)).toList();
                    synchronized (check) {
                        check.subscribed(made, monotonicMillis());
                    }
                    if (still.isEmpty()) {
                        refusedBackoff.reset();
                        Logger.info("subscribed to {} after the broker had refused it", made);
                    } else {
                        askAgainLater();
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    Logger.debug("asking again for {} failed: {}", filters, BrokerSession.describe(failure));
                    askAgainLater();
                }
            });
        } catch (MqttException e) {
            Logger.debug("asking again for {} failed: {}", filters, BrokerSession.describe(e));
            askAgainLater();
        }
    }

    private void retryLater(String why) {
        if (closed) {
            return;
        }
        if (!reconnectDue.compareAndSet(false, true)) {
            Logger.debug("{}; a reconnect is already due", why);
            return;
        }
        long delay = backoff.nextDelayMs(monotonicMillis());
        Logger.warn("{}; retrying in {} ms", why, delay);
        try {
            scheduler.schedule(() -> {
                reconnectDue.set(false);
                connect();
            }, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            Logger.debug("not reconnecting: the seat is stopping");
        }
    }

    /**
     * Publishes {@code goodbye} (the offline status) and disconnects, so the floor shows the seat
     * offline at once instead of after the keepalive runs out.
     */
    public void close(SeatStatus goodbye) {
        closed = true;
        try {
            if (client.isConnected()) {
                client.publish(statusTopic.toString(), codec.encode(statusTopic, goodbye), QOS, true)
                        .waitForCompletion(2000);
                client.disconnect(2000).waitForCompletion(3000);
            }
        } catch (MqttException e) {
            Logger.warn("clean disconnect failed: {}", BrokerSession.describe(e));
        } finally {
            close();
        }
    }

    /** Closes the client without a goodbye; the broker will publish the Last Will. */
    @Override
    public void close() {
        closed = true;
        connecting.stop();
        subscribing.stop();
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 1000, false);
            }
            client.close(true);
        } catch (MqttException e) {
            Logger.debug("closing MQTT client: {}", e.getMessage());
        }
    }

    private final class Callback implements MqttCallback {
        @Override
        public void connectionLost(Throwable cause) {
            subscribed = false;
            subscribing.stop();
            listener.onDisconnected(BrokerSession.describe(cause));
            retryLater("connection lost: " + BrokerSession.describe(cause));
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            // Paho's callback thread: an exception here would drop the connection, so none escapes.
            try {
                synchronized (check) {
                    check.received(topic, message.getQos(), message.isRetained(), monotonicMillis());
                }
                if (ownTopics.contains(topic)) {
                    return; // what the seat published itself, back through its one subscription
                }
                Decoded decoded = codec.decode(topic, message.getPayload());
                if (decoded instanceof Decoded.Accepted accepted) {
                    listener.onMessage(accepted);
                } else if (decoded instanceof Decoded.Rejected rejected) {
                    Logger.warn("ignoring message on {}: {} ({})", topic, rejected.reason().label(), rejected.detail());
                }
            } catch (RuntimeException e) {
                Logger.error(e, "failed to handle a message on {}", topic);
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // acknowledgements are handled per publish by their action listeners
        }
    }
}
