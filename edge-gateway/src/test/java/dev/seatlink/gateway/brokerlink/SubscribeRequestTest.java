package dev.seatlink.gateway.brokerlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubscribeRequestTest {
    private final SubscribeRequest request = new SubscribeRequest(ordered("f/+/status/#", 0, "f/+/status", 1,
            "f/+/event", 1, "f/+", 1));

    @Test
    void onlyWhatTheBrokerRefusedIsAskedAgainWithItsOwnQos() {
        SubscribeRequest again = request.refused(List.of(0, 1, SubscribeRequest.REFUSED, SubscribeRequest.REFUSED));

        assertThat(again.topics()).containsExactly(Map.entry("f/+/event", 1), Map.entry("f/+", 1));
    }

    @Test
    void nothingIsAskedAgainWhenEverythingWasGranted() {
        assertThat(request.refused(List.of(0, 1, 1, 1)).isEmpty()).isTrue();
    }

    @Test
    void aSubackThatDoesNotAnswerEachFilterHasEverythingAskedAgain() {
        assertThat(request.refused(List.of(SubscribeRequest.REFUSED)).topics()).isEqualTo(request.topics());
    }

    private static Map<String, Integer> ordered(Object... topicsAndQos) {
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (int i = 0; i < topicsAndQos.length; i += 2) {
            topics.put((String) topicsAndQos[i], (Integer) topicsAndQos[i + 1]);
        }
        return topics;
    }
}
