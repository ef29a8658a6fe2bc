package dev.seatlink.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.protocol.RejectReason;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RejectLogTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final RejectLog log = new RejectLog(now::get);

    @Test
    void logsASourceAtMostOnceAMinute() {
        assertThat(log.rejected("seat s-1", RejectReason.MALFORMED_JSON, "x")).isTrue();
        assertThat(log.rejected("seat s-1", RejectReason.UNKNOWN_STATE, "y")).isFalse();
        now.addAndGet(RejectLog.INTERVAL_MS - 1);
        assertThat(log.rejected("seat s-1", RejectReason.MALFORMED_JSON, "x")).isFalse();
        now.addAndGet(1);
        assertThat(log.rejected("seat s-1", RejectReason.MALFORMED_JSON, "x")).isTrue();
    }

    @Test
    void eachSourceHasItsOwnMinute() {
        assertThat(log.rejected("seat s-1", RejectReason.EMPTY, "x")).isTrue();
        assertThat(log.rejected("seat s-2", RejectReason.EMPTY, "x")).isTrue();
    }

    @Test
    void sourceOfNamesTheSeatOrTheBadTopic() {
        assertThat(RejectLog.sourceOf("seatlink/v1/hq/f1/s-1/event")).isEqualTo("seat s-1");
        assertThat(RejectLog.sourceOf("seatlink/v1/hq/f1/S 1/event")).isEqualTo("topic seatlink/v1/hq/f1/S 1/event");
    }
}
