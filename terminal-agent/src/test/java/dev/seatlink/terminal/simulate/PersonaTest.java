package dev.seatlink.terminal.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.protocol.AgentState;
import dev.seatlink.terminal.seat.Key;
import dev.seatlink.terminal.seat.Snapshot;
import java.util.EnumSet;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonaTest {
    private static final long T = 1_763_900_000_000L;

    private static Key firstPress(Persona persona, Snapshot seat) {
        return firstPress(persona, seat, false);
    }

    private static Key firstPress(Persona persona, Snapshot seat, boolean phone) {
        return firstPress(persona, seat, phone, 600_000);
    }

    private static Key firstPress(Persona persona, Snapshot seat, boolean phone, long withinMs) {
        for (long now = T; now < T + withinMs; now += 250) {
            Optional<Key> key = persona.decide(seat, phone, now);
            if (key.isPresent()) {
                return key.get();
            }
        }
        return null;
    }

    @Test
    void aLoggedOutAgentSignsInSoon() {
        assertThat(firstPress(new Persona(new SplittableRandom(1), 1.0), Snapshot.loggedOut("a1", T))).isEqualTo(Key.READY);
    }

    @Test
    void aBusyAgentEndsTheContactOrRaisesAHand() {
        Set<Key> seen = EnumSet.noneOf(Key.class);
        for (int seed = 0; seed < 200; seed++) {
            seen.add(firstPress(new Persona(new SplittableRandom(seed), 1.0), new Snapshot("a1", AgentState.BUSY, null, false, T)));
        }

        assertThat(seen).containsExactlyInAnyOrder(Key.BUSY, Key.HELP);
    }

    @Test
    void aReadyAgentMostlyTakesContactsAndSometimesBreaks() {
        int busy = 0;
        for (int seed = 0; seed < 200; seed++) {
            Key key = firstPress(new Persona(new SplittableRandom(seed), 1.0), new Snapshot("a1", AgentState.READY, null, false, T));
            busy += key == Key.BUSY ? 1 : 0;
        }

        assertThat(busy).isBetween(150, 199);
    }

    @Test
    void waitsBeforeActing() {
        Persona persona = new Persona(new SplittableRandom(3), 1.0);

        assertThat(persona.decide(new Snapshot("a1", AgentState.NOT_READY, "break", false, T), false, T)).isEmpty();
    }

    @Test
    void onASeatThePhoneSystemDrivesTheAgentDoesNotPressBusyButWaitsForCalls() {
        Set<Key> seen = EnumSet.noneOf(Key.class);
        for (int seed = 0; seed < 200; seed++) {
            int s = seed;
            java.util.stream.Stream.of(AgentState.READY, AgentState.BUSY)
                    .map(state -> firstPress(new Persona(new SplittableRandom(s), 1.0),
                            new Snapshot("a1", state, null, false, T), true, Persona.DROPPED_CALL_S * 1000L - 1))
                    .filter(java.util.Objects::nonNull).forEach(seen::add); // mostly: no press, the call comes
        }

        assertThat(seen).doesNotContain(Key.BUSY).contains(Key.NOT_READY, Key.HELP);
    }

    @Test
    void aPhoneCallThatOutlastsAnyTheSimulatedPhonePlaysIsEndedByHandAsAPersonWould() {
        for (int seed = 0; seed < 50; seed++) {
            Persona persona = new Persona(new SplittableRandom(seed), 1.0);
            Snapshot stuck = new Snapshot("a1", AgentState.BUSY, null, false, T); // busy since T on a dropped call
            long deadline = T + Persona.DROPPED_CALL_S * 1000L;
            Optional<Key> before = Optional.empty();
            for (long now = T; now < deadline && before.isEmpty(); now += 1_000) {
                before = persona.decide(stuck, true, now).filter(key -> key == Key.BUSY);
            }
            assertThat(before).as("seed %d: no call is ended while it may still be up", seed).isEmpty();
        }
        int endedAtOnce = 0;
        for (int seed = 0; seed < 50; seed++) { // a seat found busy for 10 min, as after the demo's restart
            Snapshot longStuck = new Snapshot("a1", AgentState.BUSY, null, false, T - 600_000);
            endedAtOnce += new Persona(new SplittableRandom(seed), 1.0).decide(longStuck, true, T)
                    .filter(key -> key == Key.BUSY).isPresent() ? 1 : 0;
        }
        assertThat(endedAtOnce).as("all but those who raise a hand first (6 %%)").isBetween(40, 50);
    }
}
