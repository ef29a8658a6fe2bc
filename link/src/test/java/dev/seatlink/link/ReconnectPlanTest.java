package dev.seatlink.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconnectPlanTest {
    private static final URI N1 = URI.create("tcp://n1:1883");
    private static final URI N2 = URI.create("tcp://n2:1883");
    private static final URI N3 = URI.create("tcp://n3:1883");

    @Test
    void aClusterIsWalkedAtOnceAndOnlyAWholeFailedRoundWaits() {
        ReconnectPlan plan = new ReconnectPlan(List.of(N1, N2, N3));

        assertThat(plan.current()).isEqualTo(N1);
        assertThat(plan.afterFailure()).isZero();
        assertThat(plan.current()).isEqualTo(N2);
        assertThat(plan.afterFailure()).isZero();
        assertThat(plan.afterFailure()).as("a whole round refused, never connected yet")
                .isEqualTo(ReconnectPlan.FIRST_CONNECT_RETRY_MS);
        assertThat(plan.current()).isEqualTo(N1);

        plan.connected();
        assertThat(plan.afterLoss()).as("its node may be dead: the next one at once").isZero();
        assertThat(plan.current()).isEqualTo(N2);
        assertThat(plan.afterFailure()).isZero();
        assertThat(plan.afterFailure()).isZero();
        assertThat(plan.afterFailure()).as("a whole round after a loss: the backoff").isEqualTo(500);
        assertThat(plan.afterFailure()).isZero();
        assertThat(plan.afterFailure()).isZero();
        assertThat(plan.afterFailure()).isEqualTo(1_000);
    }

    @Test
    void oneBrokerBacksOffFromHalfASecondToFive() {
        ReconnectPlan plan = new ReconnectPlan(List.of(N1));

        assertThat(plan.afterFailure()).isEqualTo(ReconnectPlan.FIRST_CONNECT_RETRY_MS);
        plan.connected();
        assertThat(plan.afterLoss()).isEqualTo(500);
        assertThat(plan.afterFailure()).isEqualTo(1_000);
        assertThat(plan.afterFailure()).isEqualTo(2_000);
        assertThat(plan.afterFailure()).isEqualTo(4_000);
        assertThat(plan.afterFailure()).isEqualTo(ReconnectPlan.MAX_DELAY_MS);
        assertThat(plan.afterFailure()).isEqualTo(ReconnectPlan.MAX_DELAY_MS);
        assertThat(plan.current()).isEqualTo(N1);
    }
}
