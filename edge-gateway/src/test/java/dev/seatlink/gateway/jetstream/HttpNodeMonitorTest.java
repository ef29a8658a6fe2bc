package dev.seatlink.gateway.jetstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.terminal.testing.StandInServer;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Reading a node's monitoring port (here a stand-in HTTP server from the JDK). */
class HttpNodeMonitorTest {
    @Test
    void aNodeAnswersWithItsStorageAndConsumers() throws IOException {
        String answer = "{\"storage\":2048,\"memory\":0,\"account_details\":[{\"stream_detail\":["
                + "{\"name\":\"$MQTT_msgs\",\"state\":{\"messages\":5,\"bytes\":900},"
                + "\"consumer_detail\":[{\"name\":\"abcdefgh_x\","
                + "\"config\":{\"filter_subject\":\"$MQTT.msgs.seatlink.v1.hq.f1.s-001.>\"},\"num_pending\":3,"
                + "\"num_ack_pending\":1,\"delivered\":{\"stream_seq\":2}}]}]}]}";
        try (StandInServer node = StandInServer.answering(answer)) {

            NodeReading reading = new HttpNodeMonitor(Duration.ofSeconds(10)).read(node.url());

            assertThat(reading.problem()).isNull();
            assertThat(reading.storeBytes()).isEqualTo(2048);
            assertThat(reading.consumers()).singleElement().satisfies(c -> assertThat(c.pending()).isEqualTo(3));
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aNodeThatStopsMidAnswerIsShownUnreachableOnceTheBoundIsUpInsteadOfHoldingTheReadingForEver()
            throws IOException {
        try (StandInServer node = StandInServer.stallingAfter("{\"storage\":2048,\"account_details\":[")) {

            NodeReading reading = new HttpNodeMonitor(Duration.ofMillis(500)).read(node.url());

            assertThat(reading.problem()).isEqualTo("no whole answer from " + HttpNodeMonitor.PATH + " within 500 ms");
            assertThat(reading.consumers()).isEmpty();
        }
    }
}
