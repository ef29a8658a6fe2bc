package dev.seatlink.link;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a client's subscriptions still deliver. On a NATS cluster each QoS 1 subscription is a JetStream consumer
 * kept on one node; when that node dies for good the subscription delivers nothing, while the client itself may be
 * connected to another node and see nothing wrong. So each subscription that has been quiet for {@code quietMs} gets
 * a probe, a message to a topic it matches; one whose probe has not come back within {@code answerMs} is stalled and
 * the client subscribes to it again (NATS then makes a new consumer on a live node). Any live QoS 1 message through
 * a subscription counts as its answer ({@link #received}). What the client publishes itself to a topic a probed
 * subscription matches comes back the same way ({@link #published}): it counts as a probe too, so a busy client
 * finds a stalled subscription within {@code answerMs} of its next publish instead of after {@code quietMs} of quiet.
 *
 * <p>Two things make a dead consumer show sooner. A probe the broker acknowledged ({@link #acknowledged}) is stored:
 * a live consumer hands it over within moments, so one not back {@value #DELIVERED_MS} ms after its PUBACK has
 * stalled — however long the store itself took on a degraded cluster. And a client that (re)connects with its
 * persistent session gets back its subscriptions' consumer configs, not the consumers: NATS does not make again one
 * that died with its node, and neither does a SUBSCRIBE to the same filter. So after a connect ({@link #connected})
 * every subscription is probed at once instead of after {@code quietMs}.
 *
 * <p>On a saturated cluster every probe is late, and each false alarm costs a resubscribe, a roll call and replays
 * that load it further. So a late probe counts as a stall only when a witness shows this client's deliveries flow: a
 * probe of another subscription, sent no earlier, came back. Without one it waits {@value #NO_WITNESS_FACTOR} times as
 * long (all subscriptions may have died with one node). A client with one probed subscription has no witness to ask
 * and waits {@code answerMs}.
 *
 * <p>A subscription the broker refused in its SUBACK ({@link #refused}) is not in place: it is neither probed nor
 * found stalled — a stall would subscribe everything again, defeating the client's slower asks for the refused
 * filter alone on a cluster that cannot make consumers yet — until it is granted ({@link #subscribed}).
 * Pure: the time is passed in; one thread at a time.
 */
public final class SubscriptionCheck {
    /** How long a probe may take: long enough for a busy or degraded cluster, since each false alarm costs a replay. */
    public static final long ANSWER_MS = 15_000;

    /** How many times {@code answerMs} a late probe waits for a witness before it counts as a stall anyway. */
    public static final int NO_WITNESS_FACTOR = 4;

    /**
     * How long a live consumer may take to hand over a message the broker has acknowledged (stored): a follower
     * node applying the store on a busy cluster, not the store itself.
     */
    public static final long DELIVERED_MS = 5_000;

    private final Map<String, Filter> filters = new LinkedHashMap<>();
    private final long quietMs;
    private final long answerMs;
    private final boolean witnessed;
    private long stalls;
    /** When the latest probe that came back was sent: later ones that did not, on other subscriptions, have stalled. */
    private long witnessSentAt = Long.MIN_VALUE;

    /** One subscription: its filter, what it last delivered, and the probe out for it (0 for none). */
    private static final class Filter {
        final String filter;
        final String probeTopic;
        long heardAt;
        long probedAt;
        /** When the broker acknowledged the probe out (or a later publish to a topic it matches); 0 for not yet. */
        long ackedAt;
        /** When it last handed over a live QoS 1 message: its consumer delivered then. */
        long deliveredAt = Long.MIN_VALUE;
        /** The broker refused it in its last SUBACK: not in place, so not probed. */
        boolean refused;

        Filter(String filter, String probeTopic) {
            this.filter = filter;
            this.probeTopic = probeTopic;
        }

        /** Counts as heard at {@code now}, no probe out. */
        void settle(long now) {
            heardAt = now;
            probedAt = 0;
            ackedAt = 0;
        }

        /** Whether a probe may go out for it now. */
        boolean probeable() {
            return probeTopic != null && probedAt == 0 && !refused;
        }
    }

    /**
     * @param probeTopics per subscription filter, the topic its probe goes to; a filter without one (null) is never
     *                    probed, only subscribed again with the others
     */
    public SubscriptionCheck(Map<String, String> probeTopics, long quietMs, long answerMs) {
        if (quietMs <= 0 || answerMs <= 0) {
            throw new IllegalArgumentException("quietMs and answerMs must be positive");
        }
        probeTopics.forEach((filter, probe) -> {
            if (probe != null && !TopicFilter.matches(filter, probe)) {
                throw new IllegalArgumentException("the probe topic " + probe + " does not match " + filter);
            }
            filters.put(filter, new Filter(filter, probe));
        });
        this.quietMs = quietMs;
        this.answerMs = answerMs;
        this.witnessed = filters.values().stream().filter(filter -> filter.probeTopic != null).count() > 1;
    }

    /** Every filter, as the client subscribes them. */
    public List<String> filters() {
        return List.copyOf(filters.keySet());
    }

    /** The subscriptions are (again) in place: each counts as heard now, no probe out. */
    public void subscribed(long now) {
        subscribed(filters.keySet(), now);
        witnessSentAt = Long.MIN_VALUE;
    }

    /**
     * The client (re)connected with its session and its subscriptions are granted: each may be a dead consumer's
     * config (see above), so each is due for a probe now.
     */
    public void connected(long now) {
        subscribed(now);
        for (Filter filter : filters.values()) {
            filter.heardAt = now - quietMs;
        }
    }

    /** These subscriptions (stalled or refused ones made again) are in place: each heard now, no probe out. */
    public void subscribed(java.util.Collection<String> made, long now) {
        for (String again : made) {
            Filter filter = filters.get(again);
            if (filter != null) {
                filter.settle(now);
                filter.refused = false;
            }
        }
    }

    /** The broker refused these in its SUBACK: not in place until {@link #subscribed} says they are again. */
    public void refused(java.util.Collection<String> refused) {
        for (String filter : refused) {
            Filter known = filters.get(filter);
            if (known != null) {
                known.refused = true;
                known.probedAt = 0;
                known.ackedAt = 0;
            }
        }
    }

    /** The filters the broker refused and has not granted since, in subscription order. */
    public List<String> refusedFilters() {
        return filters.values().stream().filter(filter -> filter.refused).map(filter -> filter.filter).toList();
    }

    /** A message arrived on {@code topic} through a consumer: every subscription it matches delivers. */
    private void heard(String topic, long now) {
        for (Filter filter : filters.values()) {
            if (TopicFilter.matches(filter.filter, topic)) {
                if (filter.probedAt != 0) {
                    witnessSentAt = Math.max(witnessSentAt, filter.probedAt);
                }
                filter.settle(now);
                filter.deliveredAt = now;
            }
        }
    }

    /**
     * A message arrived on {@code topic} at {@code qos}. A live QoS 1 one came through the subscription's consumer
     * ({@link #heard}). Others NATS hands over the connection's core subscription, not the consumer, so they say
     * nothing of whether the subscription delivers: a QoS 0 one (a gateway asks its replays and rebirths that way, to
     * reach a seat whose consumer died with a node; a gateway's QoS 0 tap of its own subscription), and a retained one
     * sent because a subscription was made. Each is a reason to look: every probed subscription it matches with no
     * probe out is due for one now.
     */
    public void received(String topic, int qos, boolean retained, long now) {
        if (qos == 0 || retained) {
            nudged(topic, now);
        } else {
            heard(topic, now);
        }
    }

    /** Whether {@code filter}'s consumer handed over a message at or after {@code since}. */
    public boolean deliveredSince(String filter, long since) {
        Filter known = filters.get(filter);
        return known != null && known.deliveredAt >= since;
    }

    private void nudged(String topic, long now) {
        for (Filter filter : filters.values()) {
            if (filter.probeable() && TopicFilter.matches(filter.filter, topic)) {
                filter.heardAt = Math.min(filter.heardAt, now - quietMs);
            }
        }
    }

    /**
     * The broker acknowledged this client's publish to {@code topic}, sent at {@code sentAt}: when it was the probe out
     * for a subscription, or sent after it (a client's publishes are stored in order), that probe is stored and a
     * live consumer hands it over within {@value #DELIVERED_MS} ms.
     */
    public void acknowledged(String topic, long sentAt, long now) {
        for (Filter filter : filters.values()) {
            if (filter.probedAt != 0 && filter.ackedAt == 0 && sentAt >= filter.probedAt
                    && TopicFilter.matches(filter.filter, topic)) {
                filter.ackedAt = now;
            }
        }
    }

    /**
     * This client published to {@code topic}: each probed subscription that matches it, with no probe out, will
     * hear it back — a probe sent now. (Called before the publish leaves, so its copy cannot come back first.)
     */
    public void published(String topic, long now) {
        for (Filter filter : filters.values()) {
            if (filter.probeable() && TopicFilter.matches(filter.filter, topic)) {
                filter.probedAt = now;
            }
        }
    }

    /** Whether {@code topic} is one of this client's probe topics (to be dropped once heard). */
    public boolean isProbe(String topic) {
        return filters.values().stream().anyMatch(filter -> topic.equals(filter.probeTopic));
    }

    /** The probe topics to publish to now: subscriptions quiet for {@code quietMs} with no probe out. */
    public List<String> probesDue(long now) {
        List<String> due = new ArrayList<>();
        for (Filter filter : filters.values()) {
            if (filter.probeable() && now - filter.heardAt >= quietMs) {
                filter.probedAt = now;
                due.add(filter.probeTopic);
            }
        }
        return due;
    }

    /**
     * The subscriptions whose probe has not come back within {@code answerMs} of its sending, or {@value #DELIVERED_MS}
     * ms of its acknowledgement, while a witness's did (see above), or within {@value #NO_WITNESS_FACTOR} times that.
     * Each is reported once a probe: if subscribing again does not cure it, its next probe finds it again.
     */
    public List<String> stalled(long now) {
        List<String> stalled = new ArrayList<>();
        for (Filter filter : filters.values()) {
            if (filter.probedAt == 0) {
                continue;
            }
            long late = now - filter.probedAt;
            long undelivered = filter.ackedAt == 0 ? 0 : now - filter.ackedAt;
            boolean witness = !witnessed || witnessSentAt >= filter.probedAt;
            boolean overdue = late >= answerMs || undelivered >= DELIVERED_MS;
            boolean longOverdue = late >= NO_WITNESS_FACTOR * answerMs
                    || undelivered >= NO_WITNESS_FACTOR * DELIVERED_MS;
            if ((overdue && witness) || longOverdue) {
                stalled.add(filter.filter);
                filter.settle(now);
            }
        }
        stalls += stalled.size();
        return stalled;
    }

    /** Stalled subscriptions found since start. */
    public long stalls() {
        return stalls;
    }
}
