package dev.seatlink.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicTest {

    @Test
    void buildsSeatTopicsAsTheContractWritesThem() {
        assertThat(Topic.seat("hq", "f1", "s-014", Topic.Kind.CMD_RESULT))
                .hasToString("seatlink/v1/hq/f1/s-014/cmd-result");
        assertThat(Topic.floor("hq", "f1", Topic.Kind.SUMMARY)).hasToString("seatlink/v1/hq/f1/summary");
    }

    @ParameterizedTest
    @EnumSource(Topic.Kind.class)
    void parsesWhatItBuilds(Topic.Kind kind) {
        Topic topic = Samples.topic(kind);
        assertThat(Topic.parse(topic.toString())).isEqualTo(topic);
    }

    @Test
    void aSeatNamedLikeAFloorTopicIsStillASeat() {
        assertThat(Topic.parse("seatlink/v1/hq/f1/gateway/status").seat()).isEqualTo("gateway");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "seatlink/v2/hq/f1/s-1/state", "seatlink/v1/hq/f1/s-1/bogus", "seatlink/v1/hq/f1/state",
            "seatlink/v1/hq/f1/s-1/x/state", "seatlink/v1/hq/f1/s-1/gateway", "seatlink/v1/hq/f1/s-1/state/"})
    void rejectsTopicsOutsideTheContract(String topic) {
        assertThatThrownBy(() -> Topic.parse(topic)).isInstanceOf(ProtocolViolation.class)
                .extracting(e -> ((ProtocolViolation) e).reason()).isEqualTo(RejectReason.BAD_TOPIC);
    }

    @ParameterizedTest
    @ValueSource(strings = {"seatlink/v1/HQ/f1/s-1/state", "seatlink/v1/hq/f1/-s1/state", "seatlink/v1/hq/f1/s_1/state",
            "seatlink/v1/hq/f1//state", "seatlink/v1/hq/f1/+/state", "seatlink/v1/hq/f1/s-0123456789012345678901234567890123/state"})
    void rejectsBadIdentifiersInTopics(String topic) {
        assertThatThrownBy(() -> Topic.parse(topic)).isInstanceOf(ProtocolViolation.class)
                .extracting(e -> ((ProtocolViolation) e).reason()).isEqualTo(RejectReason.BAD_IDENTIFIER);
    }

    @Test
    void subscriptionFilterCoversEverySeatOfAFloor() {
        assertThat(Topic.allSeats("hq", "f1", Topic.Kind.EVENT)).isEqualTo("seatlink/v1/hq/f1/+/event");
    }

    @Test
    void aSeatHasOneFilterForAllItsTopicsAndAFloorOneForItsOwn() {
        assertThat(Topic.oneSeat("hq", "f1", "s-014")).isEqualTo("seatlink/v1/hq/f1/s-014/+");
        assertThat(Topic.floorTopics("hq", "f1")).isEqualTo("seatlink/v1/hq/f1/+");
        assertThat(Topic.parse("seatlink/v1/hq/f1/s-014/probe").kind()).isEqualTo(Topic.Kind.PROBE);
        assertThat(Topic.parse("seatlink/v1/hq/f1/gateway-probe").kind()).isEqualTo(Topic.Kind.GATEWAY_PROBE);
        assertThatThrownBy(() -> Topic.oneSeat("hq", "f1", "+")).isInstanceOf(ProtocolViolation.class);
    }
}
