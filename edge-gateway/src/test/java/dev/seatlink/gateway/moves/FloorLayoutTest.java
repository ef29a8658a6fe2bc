package dev.seatlink.gateway.moves;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.gateway.floor.FloorModel;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.site.Sites;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Sites.twoTeams: team-a (s-1, s-3, min 1 ready), team-b (s-2, help routed to team-a); shifts 06:00 and 18:00 UTC. */
class FloorLayoutTest {
    private static final long TEN_AM = Instant.parse("2026-12-01T10:00:00Z").toEpochMilli();
    private final AtomicLong now = new AtomicLong(TEN_AM);
    private final SiteConfig file = Sites.twoTeams();
    private final FloorModel floor = new FloorModel(file, TEN_AM);
    private final FloorLayout layout = new FloorLayout(file, new TeamMoves(List.of()), floor, now::get);
    private final AtomicInteger relayouts = new AtomicInteger();

    FloorLayoutTest() {
        layout.onRelayout(moves -> relayouts.incrementAndGet());
    }

    private Move move(String seat, String to, long until) {
        return new Move(seat, null, floor.site().seat(seat).orElseThrow().team(), to, until, "dm", now.get());
    }

    @Test
    void aSeatMovedForTheShiftIsInItsNewTeamUntilTheShiftEnds() {
        long shiftEnd = file.shifts().endOf(now.get());
        assertThat(shiftEnd).isEqualTo(Instant.parse("2026-12-01T18:00:00Z").toEpochMilli());

        layout.move(move("s-1", "team-b", shiftEnd));

        assertThat(floor.site().seat("s-1").orElseThrow().team()).isEqualTo("team-b");
        assertThat(floor.site().seatsOf("team-b")).extracting(s -> s.seat()).containsExactly("s-1", "s-2");
        assertThat(relayouts).hasValue(1);

        now.set(shiftEnd - 1);
        layout.endFinishedMoves();
        assertThat(floor.site().seat("s-1").orElseThrow().team()).isEqualTo("team-b");
        now.set(shiftEnd);
        layout.endFinishedMoves();
        assertThat(floor.site().seat("s-1").orElseThrow().team()).as("back with the next shift").isEqualTo("team-a");
        assertThat(layout.moves()).isEmpty();
        assertThat(relayouts).hasValue(2);
    }

    @Test
    void aMoveForGoodHoldsUntilTheSiteConfigAgreesOrItIsUndone() {
        layout.move(move("s-1", "team-b", 0));
        now.addAndGet(30L * 24 * 3_600_000);
        layout.endFinishedMoves();
        assertThat(floor.site().seat("s-1").orElseThrow().team()).isEqualTo("team-b");

        layout.fileEdited(Sites.parse(Sites.TWO_TEAMS.replace("{\"seat\":\"s-1\",\"team\":\"team-a\"",
                "{\"seat\":\"s-1\",\"team\":\"team-b\"")));
        assertThat(layout.moves()).as("the site config now says so itself").isEmpty();
        assertThat(floor.site().seat("s-1").orElseThrow().team()).isEqualTo("team-b");
    }

    @Test
    void aSiteConfigEditKeepsTheMovesItDoesNotConcernAndUndoPutsTheSeatBack() {
        layout.move(move("s-3", "team-b", 0));
        layout.fileEdited(Sites.parse(Sites.TWO_TEAMS.replace("\"minReady\":1", "\"minReady\":2")));
        assertThat(floor.site().seat("s-3").orElseThrow().team()).isEqualTo("team-b");
        assertThat(floor.site().team("team-a").orElseThrow().minReady()).isEqualTo(2);

        assertThat(layout.undo("s-3")).isPresent();
        assertThat(floor.site().seat("s-3").orElseThrow().team()).isEqualTo("team-a");
        assertThat(layout.undo("s-3")).isEmpty();
    }

    @Test
    void aSecondMoveOfASeatKeepsWhereItCameFrom() {
        TeamMoves moves = new TeamMoves(List.of());
        moves.add(new Move("s-1", null, "team-a", "team-b", 0, "dm", 1));
        Move second = moves.add(new Move("s-1", null, "team-b", "team-c", 0, "dm", 2));
        assertThat(second.from()).isEqualTo("team-a");
        assertThat(moves.all()).containsExactly(second);
    }
}
