package dev.seatlink.terminal.seat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GesturesTest {
    private final Gestures gestures = new Gestures(Gestures.Timing.DEFAULT);
    private final List<Gestures.Intent> intents = new ArrayList<>();
    private long now = 1_000_000;

    private void record(Optional<Gestures.Intent> intent) {
        intent.ifPresent(intents::add);
    }

    private void down(Key key) {
        record(gestures.down(key, now));
    }

    private void up(Key key) {
        record(gestures.up(key, now));
    }

    /** Time passes in the 100 ms steps of the terminal's refresh. */
    private void waitMs(long ms) {
        for (long end = now + ms; now < end; ) {
            now += 100;
            record(gestures.tick(now));
        }
    }

    @Test
    void busyAndHelpActOnThePressItself() {
        down(Key.BUSY);
        down(Key.HELP);

        assertThat(intents).containsExactly(new Gestures.Press(Key.BUSY), new Gestures.Press(Key.HELP));
    }

    @Test
    void readyActsOnRelease() {
        down(Key.READY);
        assertThat(intents).isEmpty();
        waitMs(200);
        up(Key.READY);

        assertThat(intents).containsExactly(new Gestures.Press(Key.READY));
    }

    @Test
    void holdingReadyThreeSecondsSignsOutAndTheReleaseDoesNothingMore() {
        down(Key.READY);
        waitMs(2900);
        assertThat(intents).isEmpty();
        waitMs(100);
        up(Key.READY);

        assertThat(intents).containsExactly(new Gestures.Logout());
    }

    @Test
    void aShortNotReadyIsAPlainPress() {
        down(Key.NOT_READY);
        waitMs(300);
        up(Key.NOT_READY);

        assertThat(intents).containsExactly(new Gestures.Press(Key.NOT_READY));
    }

    @Test
    void holdingNotReadyOpensThePickerAndEachPressMovesItOn() {
        down(Key.NOT_READY);
        waitMs(800);
        assertThat(intents).containsExactly(new Gestures.Picking(0));
        assertThat(gestures.pickerStep()).hasValue(0);
        up(Key.NOT_READY);

        down(Key.NOT_READY);
        up(Key.NOT_READY);
        down(Key.NOT_READY);
        up(Key.NOT_READY);

        assertThat(intents).containsExactly(new Gestures.Picking(0), new Gestures.Picking(1), new Gestures.Picking(2));
    }

    @Test
    void thePickerChoosesAfterAPauseFollowingTheLastRelease() {
        down(Key.NOT_READY);
        waitMs(800);
        up(Key.NOT_READY);
        down(Key.NOT_READY);
        waitMs(5000); // held: no choice while the button is down
        up(Key.NOT_READY);
        waitMs(1900);
        assertThat(intents).doesNotContain(new Gestures.Pick(1));
        waitMs(100);

        assertThat(intents).endsWith(new Gestures.Pick(1));
        assertThat(gestures.pickerStep()).isEmpty();
    }

    @Test
    void anotherButtonClosesThePickerWithoutChoosing() {
        down(Key.NOT_READY);
        waitMs(800);
        up(Key.NOT_READY);

        down(Key.BUSY);
        waitMs(3000);

        assertThat(intents).containsExactly(new Gestures.Picking(0), new Gestures.Press(Key.BUSY));
        assertThat(gestures.pickerStep()).isEmpty();
    }
}
