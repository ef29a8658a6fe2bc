package dev.seatlink.simulator;

import dev.seatlink.link.BrokerList;
import dev.seatlink.link.BrokerSession;
import dev.seatlink.link.ConnectWithin;
import dev.seatlink.link.SubscriptionCheck;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.CallEvent;
import dev.seatlink.protocol.CallEventType;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.ClientId;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.Command;
import dev.seatlink.protocol.CommandResult;
import dev.seatlink.protocol.Decoded;
import dev.seatlink.protocol.Ids;
import dev.seatlink.protocol.Message;
import dev.seatlink.protocol.Probe;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.SeatState;
import dev.seatlink.protocol.SeatStatus;
import dev.seatlink.protocol.Topic;
import dev.seatlink.terminal.uplink.Backoff;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A floor of simulated seats, each its own MQTT connection (fixed client id, persistent session, QoS 1, Last
 * Will = offline status, as a terminal: a command sent while the seat is between nodes waits for it), publishing {@code status}, {@code state} and {@code event} exactly as protocol v1 says, with a
 * per-seat {@code seq}, and answering the gateway's {@code rebirth} and {@code replay} from memory as a
 * terminal does from its journal (on a cluster, replay is how a gateway fills what a dying node lost), and putting
 * right its own Last Will when the broker delivers it after the seat was back (a rebirth's answer is not retained).
 * Seats spread over a list of brokers (seat i's own node is node i mod n) and connect as a terminal does: each connect
 * starts at the seat's own node and walks on to the next when that fails. Each seat subscribes to its own topics
 * ({@code …/{seat}/+}) and probes that subscription when it has been quiet for {@code linkCheckMs} and at once
 * after each connect (each of its own publishes, which come back through it, counts as a probe too), subscribing
 * again when the probe does not come back, as a terminal does ({@link SubscriptionCheck}). Built on Vert.x's
 * event-loop MQTT client so 10,000 seats fit one JVM on two cores.
 */
public final class FloorSimulator implements AutoCloseable {
    /**
     * Seats connecting at once while the floor comes up; the next starts only when one is connected. A window of 200
     * started regardless of whether the last had come up had a cluster's 2,500 seats all retrying at once: every
     * connect is a session load, a session store, a consumer and two retained stores, each refused after 4 s.
     */
    static final int CONNECT_WINDOW = 50;
    private static final int KEEPALIVE_S = 30;

    /** How long a seat following its calls stays in wrap-up before its agent presses Ready. */
    static final long WRAP_UP_MS = 500;

    private static final String CMD_LEVEL = "/" + Topic.Kind.CMD.level();
    private static final String CALL_LEVEL = "/" + Topic.Kind.CALL.level();
    private static final String STATUS_LEVEL = "/" + Topic.Kind.STATUS.level();
    /** For the events nobody times: the simulator's own answers to calls, and most benches' steps. */
    private static final PublishWatch UNWATCHED = (seat, seq) -> { };

    /**
     * @param brokers   one broker URL or a cluster's comma-separated list ({@link BrokerList})
     * @param seats     how many seats: {@code s-00001} … (agents {@code a00001} …)
     * @param firstSeq  the first event's seq (above any earlier run's, since seq never goes back)
     * @param login     per seat, the broker username and password, or null for an anonymous broker
     * @param tlsCaFile PEM CA to trust for {@code ssl://} brokers, or null for the JVM's default CAs
     * @param linkCheckMs a seat's subscription quiet this long gets a probe (a terminal's {@code linkCheckSeconds})
     * @param acceptMs  how long a node that took a seat's connection has to accept it before the seat drops it and
     *                  tries the next node
     */
    public record Settings(String brokers, String site, String floor, int seats, long firstSeq, SeatLogin login,
                           Path tlsCaFile, long linkCheckMs, long acceptMs) {
        /** The most seats on one simulated floor: a floor's site config, and the scale bench's floor. */
        public static final int MAX_SEATS = 10_000;

        /** Refuses what would make no floor (no seats, an id no topic takes, a seq no gateway takes) with why. */
        public Settings {
            if (seats < 1 || seats > MAX_SEATS) {
                throw new IllegalArgumentException("seats must be 1-" + MAX_SEATS + " (was " + seats + ")");
            }
            for (String id : new String[] {site, floor}) {
                if (id == null || !Ids.isValid(id)) {
                    throw new IllegalArgumentException("a site or floor id is [a-z0-9][a-z0-9-]{0,31}, not '"
                            + Ids.printable(String.valueOf(id)) + "'");
                }
            }
            if (firstSeq < 1 || firstSeq > SeatEvent.MAX_SEQ / 2) {
                throw new IllegalArgumentException("the first seq must be 1-" + SeatEvent.MAX_SEQ / 2 + " (was "
                        + firstSeq + ")");
            }
        }

        /** A terminal's default: a quiet subscription is probed after a minute. */
        public static final long LINK_CHECK_MS = 60_000;
        /** Three of the seats' keepalives, as a gateway waits for an answer. */
        public static final long ACCEPT_MS = BrokerSession.subscribeAnswerMs(KEEPALIVE_S);

        /** Seats with their login and CA, and the defaults otherwise. */
        public Settings(String brokers, String site, String floor, int seats, long firstSeq, SeatLogin login,
                        Path tlsCaFile) {
            this(brokers, site, floor, seats, firstSeq, login, tlsCaFile, LINK_CHECK_MS, ACCEPT_MS);
        }

        /** Anonymous seats on plain-text brokers, as the benches run them. */
        public static Settings plain(String brokers, String site, String floor, int seats, long firstSeq) {
            return new Settings(brokers, site, floor, seats, firstSeq, null, null);
        }

        /** The same seats probing a quiet subscription after {@code ms}. */
        public Settings checkingLinksEvery(long ms) {
            return new Settings(brokers, site, floor, seats, firstSeq, login, tlsCaFile, ms, acceptMs);
        }

        /** The same seats giving a node {@code ms} to accept their connection. */
        public Settings acceptedWithin(long ms) {
            return new Settings(brokers, site, floor, seats, firstSeq, login, tlsCaFile, linkCheckMs, ms);
        }
    }

    /** Hears each phone event a seat receives, with the time it arrived ({@link System#nanoTime()}). */
    public interface CallHeard {
        void heard(String seat, CallEvent event, long nanos);
    }

    /** A seat's broker login: its username and password. */
    public interface SeatLogin {
        String[] of(String seat);
    }

    private final Vertx vertx;
    private final Settings settings;
    /** Set before {@link #connectAll}: the seats follow their phone events, as a terminal does. */
    private CallHeard calls;
    /** Set before {@link #connectAll}: told what each seat does on its link. */
    private SeatTrace trace = SeatTrace.OFF;
    private final List<URI> brokers;
    private final Codec codec = new Codec();
    private final List<SimulatedSeat> seats = new ArrayList<>();
    /** Per seat, its client; null until {@link #connectAll} has made it. Guarded by itself. */
    private final List<MqttClient> clients = new ArrayList<>();
    private final SplittableRandom random = new SplittableRandom(42);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    /** Per seat, its events on their way and those it remembers for {@code replay}. */
    private final List<SeatJournal> journals = new ArrayList<>();
    /** Per seat, the index in {@link #brokers} of the node it uses (or tries) now. */
    private final int[] node;
    private final AtomicLong replayed = new AtomicLong();
    private final AtomicLong rebirths = new AtomicLong();
    private final AtomicLong willsRepaired = new AtomicLong();
    /** Seats that died (with their broker node, in a test): they neither publish nor come back. */
    private final java.util.Set<Integer> dead = ConcurrentHashMap.newKeySet();
    /** Per seat, its subscription's check; each guarded by itself (the seat's client and the check timer share it). */
    private final List<SubscriptionCheck> checks = new ArrayList<>();
    private final AtomicLong stalls = new AtomicLong();
    /** Seats with a reconnect under way: one at a time, whatever closes while it tries. */
    private final java.util.Set<Integer> reconnecting = ConcurrentHashMap.newKeySet();
    /** Per seat, its reconnect delays (each used by the seat's own client context only). */
    private final List<Backoff> backoffs = new ArrayList<>();
    /** Per seat, its waits between asks for a subscription the broker refused (the seat's client context only). */
    private final List<Backoff> refusedBackoffs = new ArrayList<>();
    /** Seats with an ask for a refused subscription due: one at a time, however many SUBACKs refuse meanwhile. */
    private final java.util.Set<Integer> refusedAskDue = ConcurrentHashMap.newKeySet();
    private final Outages outages;
    /** Per seat, completed when it is first connected (however many nodes it tried): {@link #connectAll}'s pace. */
    private final List<Promise<Void>> firstConnected = new ArrayList<>();
    private final AtomicInteger nextToConnect = new AtomicInteger();
    private long checkTimer = -1;
    private volatile boolean closing;
    private int next;

    public FloorSimulator(Vertx vertx, Settings settings) {
        this.vertx = vertx;
        this.settings = settings;
        this.brokers = BrokerList.parse(settings.brokers());
        this.node = new int[settings.seats()];
        this.outages = new Outages(settings.seats());
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 1; i <= settings.seats(); i++) {
            seats.add(new SimulatedSeat(seatId(i), String.format("a%05d", i), run + "-" + i, settings.firstSeq() - 1));
            journals.add(new SeatJournal());
            backoffs.add(Backoff.withJitter());
            refusedBackoffs.add(Backoff.withJitter());
            firstConnected.add(Promise.promise());
            clients.add(null);
            ownNode(i - 1);
            checks.add(new SubscriptionCheck(Map.of(Topic.oneSeat(settings.site(), settings.floor(), seatId(i)),
                    Topic.seat(settings.site(), settings.floor(), seatId(i), Topic.Kind.PROBE).toString()),
                    settings.linkCheckMs(), SubscriptionCheck.ANSWER_MS));
        }
    }

    public static String seatId(int i) {
        return String.format("s-%05d", i);
    }

    /**
     * The seats follow their {@code call} topics as a terminal does (answered → BUSY, ended →
     * WRAP_UP, and Ready pressed {@code wrapUpMs} later), each one reported to {@code heard}. Call before
     * {@link #connectAll}; the seats then make no moves of their own.
     */
    public void followCalls(CallHeard heard) {
        this.calls = heard;
    }

    /** Each seat tells {@code trace} what it does on its link ({@link SeatTrace}). Call before {@link #connectAll}. */
    public void traceTo(SeatTrace trace) {
        this.trace = trace;
    }

    private void note(int index, String what) {
        trace.note(seats.get(index).seat, what);
    }

    /**
     * Connects every seat, {@link #CONNECT_WINDOW} at a time, and publishes its online status and state; completes
     * when every seat has been connected.
     */
    public Future<Void> connectAll() {
        for (int i = 0; i < CONNECT_WINDOW; i++) {
            connectNext();
        }
        if (checkTimer < 0) {
            checkTimer = vertx.setPeriodic(1_000, id -> checkSubscriptions());
        }
        return Future.all(firstConnected.stream().map(Promise::future).toList()).mapEmpty();
    }

    /**
     * {@link #connectAll}, waiting for it: fails saying how many seats came up if not all have within
     * {@code within} (a cluster that cannot take this many sessions, a dead broker).
     */
    public void connectAllWithin(Duration within) throws InterruptedException {
        try {
            connectAll().toCompletionStage().toCompletableFuture().get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException(String.format("floor %s: %,d of %,d seats connected after %d s",
                    settings.floor(), connected(), seats.size(), within.toSeconds()), e);
        }
    }

    private void connectNext() {
        int index = nextToConnect.getAndIncrement();
        if (index < seats.size()) {
            connect(index);
            firstConnected.get(index).future().onComplete(r -> connectNext());
        }
    }

    /** Probes each live seat's quiet subscription; subscribes a seat again whose probe did not come back. */
    private void checkSubscriptions() {
        long now = monotonicMillis();
        for (int i = 0; i < seats.size(); i++) {
            MqttClient client = clientOf(i);
            if (client == null || !client.isConnected() || dead.contains(i)) {
                continue;
            }
            SubscriptionCheck check = checks.get(i);
            List<String> due;
            List<String> stalled;
            synchronized (check) {
                due = check.probesDue(now);
                stalled = check.stalled(now);
            }
            SimulatedSeat seat = seats.get(i);
            if (!due.isEmpty()) {
                publish(i, client, topic(seat, Topic.Kind.PROBE), new Probe(ClientId.seat(settings.site(),
                        settings.floor(), seat.seat), System.currentTimeMillis()), false);
            }
            if (!stalled.isEmpty()) {
                stalls.incrementAndGet();
                note(i, "subscription stalled (its probe did not come back): subscribing again");
                int index = i;
                client.unsubscribe(check.filters()).compose(ack -> subscribeAndGreet(index, client));
            }
        }
    }

    /** Subscribed again after its subscription stalled, the seat announces itself as on a connect. */
    private Future<Integer> subscribeAndGreet(int index, MqttClient client) {
        return subscribe(index, client).compose(ack -> greet(index, client));
    }

    /**
     * As a terminal does after a refused SUBACK (a cluster still electing, or missing a node): one ask due at a time,
     * after a growing jittered wait ({@link Backoff}), for the seat's topics alone. A fixed short wait, and a chain
     * of asks per refusal, had thousands of seats asking a degraded cluster for consumers every second or two.
     */
    private void askAgainLater(int index, MqttClient client) {
        if (!refusedAskDue.add(index)) {
            return;
        }
        long delay = refusedBackoffs.get(index).nextDelayMs(monotonicMillis());
        note(index, "asking again for its refused subscription in " + delay + " ms");
        vertx.setTimer(1 + delay, id -> {
            refusedAskDue.remove(index);
            if (!closing && client.isConnected() && !dead.contains(index)) {
                subscribe(index, client).onFailure(e -> askAgainLater(index, client));
            } // else not connected: its next connect subscribes anew
        });
    }

    private Future<Integer> subscribe(int index, MqttClient client) {
        SubscriptionCheck check = checks.get(index);
        note(index, "subscribing");
        return client.subscribe(Topic.oneSeat(settings.site(), settings.floor(), seats.get(index).seat), 1)
                .onSuccess(ack -> {
                    synchronized (check) {
                        check.subscribed(monotonicMillis());
                    }
                });
    }

    private static long monotonicMillis() {
        return System.nanoTime() / 1_000_000;
    }

    private void connect(int index) {
        SimulatedSeat seat = seats.get(index);
        Topic status = topic(seat, Topic.Kind.STATUS);
        MqttClientOptions options = new MqttClientOptions()
                .setClientId(ClientId.seat(settings.site(), settings.floor(), seat.seat))
                .setCleanSession(false).setKeepAliveInterval(KEEPALIVE_S).setAutoKeepAlive(true)
                .setMaxInflightQueue(1000)
                .setWillFlag(true).setWillTopic(status.toString()).setWillQoS(1).setWillRetain(true)
                .setWillMessageBytes(Buffer.buffer(codec.encode(new SeatStatus(false, seat.boot, null,
                        System.currentTimeMillis()))));
        options.setConnectTimeout((int) settings.acceptMs()); // ConnectWithin's bound
        if (settings.login() != null) {
            String[] login = settings.login().of(seat.seat);
            options.setUsername(login[0]).setPassword(login[1]);
        }
        if (brokers.get(0).getScheme().equals("ssl")) {
            options.setSsl(true).setHostnameVerificationAlgorithm("HTTPS");
            if (settings.tlsCaFile() != null) {
                options.setTrustOptions(new PemTrustOptions().addCertPath(settings.tlsCaFile().toString()));
            }
        }
        MqttClient client = MqttClient.create(vertx, options);
        client.publishCompletionHandler(id -> {
            acked.incrementAndGet();
            SeatJournal.Sent sent = journals.get(index).acknowledged(id);
            if (sent != null) { // else acknowledged before the publish's own future said its packet id
                acknowledged(index, sent);
            }
        });
        client.subscribeCompletionHandler(suback -> {
            note(index, suback.grantedQoSLevels().contains(0x80) ? "subscription refused" : "subscription granted");
            if (suback.grantedQoSLevels().contains(0x80)) {
                SubscriptionCheck check = checks.get(index);
                synchronized (check) {
                    check.refused(check.filters()); // not probed while refused, as a terminal's
                }
                askAgainLater(index, client);
            } else {
                refusedBackoffs.get(index).reset();
            }
        });
        client.publishHandler(message -> {
            SubscriptionCheck check = checks.get(index);
            synchronized (check) {
                check.received(message.topicName(), message.qosLevel().value(), message.isRetain(),
                        monotonicMillis());
            }
            String topic = message.topicName();
            if (topic.endsWith(CMD_LEVEL) || topic.endsWith(CALL_LEVEL) || topic.endsWith(STATUS_LEVEL)) {
                answer(index, client, topic, message.payload().getBytes()); // its status: a Will may come late
            } // else what the seat published itself, back through its one subscription
        });
        client.closeHandler(v -> {
            note(index, "connection closed");
            outages.lost(index, System.nanoTime());
            if (reconnecting.add(index)) { // else the close of an attempt of the reconnect under way
                // Back to its own node first, as a terminal (Paho walks its list from the first on every connect): a
                // node that closed the seat and lives on (a store that timed out) still holds its session, and NATS
                // 2.9 refuses the seat there, once it has saved that session on another node ("wrong last sequence").
                ownNode(index);
                reconnectLater(index, 0);
            }
        });
        synchronized (clients) {
            clients.set(index, client);
        }
        announce(index, client).onSuccess(id -> firstConnected.get(index).tryComplete()).onFailure(e -> {
            failed.incrementAndGet();
            if (reconnecting.add(index)) {
                nextNode(index);
                reconnectLater(index, 1);
            }
        });
    }

    /**
     * Connects to the seat's current node, subscribes to its topics, then publishes status and state,
     * then what waited and what was never acknowledged.
     */
    private Future<?> announce(int index, MqttClient client) {
        URI broker;
        synchronized (node) {
            broker = brokers.get(node[index]);
        }
        // a node that takes the connection and never accepts it would keep the seat away for good, as a terminal's
        // connect timeout does not
        note(index, "connecting to " + broker);
        return ConnectWithin.connect(vertx, client, broker, settings.acceptMs())
                .onComplete(done -> note(index, done.succeeded() ? "connected to " + broker
                        : "could not connect to " + broker + ": " + done.cause().getMessage()))
                // packet ids start over with the connection: before its first publish, or the PUBACKs of its status
                // and state would find nothing to settle and the seat's check would not learn they were stored
                .map(ack -> journals.get(index).reconnected())
                .compose(unacknowledged -> subscribe(index, client)
                        .onSuccess(ack -> {
                            SubscriptionCheck check = checks.get(index);
                            synchronized (check) {
                                check.connected(monotonicMillis());
                            }
                        })
                        .compose(ack -> greet(index, client))
                        .onSuccess(id -> unacknowledged.forEach(event -> publishEvent(index, client, event))));
    }

    /** Status then state, as a terminal does on connect. */
    private Future<Integer> greet(int index, MqttClient client) {
        return greet(index, client, null);
    }

    /**
     * Status then state, as a terminal does on connect (retained) and, naming the command {@code rebirthId}, on
     * rebirth (not retained: the terminal's {@code announce}).
     */
    private Future<Integer> greet(int index, MqttClient client, String rebirthId) {
        SimulatedSeat seat = seats.get(index);
        boolean connecting = rebirthId == null;
        return publishOnline(index, client, rebirthId, connecting)
                .compose(id -> publish(index, client, topic(seat, Topic.Kind.STATE), snapshot(seat), connecting));
    }

    /** The seat's online status, naming the rebirth it answers (or null). */
    private Future<Integer> publishOnline(int index, MqttClient client, String rebirthId, boolean retained) {
        SimulatedSeat seat = seats.get(index);
        return publish(index, client, topic(seat, Topic.Kind.STATUS),
                SeatStatus.online(seat.boot, "sim", System.currentTimeMillis()).answering(rebirthId), retained);
    }

    private void nextNode(int index) {
        synchronized (node) {
            node[index] = (node[index] + 1) % brokers.size();
        }
    }

    private void ownNode(int index) {
        synchronized (node) {
            node[index] = index % brokers.size();
        }
    }

    /**
     * A command for the seat: {@code rebirth} and {@code replay} are answered; the others only acknowledged. Its own
     * offline status (its Will, come after it was back) is answered with an online one, retained.
     */
    private void answer(int index, MqttClient client, String topic, byte[] payload) {
        long rx = System.nanoTime();
        if (!(codec.decode(topic, payload) instanceof Decoded.Accepted accepted)) {
            return;
        }
        if (accepted.message() instanceof CallEvent call) {
            if (calls != null) {
                followCall(index, call, rx);
            }
            return;
        }
        if (accepted.message() instanceof SeatStatus said && !said.online()
                && said.boot().equals(seats.get(index).boot)) {
            // its own Last Will, come after it reconnected (a cluster's): put right, as a terminal does
            willsRepaired.incrementAndGet();
            publishOnline(index, client, null, true);
            return;
        }
        if (!(accepted.message() instanceof Command command)) {
            return;
        }
        CommandResult result = CommandResult.success(command.id());
        if (command instanceof Command.Rebirth) {
            note(index, "asked for a rebirth");
            rebirths.incrementAndGet();
            greet(index, client, command.id());
        } else if (command instanceof Command.Replay replay) {
            SeatJournal journal = journals.get(index);
            note(index, "asked to replay seq " + replay.from() + ".." + (replay.to() == null ? "" : replay.to()));
            journal.remembered(replay.from(), replay.last()).forEach(event -> {
                replayed.incrementAndGet();
                publishEvent(index, client, event);
            });
            Long kept = journal.oldestRemembered();
            if (kept != null && replay.from() < kept) {
                result = CommandResult.failure(command.id(), "events before seq " + kept + " are no longer kept here");
            }
        }
        publish(index, client, topic(seats.get(index), Topic.Kind.CMD_RESULT), result, false);
    }

    /** As a terminal: answered → BUSY, ended → WRAP_UP, then Ready pressed a moment later. */
    private void followCall(int index, CallEvent call, long rx) {
        SimulatedSeat seat = seats.get(index);
        calls.heard(seat.seat, call, rx);
        if (call.type() == CallEventType.CALL_ANSWERED && seat.state != AgentState.BUSY) {
            AgentState from = seat.state;
            seat.phone(AgentState.BUSY);
            send(index, from, UNWATCHED);
        } else if (call.type() == CallEventType.CALL_ENDED && seat.state == AgentState.BUSY) {
            seat.phone(AgentState.WRAP_UP);
            send(index, AgentState.BUSY, UNWATCHED);
            vertx.setTimer(WRAP_UP_MS, id -> {
                if (seat.state == AgentState.WRAP_UP) {
                    seat.phone(AgentState.READY);
                    send(index, AgentState.WRAP_UP, UNWATCHED);
                }
            });
        }
    }

    /** Full jitter, as the terminal does ({@link Backoff}: up to half the outage so far, 1 s to 60 s). */
    private void reconnectLater(int index, int attempt) {
        if (closing || dead.contains(index)) {
            return;
        }
        // As a terminal's link does (Paho walks every node in one connect): the next node at once, and the jittered
        // backoff only after a whole round of nodes failed.
        long delay = attempt % brokers.size() != 0 ? 0 : backoffs.get(index).nextDelayMs(monotonicMillis());
        if (delay > 0) {
            note(index, "every node failed: the next round in " + delay + " ms");
        }
        vertx.setTimer(1 + delay, id -> {
            if (closing) {
                return; // set before close(): a connect now would race Vert.x's own shutdown
            }
            MqttClient client;
            synchronized (clients) {
                client = clients.get(index);
            }
            announce(index, client).onComplete(done -> {
                // Not connected now: it failed, or the connection closed while the attempt was finishing — and that
                // close, finding this reconnect under way, left the reconnecting to it.
                if (!client.isConnected()) {
                    nextNode(index);
                    reconnectLater(index, attempt + 1);
                    return;
                }
                firstConnected.get(index).tryComplete();
                if (done.succeeded()) {
                    reconnects.incrementAndGet();
                    backoffs.get(index).reset();
                    outages.back(index, System.nanoTime());
                } // else connected, then its subscribe or greeting failed: its check mends that
                reconnecting.remove(index);
            });
        });
    }

    private void publishEvent(int index, MqttClient client, SeatEvent event) {
        Topic topic = Topic.seat(settings.site(), settings.floor(), event.seat(), Topic.Kind.EVENT);
        publish(index, client, topic, event, false, event.seq());
    }

    private SeatState snapshot(SimulatedSeat seat) {
        return new SeatState(seat.seat, seat.agent, seat.state, seat.reason, seat.help, System.currentTimeMillis(),
                Math.max(0, seat.seq), seat.boot);
    }

    private Topic topic(SimulatedSeat seat, Topic.Kind kind) {
        return Topic.seat(settings.site(), settings.floor(), seat.seat, kind);
    }

    private Future<Integer> publish(int index, MqttClient client, Topic topic, Message message, boolean retain) {
        return publish(index, client, topic, message, retain, 0);
    }

    /**
     * A QoS 1 publish whose PUBACK is matched to it by packet id: {@code seq} is the event's, or 0 for other
     * messages (an event leaves its {@link SeatJournal} only on its own PUBACK).
     */
    private Future<Integer> publish(int index, MqttClient client, Topic topic, Message message, boolean retain,
                                    long seq) {
        Future<Integer> sending;
        SubscriptionCheck check = checks.get(index);
        SeatJournal.Sent sent = new SeatJournal.Sent(topic.toString(), seq, monotonicMillis());
        synchronized (check) {
            check.published(sent.topic(), sent.at()); // its copy comes back: a probe for free
        }
        if (trace != SeatTrace.OFF) {
            note(index, "publishing " + what(sent));
        }
        try {
            sending = client.publish(topic.toString(), Buffer.buffer(codec.encode(topic, message)),
                    MqttQoS.AT_LEAST_ONCE, false, retain);
        } catch (RuntimeException closedMeanwhile) {
            // the connection closed on its event loop between isConnected() and here (step runs on the caller's
            // thread): an event stays unacknowledged and is sent again after the reconnect
            return Future.failedFuture(closedMeanwhile);
        }
        return sending.onSuccess(id -> {
            if (journals.get(index).sentAs(id, sent) != null) {
                acknowledged(index, sent);
            }
        });
    }

    /** The broker acknowledged a publish (its journal settled it): a probe is stored, and its check learns. */
    private void acknowledged(int index, SeatJournal.Sent sent) {
        SubscriptionCheck check = checks.get(index);
        long now = monotonicMillis();
        synchronized (check) {
            check.acknowledged(sent.topic(), sent.at(), now);
        }
        if (trace != SeatTrace.OFF) {
            note(index, "acknowledged: " + what(sent) + ", " + (now - sent.at()) + " ms after it was sent");
        }
    }

    /** "event 53", or the kind of what else was sent ("status", "probe"). */
    private static String what(SeatJournal.Sent sent) {
        String kind = sent.topic().substring(sent.topic().lastIndexOf('/') + 1);
        return sent.seq() > 0 ? kind + " " + sent.seq() : kind;
    }

    /** Told of each event just before it is published, so that a bench can time its way to a page or a store. */
    public interface PublishWatch {
        void publishing(String seat, long seq);
    }

    /** One transition on the next seat (round robin, so every seat moves at rate / seats). Call from one thread. */
    public void step() {
        step(UNWATCHED);
    }

    /** {@link #step()}, telling {@code watch} of the event it publishes. */
    public void step(PublishWatch watch) {
        int i = next;
        next = (next + 1) % seats.size();
        if (dead.contains(i)) {
            return;
        }
        send(i, seats.get(i).advance(random), watch);
    }

    /**
     * The seat dies: it publishes nothing more and, once its connection drops (its broker node killed with it),
     * does not come back. Its Last Will is the broker's to send, or to lose with the node.
     */
    public void die(String seat) {
        dead.add(indexOf(seat));
    }

    /** The broker node a seat is on (or trying next), as its URL. */
    public String nodeOf(String seat) {
        int index = indexOf(seat);
        synchronized (node) {
            return brokers.get(node[index]).toString();
        }
    }

    /**
     * The seat's agent raises ({@code up}) or lowers a hand: one event, from its state to the same state. Call
     * from the thread that calls {@link #step}.
     */
    public void hand(String seat, boolean up) {
        hand(seat, up, UNWATCHED);
    }

    /** {@link #hand(String, boolean)}, telling {@code watch} of the event it publishes. */
    public void hand(String seat, boolean up, PublishWatch watch) {
        int i = indexOf(seat);
        SimulatedSeat simulated = seats.get(i);
        AgentState from = simulated.state;
        simulated.hand(up);
        send(i, from, watch);
    }

    private void send(int i, AgentState from, PublishWatch watch) {
        SimulatedSeat seat = seats.get(i);
        MqttClient client = clientOf(i);
        SeatEvent event = new SeatEvent(seat.seat, seat.agent, from, seat.state, seat.reason, seat.help,
                System.currentTimeMillis(), seat.seq, seat.boot, Cause.BUTTON);
        watch.publishing(seat.seat, seat.seq);
        sent.incrementAndGet();
        journals.get(i).made(event);
        if (client != null && client.isConnected()) {
            publishEvent(i, client, event);
        }
    }

    private int indexOf(String seat) {
        for (int i = 0; i < seats.size(); i++) {
            if (seats.get(i).seat.equals(seat)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no simulated seat " + seat);
    }

    /** Events republished because a gateway asked for a {@code replay}. */
    public long replayed() {
        return replayed.get();
    }

    /** The seats' own Last Wills heard after they were back, each answered with an online status retained. */
    public long willsRepaired() {
        return willsRepaired.get();
    }

    /** {@code rebirth} commands answered. */
    public long rebirths() {
        return rebirths.get();
    }

    /** How often seats came back after losing their connection. */
    public long reconnects() {
        return reconnects.get();
    }

    /** Times a seat's subscription was found stalled (its probe did not come back) and made again. */
    public long stalls() {
        return stalls.get();
    }

    /** The seats' connection losses and how long they took to come back since the last call, then starts over. */
    public Outages.Summary takeOutages() {
        return outages.take();
    }

    /** Events of one seat not acknowledged by the broker (a dead seat's last ones died with it). */
    public int unacknowledged(String seat) {
        return journals.get(indexOf(seat)).unacknowledged();
    }

    /** The seat's link, for a failed test's message: connected to which node, or reconnecting, or neither. */
    public String link(String seat) {
        int index = indexOf(seat);
        MqttClient client = clientOf(index);
        if (client != null && client.isConnected()) {
            return "connected to " + nodeOf(seat);
        }
        return (reconnecting.contains(index) ? "reconnecting to " + nodeOf(seat) : "disconnected, not reconnecting")
                + (dead.contains(index) ? " (dead)" : "");
    }

    /** The seat's client, or null while {@link #connectAll} has not made it yet. */
    private MqttClient clientOf(int index) {
        synchronized (clients) {
            return clients.get(index);
        }
    }

    /** Events made but not yet acknowledged by the broker, over all seats. */
    public long unacknowledged() {
        return journals.stream().mapToLong(SeatJournal::unacknowledged).sum();
    }

    public int connected() {
        synchronized (clients) {
            return (int) clients.stream().filter(c -> c != null && c.isConnected()).count();
        }
    }

    public long sent() {
        return sent.get();
    }

    /** Publishes the broker acknowledged (PUBACK), status and state included. */
    public long acknowledged() {
        return acked.get();
    }

    public long failed() {
        return failed.get();
    }

    public int size() {
        return seats.size();
    }

    /** Each seat's last event seq so far (its events are firstSeq..this), by seat id. */
    public Map<String, Long> lastSeqs() {
        Map<String, Long> last = new java.util.LinkedHashMap<>();
        seats.forEach(seat -> last.put(seat.seat, seat.seq));
        return last;
    }

    /** The last seq each run used ends below this: the next run starts here. */
    public long nextSeq() {
        return seats.stream().mapToLong(s -> s.seq).max().orElse(settings.firstSeq()) + 1;
    }

    /** Publishes each seat's offline status (as a terminal's shutdown does) and disconnects. */
    @Override
    public void close() {
        closing = true;
        vertx.cancelTimer(checkTimer);
        List<Future<?>> goodbyes = new ArrayList<>();
        synchronized (clients) {
            for (int i = 0; i < clients.size(); i++) {
                MqttClient client = clients.get(i);
                if (client != null && client.isConnected()) {
                    SimulatedSeat seat = seats.get(i);
                    goodbyes.add(publish(i, client, topic(seat, Topic.Kind.STATUS), new SeatStatus(false, seat.boot, null,
                            System.currentTimeMillis()), true).compose(id -> client.disconnect()));
                }
            }
        }
        Future.join(goodbyes).toCompletionStage().toCompletableFuture().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS)
                .exceptionally(e -> null).join();
    }
}
