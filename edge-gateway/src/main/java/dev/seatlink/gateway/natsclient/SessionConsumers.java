package dev.seatlink.gateway.natsclient;

import dev.seatlink.gateway.brokerlink.ConsumerCheck;
import dev.seatlink.gateway.jetstream.NatsSubjects;
import dev.seatlink.gateway.jetstream.SessionHash;
import io.nats.client.Connection;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tinylog.Logger;

/**
 * Asks the cluster, through the gateway's NATS client, whether the consumers of its broker link's MQTT session still
 * live. NATS 2.9 keeps each QoS 1 subscription's consumer on one node ({@code consumer_replicas: 1}); one whose node
 * was killed delivers nothing and nothing makes it again, and the subscription's probe finds that only once the probe
 * is stored and {@link dev.seatlink.link.SubscriptionCheck#DELIVERED_MS} more have passed: in {@code bench center}
 * runs 238–246 the gateways found theirs 6–19 s after the node's kill, the events behind them waiting as long.
 *
 * <p>The session's record in {@code $MQTT_sess} names each subscription's consumer (the record last read while
 * that stream elects a leader). A consumer is gone when the cluster says it is offline or unknown, or when its leader
 * does not answer while another of the session's consumers' does: nats-server 2.9 takes a node killed by {@code -9}
 * for offline only after 150 s without its heartbeats, and until then no one answers for the consumers it led. Gone
 * in {@value #ROUNDS} checks in a row, its subscription is made again.
 */
public final class SessionConsumers implements ConsumerCheck {
    /** Checks in a row a consumer must be gone in: one slow answer from a busy node is not a death. */
    static final int ROUNDS = 2;
    private static final String SESSIONS = "$JS.API.STREAM.MSG.GET.$MQTT_sess";
    private static final String CONSUMER_INFO = "$JS.API.CONSUMER.INFO.$MQTT_msgs.";

    private final Vertx vertx;
    private final NatsClient client;
    /** The request for the session's latest record. */
    private final byte[] recordAsk;
    /** Per consumer, in how many checks in a row it was gone; only those gone in the last check. */
    private Map<String, Integer> goneRounds = new HashMap<>();
    /** The consumers the session's record named when last read: its stream may be electing a leader now. */
    private Map<String, String> lastRead = Map.of();
    private boolean saidRefused;

    /** @param clientId the broker link's MQTT client id, whose session is checked */
    public SessionConsumers(Vertx vertx, NatsClient client, String clientId) {
        this.vertx = vertx;
        this.client = client;
        this.recordAsk = ("{\"last_by_subj\":\"$MQTT.sess." + SessionHash.of(clientId) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** What a gateway's login at the cluster must be allowed to publish for the check to be answered. */
    public static List<String> subjectsToPublish() {
        return List.of(SESSIONS, CONSUMER_INFO + "*");
    }

    @Override
    public Future<List<String>> gone(List<String> filters) {
        Connection live = client.live();
        // the record is asked first each time; a login without that grant (an older SeatLink's) has neither
        if (live == null || client.refusedToPublish(SESSIONS)) {
            if (live != null && !saidRefused) {
                saidRefused = true;
                Logger.warn("not asking the cluster whether the link's consumers live: the gateway's NATS login may "
                        + "not publish on {} (regenerate the floor's logins: tools/seatlink credentials); the probes "
                        + "alone find a dead one", SESSIONS);
            }
            return Future.succeededFuture(List.of());
        }
        Context context = vertx.getOrCreateContext();
        return ask(live, context, SESSIONS, recordAsk).compose(record -> {
            // unread, the record last read: a subscription made again since has a new consumer, and its old one is
            // unknown to the cluster, so that answer then says nothing
            Optional<Map<String, String>> read = record == null ? Optional.empty()
                    : JetStreamAnswers.sessionConsumers(record);
            boolean fresh = read.isPresent();
            Map<String, String> consumers = read.orElse(lastRead);
            lastRead = consumers;
            Map<String, List<String>> consumersOf = new LinkedHashMap<>();
            for (String filter : filters) {
                consumersOf.put(filter, subjectsOf(filter).stream().map(consumers::get).filter(Objects::nonNull)
                        .toList());
            }
            List<String> asked = consumersOf.values().stream().flatMap(List::stream).distinct().toList();
            List<Future<JetStreamAnswers.Consumer>> answers = asked.stream()
                    .map(consumer -> ask(live, context, CONSUMER_INFO + consumer, null)
                            .map(answer -> answer == null ? null : JetStreamAnswers.consumer(answer, fresh)))
                    .toList();
            // each answer succeeds (null: none in time), so all of them complete the round
            return Future.all(answers).map(all -> judge(consumersOf, asked,
                    answers.stream().map(Future::result).toList()));
        });
    }

    /** The filters with a consumer gone in {@value #ROUNDS} checks in a row, this one's answers counted. */
    private List<String> judge(Map<String, List<String>> consumersOf, List<String> asked,
                               List<JetStreamAnswers.Consumer> said) {
        boolean witness = said.contains(JetStreamAnswers.Consumer.LIVE);
        Map<String, Integer> now = new HashMap<>();
        for (int i = 0; i < asked.size(); i++) {
            JetStreamAnswers.Consumer answer = said.get(i);
            if (answer == JetStreamAnswers.Consumer.GONE || answer == null && witness) {
                now.put(asked.get(i), goneRounds.getOrDefault(asked.get(i), 0) + 1);
            }
        }
        goneRounds = now;
        return consumersOf.entrySet().stream()
                .filter(filter -> filter.getValue().stream().anyMatch(consumer -> now.get(consumer) != null
                        && now.get(consumer) >= ROUNDS))
                .map(Map.Entry::getKey).toList();
    }

    /** The subjects NATS subscribes a filter on: {@code a/#} is {@code a.>} and {@code a} itself. */
    static List<String> subjectsOf(String filter) {
        String subject = NatsSubjects.of(filter);
        return subject.endsWith(".>") ? List.of(subject, subject.substring(0, subject.length() - 2))
                : List.of(subject);
    }

    /** One request: its answer on {@code context}, or null when none came within {@link NatsClient#ASK_WITHIN}. */
    private static Future<byte[]> ask(Connection live, Context context, String subject, byte[] body) {
        return NatsClient.ask(live, context, subject, body).otherwise((byte[]) null);
    }
}
