package dev.seatlink.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubscriptionCheckTest {
    private static final String EVENTS = "seatlink/v1/hq/f1/+/event";
    private static final String FLOOR = "seatlink/v1/hq/f1/+";
    private static final String GATEWAY = "seatlink/v1/hq/f1/gateway";
    private static final String SEAT_TOPICS = "seatlink/v1/hq/f1/s-1/+";
    private static final String SEAT_PROBE = "seatlink/v1/hq/f1/s-1/probe";
    private final SubscriptionCheck check;

    SubscriptionCheckTest() {
        Map<String, String> probes = new LinkedHashMap<>();
        probes.put(EVENTS, "seatlink/v1/hq/f1/gateway-a/event");
        probes.put(FLOOR, "seatlink/v1/hq/f1/gateway-probe");
        probes.put(GATEWAY, null);
        check = new SubscriptionCheck(probes, 5_000, 3_000);
        check.subscribed(0);
    }

    /** A seat's one subscription as a terminal checks it: probed after a minute's quiet, answered within 15 s. */
    private static SubscriptionCheck seatCheck() {
        SubscriptionCheck seat = new SubscriptionCheck(Map.of(SEAT_TOPICS, SEAT_PROBE), 60_000, 15_000);
        seat.subscribed(0);
        return seat;
    }

    @Test
    void aRefusedSubscriptionIsNeitherProbedNorFoundStalledUntilItIsGrantedAgain() {
        SubscriptionCheck seat = seatCheck();
        seat.connected(1_000);
        assertThat(seat.probesDue(1_000)).as("probed at once after a connect").containsExactly(SEAT_PROBE);
        seat.refused(java.util.List.of(SEAT_TOPICS));

        assertThat(seat.refusedFilters()).containsExactly(SEAT_TOPICS);
        assertThat(seat.stalled(100_000)).as("the probe out when it was refused does not count").isEmpty();
        seat.published("seatlink/v1/hq/f1/s-1/event", 100_000);
        seat.received("seatlink/v1/hq/f1/s-1/cmd", 0, false, 100_000);
        assertThat(seat.probesDue(200_000)).isEmpty();
        assertThat(seat.stalled(300_000)).isEmpty();

        seat.subscribed(java.util.List.of(SEAT_TOPICS), 300_000);
        assertThat(seat.refusedFilters()).isEmpty();
        assertThat(seat.probesDue(359_999)).isEmpty();
        assertThat(seat.probesDue(360_000)).containsExactly(SEAT_PROBE);
        assertThat(seat.stalled(375_000)).containsExactly(SEAT_TOPICS);
    }

    @Test
    void aFullSubscribeGrantedPutsEveryRefusedSubscriptionBackInPlace() {
        check.refused(java.util.List.of(EVENTS, GATEWAY));
        assertThat(check.refusedFilters()).containsExactly(EVENTS, GATEWAY);
        assertThat(check.probesDue(5_000)).containsExactly("seatlink/v1/hq/f1/gateway-probe");

        check.subscribed(6_000);
        assertThat(check.refusedFilters()).isEmpty();
        assertThat(check.probesDue(11_000)).containsExactly("seatlink/v1/hq/f1/gateway-a/event",
                "seatlink/v1/hq/f1/gateway-probe");
    }

    @Test
    void aSubscriptionThatDeliversIsNeverProbed() {
        for (long t = 1_000; t <= 20_000; t += 1_000) {
            check.received("seatlink/v1/hq/f1/s-1/event", 1, false, t);
            check.received("seatlink/v1/hq/f1/summary", 1, false, t);
            assertThat(check.probesDue(t)).isEmpty();
            assertThat(check.stalled(t)).isEmpty();
        }
    }

    @Test
    void aQuietSubscriptionIsProbedOnceAndIsWellWhenItsProbeComesBack() {
        assertThat(check.probesDue(4_999)).isEmpty();
        assertThat(check.probesDue(5_000)).containsExactly("seatlink/v1/hq/f1/gateway-a/event",
                "seatlink/v1/hq/f1/gateway-probe");
        assertThat(check.probesDue(6_000)).as("one probe out at a time").isEmpty();
        check.received("seatlink/v1/hq/f1/gateway-a/event", 1, false, 6_500);
        check.received("seatlink/v1/hq/f1/gateway-probe", 1, false, 6_500);
        assertThat(check.stalled(9_000)).isEmpty();
        assertThat(check.probesDue(11_500)).hasSize(2);
    }

    @Test
    void aSubscriptionWhoseProbeDoesNotComeBackIsStalledOnceAndProbedAgainAfterwards() {
        check.probesDue(5_000);
        check.received("seatlink/v1/hq/f1/gateway-probe", 1, false, 5_100);
        assertThat(check.stalled(7_999)).isEmpty();
        assertThat(check.stalled(8_000)).containsExactly(EVENTS);
        assertThat(check.stalled(8_001)).isEmpty();
        assertThat(check.stalls()).isEqualTo(1);
        check.subscribed(8_100);
        assertThat(check.probesDue(13_100)).contains("seatlink/v1/hq/f1/gateway-a/event");
    }

    @Test
    void aStalledSubscriptionMadeAgainAloneStartsOverWhileTheOthersKeepTheirProbesOut() {
        check.probesDue(5_000);
        check.received("seatlink/v1/hq/f1/gateway-probe", 1, false, 5_100);
        assertThat(check.stalled(8_000)).containsExactly(EVENTS);
        assertThat(check.probesDue(10_100)).as("the floor's next probe").containsExactly("seatlink/v1/hq/f1/gateway-probe");

        check.subscribed(java.util.List.of(EVENTS), 10_500);

        assertThat(check.probesDue(15_499)).as("made again: quiet only since 10.5 s").isEmpty();
        assertThat(check.probesDue(15_500)).containsExactly("seatlink/v1/hq/f1/gateway-a/event");
        assertThat(check.stalled(10_100 + 4 * 3_000)).as("the floor's probe, out since 10.1 s, is still waited for")
                .containsExactly(FLOOR);
    }

    @Test
    void onASlowClusterWhereNoProbeComesBackALateOneWaitsForAWitnessBeforeItCountsAsAStall() {
        check.probesDue(5_000);
        assertThat(check.stalled(8_000)).as("nothing came back: slow, maybe not stalled").isEmpty();
        assertThat(check.stalled(5_000 + 4 * 3_000 - 1)).isEmpty();
        assertThat(check.stalled(5_000 + SubscriptionCheck.NO_WITNESS_FACTOR * 3_000))
                .as("all of them may have died with one node").containsExactly(EVENTS, FLOOR);
    }

    @Test
    void aLateProbeIsAStallOnceAProbeSentNoEarlierOnAnotherSubscriptionComesBack() {
        check.probesDue(5_000);
        assertThat(check.stalled(9_000)).isEmpty();
        check.received("seatlink/v1/hq/f1/gateway-probe", 1, false, 9_500); // slow, but this client's deliveries flow

        assertThat(check.stalled(9_500)).containsExactly(EVENTS);
    }

    @Test
    void aWitnessSentBeforeTheLateProbeDoesNotCount() {
        check.probesDue(5_000);
        check.received("seatlink/v1/hq/f1/gateway-probe", 1, false, 5_100);
        check.received("seatlink/v1/hq/f1/s-1/event", 1, false, 5_200); // events flow again: EVENTS quiet from here
        check.probesDue(10_200);

        assertThat(check.stalled(13_200)).as("the only witness was sent before this probe").isEmpty();
    }

    @Test
    void aClientWithOneProbedSubscriptionHasNoWitnessToWaitFor() {
        SubscriptionCheck seat = new SubscriptionCheck(Map.of("seatlink/v1/hq/f1/s-1/+", "seatlink/v1/hq/f1/s-1/probe"),
                5_000, 3_000);
        seat.subscribed(0);
        seat.probesDue(5_000);

        assertThat(seat.stalled(8_000)).containsExactly("seatlink/v1/hq/f1/s-1/+");
    }

    @Test
    void aPublishOfItsOwnThroughItsSubscriptionIsAProbeThatFindsAStallWithoutWaitingForQuiet() {
        String seatTopics = "seatlink/v1/hq/f1/s-1/+";
        SubscriptionCheck seat = new SubscriptionCheck(Map.of(seatTopics, "seatlink/v1/hq/f1/s-1/probe"), 60_000, 3_000);
        seat.subscribed(0);

        seat.published("seatlink/v1/hq/f1/s-1/event", 1_000);
        seat.received("seatlink/v1/hq/f1/s-1/event", 1, false, 1_200);
        assertThat(seat.stalled(10_000)).as("its copy came back").isEmpty();

        seat.published("seatlink/v1/hq/f1/s-1/event", 10_000);
        seat.published("seatlink/v1/hq/f1/s-1/state", 11_000); // the first one out is the probe that counts
        seat.published("seatlink/v1/hq/f1/other/event", 11_000);
        assertThat(seat.stalled(12_999)).isEmpty();
        assertThat(seat.stalled(13_000)).as("not back in answerMs, long before a minute of quiet")
                .containsExactly(seatTopics);
        assertThat(seat.probesDue(13_000)).as("no probe of its own needed while it publishes").isEmpty();
    }

    @Test
    void aProbeTheBrokerAcknowledgedIsStalledWhenNotHandedOverSoonAfterWhateverTheStoreTook() {
        SubscriptionCheck seat = seatCheck();
        assertThat(seat.probesDue(60_000)).containsExactly(SEAT_PROBE);

        seat.acknowledged(SEAT_PROBE, 60_000, 63_000); // a degraded cluster took 3 s to store it

        assertThat(seat.stalled(63_000 + SubscriptionCheck.DELIVERED_MS - 1)).isEmpty();
        assertThat(seat.stalled(63_000 + SubscriptionCheck.DELIVERED_MS)).as("long before the 15 s answer bound")
                .containsExactly(SEAT_TOPICS);
    }

    @Test
    void aProbeHeardBackAfterItsAcknowledgementIsWell() {
        SubscriptionCheck seat = seatCheck();
        seat.probesDue(60_000);
        seat.acknowledged(SEAT_PROBE, 60_000, 60_050);
        seat.received(SEAT_PROBE, 1, false, 60_080);

        assertThat(seat.stalled(80_000)).isEmpty();
    }

    @Test
    void onlyAnAcknowledgementOfThePublishThatProbesOrALaterOneCounts() {
        String events = "seatlink/v1/hq/f1/s-1/event";
        SubscriptionCheck seat = seatCheck();
        seat.published(events, 1_000);

        seat.acknowledged(events, 900, 1_100); // sent before the probe: says nothing of it
        assertThat(seat.stalled(1_100 + SubscriptionCheck.DELIVERED_MS)).isEmpty();

        seat.acknowledged("seatlink/v1/hq/f1/s-2/event", 1_000, 7_000); // another seat's topic
        assertThat(seat.stalled(7_000 + SubscriptionCheck.DELIVERED_MS)).isEmpty();

        seat.acknowledged(events, 1_500, 8_000); // sent after the probe, so stored after it
        assertThat(seat.stalled(8_000 + SubscriptionCheck.DELIVERED_MS)).containsExactly(SEAT_TOPICS);
    }

    @Test
    void anAcknowledgedProbeWithoutAWitnessWaitsLongerOnAClientWithSeveralSubscriptions() {
        check.probesDue(5_000);
        check.acknowledged("seatlink/v1/hq/f1/gateway-a/event", 5_000, 5_100);
        check.acknowledged("seatlink/v1/hq/f1/gateway-probe", 5_000, 5_100);
        assertThat(check.stalled(5_100 + SubscriptionCheck.DELIVERED_MS)).as("both quiet: maybe a slow node").isEmpty();

        // a witness: this gateway's deliveries flow
        check.received("seatlink/v1/hq/f1/gateway-probe", 1, false, 10_200);

        assertThat(check.stalled(10_200)).containsExactly(EVENTS);
    }

    @Test
    void aMessageAtQosZeroProvesNothingOfTheConsumerButHasTheSubscriptionProbedAtOnce() {
        SubscriptionCheck seat = seatCheck();

        seat.received("seatlink/v1/hq/f1/s-1/cmd", 0, false, 10_000); // a gateway's replay, over the seat's connection

        assertThat(seat.probesDue(10_000)).containsExactly(SEAT_PROBE);
        seat.received("seatlink/v1/hq/f1/s-1/cmd", 0, false, 11_000); // its probe out is not answered by that
        seat.acknowledged(SEAT_PROBE, 10_000, 10_100);
        assertThat(seat.stalled(10_100 + SubscriptionCheck.DELIVERED_MS)).containsExactly(SEAT_TOPICS);
    }

    @Test
    void aRetainedMessageSentForANewSubscriptionProvesNothingOfTheConsumerButHasItProbedAtOnce() {
        check.received("seatlink/v1/hq/f1/s-1/event", 1, true, 1_000);

        assertThat(check.deliveredSince(EVENTS, 0)).isFalse();
        assertThat(check.probesDue(1_000)).containsExactly("seatlink/v1/hq/f1/gateway-a/event");
    }

    @Test
    void onlyALiveQosOneMessageCountsAsDeliveredByTheConsumerAndOnlyFromWhenItArrived() {
        check.received("seatlink/v1/hq/f1/s-1/event", 0, false, 1_000); // a QoS 0 tap of the same topics
        assertThat(check.deliveredSince(EVENTS, 0)).isFalse();

        check.received("seatlink/v1/hq/f1/s-1/event", 1, false, 2_000);

        assertThat(check.deliveredSince(EVENTS, 2_000)).isTrue();
        assertThat(check.deliveredSince(EVENTS, 2_001)).as("delivered before a later subscribe").isFalse();
        assertThat(check.deliveredSince(FLOOR, 0)).as("another subscription").isFalse();
        assertThat(check.deliveredSince("seatlink/v1/hq/f1/+/unknown", 0)).isFalse();
    }

    @Test
    void afterAConnectEveryProbedSubscriptionIsProbedAtOnce() {
        check.probesDue(5_000);

        check.connected(6_000);

        assertThat(check.probesDue(6_000)).as("a restored session may hold a dead consumer's config")
                .containsExactly("seatlink/v1/hq/f1/gateway-a/event", "seatlink/v1/hq/f1/gateway-probe");
        assertThat(check.stalled(6_000 + 3_000 - 1)).as("the probes of before the connect are forgotten").isEmpty();
    }

    @Test
    void aPublishNoSubscriptionMatchesProbesNothing() {
        Map<String, String> probes = new java.util.HashMap<>();
        probes.put("seatlink/v1/hq/f1/s-1/+", "seatlink/v1/hq/f1/s-1/probe");
        probes.put("seatlink/v1/hq/f1/gateway", null); // not probed: publishes there prove nothing of it
        SubscriptionCheck seat = new SubscriptionCheck(probes, 60_000, 3_000);
        seat.subscribed(0);

        seat.published("seatlink/v1/hq/f1/s-2/event", 1_000);
        seat.published("seatlink/v1/hq/f1/gateway", 1_000);

        assertThat(seat.stalled(50_000)).isEmpty();
    }

    @Test
    void probeTopicsAreKnownAndMustMatchTheirFilter() {
        assertThat(check.isProbe("seatlink/v1/hq/f1/gateway-probe")).isTrue();
        assertThat(check.isProbe("seatlink/v1/hq/f1/s-1/event")).isFalse();
        assertThatThrownBy(() -> new SubscriptionCheck(Map.of(EVENTS, "seatlink/v1/hq/f1/gateway-a/state"), 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not match");
    }

    @Test
    void topicFiltersMatchAsMqttSays() {
        assertThat(TopicFilter.matches("a/+/c", "a/b/c")).isTrue();
        assertThat(TopicFilter.matches("a/+/c", "a/b/c/d")).isFalse();
        assertThat(TopicFilter.matches("a/+", "a/b/c")).isFalse();
        assertThat(TopicFilter.matches("a/#", "a/b/c")).isTrue();
        assertThat(TopicFilter.matches("a/#", "a")).isTrue();
        assertThat(TopicFilter.matches("a/b", "a/b")).isTrue();
        assertThat(TopicFilter.matches("a/b", "a/c")).isFalse();
    }
}
