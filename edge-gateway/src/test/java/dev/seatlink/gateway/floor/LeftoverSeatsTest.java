package dev.seatlink.gateway.floor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.protocol.Topic;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeftoverSeatsTest {
    private final LeftoverSeats leftovers = new LeftoverSeats();

    @Test
    void remembersWhatASeatOutsideTheSiteConfigSaidLastAndWhichTopicsSpoke() {
        leftovers.heard("old-1", Topic.Kind.STATUS, true, 100);
        leftovers.heard("old-1", Topic.Kind.STATE, null, 200);
        leftovers.heard("old-1", Topic.Kind.STATUS, false, 150);

        assertThat(leftovers.list(seat -> false)).containsExactly(
                new LeftoverSeats.Leftover("old-1", 200, Set.of("state", "status"), false));
    }

    @Test
    void aSeatTheSiteConfigListsAgainIsNoLeftoverAndAForgottenOneIsGone() {
        leftovers.heard("back", Topic.Kind.STATUS, false, 1);
        leftovers.heard("gone", Topic.Kind.STATUS, false, 1);
        leftovers.heard("kept", Topic.Kind.STATUS, false, 1);
        leftovers.forget("gone");

        assertThat(leftovers.list("back"::equals)).extracting(LeftoverSeats.Leftover::seat).containsExactly("kept");
    }

    @Test
    void holdsAtMostMaxSeatsWhateverArrives() {
        for (int i = 0; i < LeftoverSeats.MAX + 100; i++) {
            leftovers.heard("s" + i, Topic.Kind.EVENT, null, i);
        }
        assertThat(leftovers.list(seat -> false)).hasSize(LeftoverSeats.MAX);
    }
}
