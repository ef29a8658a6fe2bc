package dev.seatlink.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoundTripTest {
    @Test
    void theFirstRoundTripIsTheAverageAndEachLaterOneWeighsAnEighth() {
        RoundTrip trip = new RoundTrip();
        assertThat(trip.averageMs()).isZero();

        trip.took(8_000);
        assertThat(trip.averageMs()).isEqualTo(8_000);

        trip.took(0);
        assertThat(trip.averageMs()).isEqualTo(7_000);
    }
}
