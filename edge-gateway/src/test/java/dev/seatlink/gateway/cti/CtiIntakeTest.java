package dev.seatlink.gateway.cti;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.gateway.floor.FloorModel;
import dev.seatlink.gateway.lease.Role;
import dev.seatlink.gateway.metrics.Metrics;
import dev.seatlink.gateway.site.SiteConfigLoader;
import dev.seatlink.gateway.testing.FakeRole;
import dev.seatlink.protocol.CallEvent;
import dev.seatlink.protocol.CallEventType;
import dev.seatlink.protocol.CtiEvent;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CtiIntakeTest {
    private static final long T = 1_763_900_000_000L;
    private final FloorModel floor = new FloorModel(new SiteConfigLoader().loadDemo(), T);
    private final Metrics metrics = new Metrics();
    private final List<CallEvent> sent = new ArrayList<>();
    private final List<String> pauses = new ArrayList<>();
    private final FakeRole role = new FakeRole("gw");
    private final List<String> tried = new ArrayList<>();
    private boolean brokerTakesIt = true;
    private long now = T;
    private final CtiIntake intake = new CtiIntake(floor, role, event -> {
        tried.add(event.id());
        if (!brokerTakesIt) {
            return Future.failedFuture("the broker link is down");
        }
        sent.add(event);
        return Future.succeededFuture();
    }, metrics, (seat, paused, reason) -> pauses.add(seat.seat() + (paused ? " paused " + reason : " unpaused")),
            () -> now);

    private static CtiEvent event(String id, CallEventType type, String agent) {
        return new CtiEvent(id, type, agent, type.aboutACall() ? "call-1" : null, T, null);
    }

    private CtiOutcome take(CtiEvent event) {
        return intake.take(event).result();
    }

    @Test
    void anEventForASeatsPhoneNameIsForwardedToThatSeatUnderItsOwnId() {
        assertThat(take(event("e1", CallEventType.CALL_ANSWERED, "PJSIP/1007"))).isEqualTo(CtiOutcome.FORWARDED);

        assertThat(sent).containsExactly(new CallEvent("s-007", "e1", CallEventType.CALL_ANSWERED, "call-1", T, null));
        assertThat(metrics.ctiCount(CtiOutcome.FORWARDED)).isEqualTo(1);
    }

    @Test
    void aRepeatAnUnknownNameAndTheAcdsOwnPauseAreCountedAndNotForwarded() {
        take(event("e1", CallEventType.CALL_OFFERED, "PJSIP/1007"));

        assertThat(take(event("e1", CallEventType.CALL_OFFERED, "PJSIP/1007"))).isEqualTo(CtiOutcome.REPEAT);
        assertThat(take(event("e2", CallEventType.CALL_OFFERED, "PJSIP/9999"))).isEqualTo(CtiOutcome.UNMAPPED);
        assertThat(take(event("e3", CallEventType.AGENT_PAUSED, "PJSIP/1007"))).isEqualTo(CtiOutcome.PAUSE);
        intake.invalid();

        assertThat(sent).hasSize(1);
        assertThat(pauses).containsExactly("s-007 paused null");
        assertThat(metrics.ctiCount(CtiOutcome.REPEAT)).isEqualTo(1);
        assertThat(metrics.ctiCount(CtiOutcome.UNMAPPED)).isEqualTo(1);
        assertThat(metrics.ctiCount(CtiOutcome.PAUSE)).isEqualTo(1);
        assertThat(metrics.ctiCount(CtiOutcome.INVALID)).isEqualTo(1);
    }

    @Test
    void aStandbyForwardsNothingButKnowsTheIdsSoAResendAfterItTakesOverIsARepeat() {
        role.role = Role.STANDBY;
        assertThat(take(event("e1", CallEventType.CALL_ANSWERED, "PJSIP/1007"))).isEqualTo(CtiOutcome.STANDBY);

        role.role = Role.PRIMARY;
        assertThat(take(event("e1", CallEventType.CALL_ANSWERED, "PJSIP/1007"))).isEqualTo(CtiOutcome.REPEAT);
        assertThat(sent).isEmpty();
    }

    @Test
    void aForwardTheBrokerDidNotTakeIsForgottenSoTheSendersRetryIsTaken() {
        brokerTakesIt = false;
        Future<CtiOutcome> first = intake.take(event("e1", CallEventType.CALL_ENDED, "PJSIP/1007"));
        assertThat(first.failed()).isTrue();
        assertThat(metrics.ctiCount(CtiOutcome.FAILED)).isEqualTo(1);

        brokerTakesIt = true;

        assertThat(take(event("e1", CallEventType.CALL_ENDED, "PJSIP/1007"))).isEqualTo(CtiOutcome.FORWARDED);
        assertThat(sent).hasSize(1);
    }

    @Test
    void aStandbyKeepsWhatItHearsOnTheTopicAndForwardsItInOrderWhenItTakesOver() {
        role.role = Role.STANDBY;
        intake.heard(event("e1", CallEventType.CALL_ANSWERED, "PJSIP/1007"));
        intake.heard(event("e2", CallEventType.CALL_ENDED, "PJSIP/1007"));
        intake.run();
        assertThat(sent).isEmpty();
        assertThat(metrics.ctiCount(CtiOutcome.STANDBY)).isEqualTo(2);

        role.role = Role.PRIMARY; // the primary died, maybe before it forwarded them: the seat drops ids it has
        intake.sendOwed();

        assertThat(sent).extracting(CallEvent::id).containsExactly("e1", "e2");
        assertThat(metrics.ctiCount(CtiOutcome.FORWARDED)).isEqualTo(2);
        assertThat(metrics.ctiOwed()).isZero();
    }

    @Test
    void whatAStandbyHeardMoreThanThirtySecondsBeforeItTookOverIsNotForwarded() {
        role.role = Role.STANDBY;
        intake.heard(event("e1", CallEventType.CALL_ANSWERED, "PJSIP/1007"));
        now = T + PhoneBacklog.STANDBY_KEEP_MS + 1;
        intake.heard(event("e2", CallEventType.CALL_ENDED, "PJSIP/1007"));
        intake.run();
        assertThat(metrics.ctiOwed()).isEqualTo(1);

        role.role = Role.PRIMARY;
        intake.sendOwed();

        assertThat(sent).extracting(CallEvent::id).containsExactly("e2");
    }

    @Test
    void aPrimarysForwardsTheBrokerRefusedAreSentAgainInOrderOnceItTakesThem() {
        brokerTakesIt = false;
        intake.heard(event("e1", CallEventType.CALL_OFFERED, "PJSIP/1007"));
        intake.heard(event("e2", CallEventType.CALL_ANSWERED, "PJSIP/1007"));
        intake.heard(event("e3", CallEventType.CALL_ENDED, "PJSIP/1007"));
        intake.run();
        assertThat(sent).isEmpty();
        assertThat(tried).as("while the broker refuses, only the oldest is tried").containsOnly("e1");
        assertThat(metrics.ctiCount(CtiOutcome.FAILED)).isEqualTo(tried.size());

        brokerTakesIt = true;
        intake.run();

        assertThat(sent).extracting(CallEvent::id).containsExactly("e1", "e2", "e3");
        assertThat(metrics.ctiOwed()).isZero();
        intake.run();
        assertThat(sent).as("each once").hasSize(3);
    }

    @Test
    void aPrimaryKeepsAtMostTenThousandUnsentAndCountsTheOldestItDrops() {
        brokerTakesIt = false;
        for (int i = 0; i <= PhoneBacklog.MAX_EVENTS; i++) {
            intake.heard(event("e" + i, CallEventType.CALL_OFFERED, "PJSIP/1007"));
        }
        assertThat(metrics.ctiOwed()).isEqualTo(PhoneBacklog.MAX_EVENTS);
        assertThat(metrics.ctiCount(CtiOutcome.DROPPED)).isEqualTo(1);

        brokerTakesIt = true;
        intake.run();

        assertThat(sent).hasSize(PhoneBacklog.MAX_EVENTS);
        assertThat(sent.get(0).id()).as("the oldest was dropped").isEqualTo("e1");
    }

    @Test
    void onlyTheLastFiftyThousandIdsAreKeptWhateverArrives() {
        RecentIds ids = new RecentIds(3);
        ids.firstTime("a");
        ids.firstTime("b");
        ids.firstTime("c");
        ids.firstTime("d");

        assertThat(ids.size()).isEqualTo(3);
        assertThat(ids.firstTime("a")).as("forgotten").isTrue();
        assertThat(ids.firstTime("d")).isFalse();
        assertThat(CtiIntake.REMEMBERED_IDS).isEqualTo(50_000);
    }
}
