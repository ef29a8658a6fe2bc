package dev.seatlink.gateway.natsclient;

import dev.seatlink.gateway.brokerlink.ConnectGate;
import dev.seatlink.gateway.floor.FloorClock;
import io.nats.client.Connection;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.tinylog.Logger;

/**
 * Holds the broker link's (re)connect to a cluster until its nodes can take the link's session, asking them through
 * the gateway's NATS client. A NATS node answers an MQTT CONNECT only once it has read the session from the
 * {@code $MQTT_sess} stream and written it back, each a JetStream request to that stream's leader with a 4-s timeout
 * (nats-server 2.9 {@code mqttProcessConnect}); then it restores the session's subscriptions, consumers that
 * JetStream's meta leader makes on {@code $MQTT_msgs}, and the gateway's retained publishes go to
 * {@code $MQTT_rmsgs}. A connect sent while the leader that died is still taken for alive, or while its successor is
 * elected, fails only after those 4 s, and the next is sent to a node that waits as long: {@code bench center} run
 * 184's gateways were back 8.6 s after their node's kill, 1.5 s after {@code $MQTT_sess} had a new leader. Asked every
 * {@value #ASK_AGAIN_MS} ms, the nodes say when there is one.
 */
public final class MqttStoreGate implements ConnectGate {
    /** The MQTT streams whose leaders a session needs: sessions, messages, retained messages. */
    private static final List<String> STREAMS = List.of("$MQTT_sess", "$MQTT_msgs", "$MQTT_rmsgs");
    private static final String STREAM_INFO = "$JS.API.STREAM.INFO.";
    /** The questions, the meta leader's first: each its subject and how its answer is read. */
    private static final List<Question> QUESTIONS = Stream.concat(
            Stream.of(new Question("$JS.API.INFO", JetStreamAnswers::metaLeader)),
            STREAMS.stream().map(stream -> new Question(STREAM_INFO + stream,
                    answer -> JetStreamAnswers.streamLeader(answer, stream)))).toList();
    private static final List<String> SUBJECTS = QUESTIONS.stream().map(Question::subject).toList();
    static final long ASK_AGAIN_MS = 250;
    /** The NATS client on no node this long, or not made yet: nothing to ask with, so connect as without a gate. */
    static final long NO_CLIENT_MS = 1_000;
    /**
     * Beyond a leader's election (4–9 s in nats-server 2.9's Raft, twice that when the first is split): a cluster that
     * cannot elect one takes no session anyway, and a connect is tried.
     */
    public static final long WAIT_AT_MOST_MS = 15_000;

    private final Vertx vertx;
    private final NatsClient client;
    private final FloorClock clock;
    private final long waitAtMostMs;

    public MqttStoreGate(Vertx vertx, NatsClient client, FloorClock clock, long waitAtMostMs) {
        this.vertx = vertx;
        this.client = client;
        this.clock = clock;
        this.waitAtMostMs = waitAtMostMs;
    }

    /** What a gateway's login at the cluster must be allowed to publish for the gate to be answered. */
    public static List<String> subjectsToPublish() {
        return SUBJECTS;
    }

    @Override
    public Future<Void> opened() {
        Wait wait = new Wait(vertx.getOrCreateContext(), clock.millis());
        wait.timer = vertx.setPeriodic(0, ASK_AGAIN_MS, id -> wait.tick());
        return wait.open.future();
    }

    /**
     * One wait: a round of questions every {@value #ASK_AGAIN_MS} ms, each answered or not within {@link
     * NatsClient#ASK_WITHIN}, so that a leader elected while a round goes unanswered is heard of by the next.
     */
    private final class Wait {
        final Promise<Void> open = Promise.promise();
        final Context context;
        final long since;
        long timer;
        /** Why the last round answered said not yet; null before one did. */
        String notYet;

        Wait(Context context, long since) {
            this.context = context;
            this.since = since;
        }

        void tick() {
            long waited = clock.millis() - since;
            Connection live = client.live();
            Optional<String> refused = SUBJECTS.stream().filter(client::refusedToPublish).findFirst();
            if (!client.made()) {
                open(null, false); // the gateway starting: its first connect as without a gate
            } else if (refused.isPresent()) {
                open("connecting without asking whether the cluster can take the session: the gateway's NATS login "
                        + "may not publish on " + refused.get() + " (regenerate the floor's logins: tools/seatlink "
                        + "credentials)", true);
            } else if (waited >= waitAtMostMs) {
                open("connecting although " + (notYet != null ? notYet : "no question was answered") + " after "
                        + waited + " ms of asking the cluster", true);
            } else if (live == null) {
                if (waited >= NO_CLIENT_MS) {
                    open("connecting without asking whether the cluster can take the session: the NATS client "
                            + client.name() + " has been on no node for " + waited + " ms", false);
                }
            } else {
                askAll(live).onSuccess(this::answered);
            }
        }

        void answered(Optional<String> why) {
            if (open.future().isComplete()) {
                return;
            }
            if (why.isEmpty()) {
                long waited = clock.millis() - since;
                open(waited >= ASK_AGAIN_MS ? "the cluster can take the session after " + waited + " ms: connecting"
                        : null, false);
            } else {
                if (notYet == null) {
                    say("waiting to connect: " + why.get(), false);
                }
                notYet = why.get();
            }
        }

        void open(String line, boolean warning) {
            vertx.cancelTimer(timer);
            if (line != null) {
                say(line, warning);
            }
            open.complete();
        }

        /** One round: why not, of the first question that says so; empty when all say go. */
        Future<Optional<String>> askAll(Connection live) {
            List<Future<Optional<String>>> answers = QUESTIONS.stream()
                    .map(question -> ask(live, context, question)).toList();
            return Future.all(answers)
                    .map(all -> all.<Optional<String>>list().stream().flatMap(Optional::stream).findFirst());
        }
    }

    /** In the gateway's log under this class's name. */
    private static void say(String line, boolean warning) {
        if (warning) {
            Logger.warn(line);
        } else {
            Logger.info(line);
        }
    }

    /** A question to the cluster: its subject, and why not from its answer (empty: go). */
    private record Question(String subject, Function<byte[], Optional<String>> read) {
    }

    /** One question: never fails, but says why not (no answer within {@link NatsClient#ASK_WITHIN} among them). */
    private static Future<Optional<String>> ask(Connection live, Context context, Question question) {
        return NatsClient.ask(live, context, question.subject(), null).map(question.read())
                .otherwise(failure -> Optional.of(failure instanceof IllegalStateException
                        ? "the NATS client cannot ask: " + failure.getMessage()
                        : "no answer on " + question.subject() + " within " + NatsClient.ASK_WITHIN.toMillis()
                        + " ms"));
    }
}
