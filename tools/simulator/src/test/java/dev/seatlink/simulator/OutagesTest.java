package dev.seatlink.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutagesTest {
    private static final long MS = 1_000_000;
    private final Outages outages = new Outages(3);

    @Test
    void countsLossesAndReturnsAndTheLongestOutageSinceTheLastTake() {
        outages.lost(0, 1_000 * MS);
        outages.lost(1, 1_000 * MS);
        outages.back(0, 3_000 * MS);
        outages.back(1, 9_500 * MS);

        assertThat(outages.take()).isEqualTo(new Outages.Summary(2, 2, 8_500));
        assertThat(outages.take()).as("started over").isEqualTo(new Outages.Summary(0, 0, 0));
    }

    @Test
    void aSeatStillDownIsCountedWhenItComesBackAfterTheTake() {
        outages.lost(2, 0);
        outages.take();

        outages.back(2, 20_000 * MS);

        assertThat(outages.take()).isEqualTo(new Outages.Summary(0, 1, 20_000));
    }

    @Test
    void aSecondLossWhileDownAndAReturnWhileUpChangeNothing() {
        outages.lost(0, 1_000 * MS);
        outages.lost(0, 2_000 * MS); // a failed reconnect's connection closing too
        outages.back(1, 2_000 * MS);
        outages.back(0, 4_000 * MS);

        assertThat(outages.take()).isEqualTo(new Outages.Summary(1, 1, 3_000));
    }
}
