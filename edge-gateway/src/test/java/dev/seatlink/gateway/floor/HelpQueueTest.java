package dev.seatlink.gateway.floor;

import static dev.seatlink.protocol.AgentState.LOGGED_OUT;
import static dev.seatlink.protocol.AgentState.READY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.gateway.site.Sites;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.SeatStatus;
import org.junit.jupiter.api.Test;

class HelpQueueTest {
    private static final long T = 1_795_420_800_000L;

    private final FloorModel floor = new FloorModel(Sites.twoTeams(), T);

    private void raise(String seat, String agent, long at, long seq) {
        floor.applyStatus(seat, SeatStatus.online("b", "1", T), T);
        floor.applyEvent(seat, new SeatEvent(seat, agent, LOGGED_OUT, READY, null, true, at, seq, "b", Cause.BUTTON));
    }

    @Test
    void longestWaitingFirstEachRoutedByItsTeamsModel() {
        raise("s-1", "a1", T + 5_000, 1);
        raise("s-2", null, T, 1);

        var queue = floor.helpQueue(T + 10_000);

        assertThat(queue).extracting(HelpRequest::seat).containsExactly("s-2", "s-1");
        // team-b is specialist: its hands queue for team-a, whose leader and agents take them
        assertThat(queue.get(0).model()).isEqualTo("specialist");
        assertThat(queue.get(0).routedTo()).isEqualTo("team-a");
        assertThat(queue.get(0).takers()).containsExactly("tl-a", "a1", "a3");
        assertThat(queue.get(0).waitedMs()).isEqualTo(10_000);
        // team-a is integrated: its leader and its expert-tier agents, never the asker
        assertThat(queue.get(1).model()).isEqualTo("integrated");
        assertThat(queue.get(1).routedTo()).isEqualTo("team-a");
        assertThat(queue.get(1).takers()).containsExactly("tl-a", "a3");
    }

    @Test
    void whoTookAHandIsKeptNewestFirst() {
        floor.helpTaken("s-1", "tl-a", T, T + 30_000);
        floor.helpTaken("s-2", "fm", T, T + 40_000);

        assertThat(floor.helpTaken()).extracting(HelpTaken::by).containsExactly("fm", "tl-a");
        assertThat(floor.helpTaken().get(1).agent()).isEqualTo("a1");
    }
}
