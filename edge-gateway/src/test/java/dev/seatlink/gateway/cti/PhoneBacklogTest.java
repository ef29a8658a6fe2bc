package dev.seatlink.gateway.cti;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.protocol.CallEvent;
import dev.seatlink.protocol.CallEventType;
import org.junit.jupiter.api.Test;

class PhoneBacklogTest {
    private static final long T = 1_763_900_000_000L;
    private final PhoneBacklog backlog = new PhoneBacklog(3);

    private static CallEvent event(String id) {
        return new CallEvent("s-007", id, CallEventType.CALL_OFFERED, "call-1", T, null);
    }

    @Test
    void atMostTheWindowIsOnItsWayAndTheNextGoesOnlyWhenOneArrived() {
        backlog.keep(event("e1"), T);
        backlog.keep(event("e2"), T);
        backlog.keep(event("e3"), T);

        assertThat(backlog.next(2)).extracting(CallEvent::id).containsExactly("e1", "e2");
        assertThat(backlog.next(2)).isEmpty();
        backlog.sent("e1");
        assertThat(backlog.next(2)).extracting(CallEvent::id).containsExactly("e3");
        assertThat(backlog.size()).isEqualTo(2);
    }

    @Test
    void aRefusedEventIsSentAgainInItsPlaceBeforeTheOnesHeardAfterIt() {
        backlog.keep(event("e1"), T);
        backlog.keep(event("e2"), T);
        backlog.next(1);
        backlog.failed("e1");

        assertThat(backlog.next(2)).extracting(CallEvent::id).containsExactly("e1", "e2");
    }

    @Test
    void forgettingByAgeLeavesWhatIsOnItsWayAndWhatCameLater() {
        backlog.keep(event("e1"), T);
        backlog.keep(event("e2"), T + 10);
        backlog.keep(event("e3"), T + 20);
        backlog.next(1); // e1 is on its way

        backlog.forgetHeardBefore(T + 20);

        assertThat(backlog.size()).isEqualTo(2);
        backlog.sent("e1");
        assertThat(backlog.next(5)).extracting(CallEvent::id).containsExactly("e3");
    }

    @Test
    void pastTheBoundTheOldestIsDroppedEvenOnItsWay() {
        backlog.keep(event("e1"), T);
        backlog.keep(event("e2"), T);
        backlog.keep(event("e3"), T);
        backlog.next(1);

        assertThat(backlog.keep(event("e4"), T)).isTrue();

        assertThat(backlog.size()).isEqualTo(3);
        assertThat(backlog.next(3)).extracting(CallEvent::id).containsExactly("e2", "e3", "e4");
        backlog.sent("e1"); // its answer came after all
        assertThat(backlog.size()).isEqualTo(3);
    }
}
