package dev.seatlink.gateway.floor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.site.Sites;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.SeatState;
import dev.seatlink.protocol.SeatStatus;
import java.util.List;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The model keeps each seat's view until the seat changes; whatever happens in between, a floor read
 * after every change must show the same seats as an identical floor read only at the end.
 */
class SeatViewsStayCurrentTest {
    private static final long T = 1_763_900_000_000L;
    private static final SiteConfig SITE = Sites.twoTeams();
    private static final SiteConfig MOVED = Sites.parse("""
            {"site":"hq","floor":"f1","timeZone":"UTC","shifts":["06:00","18:00"],"reasons":["break","lunch"],
             "teams":[{"id":"team-a","name":"Team A"},{"id":"team-b","name":"Team B"}],
             "seats":[{"seat":"s-1","team":"team-b","agent":"a9","x":5,"y":5},
                      {"seat":"s-2","team":"team-b","x":1,"y":0},
                      {"seat":"s-3","team":"team-a","agent":"a3","skill":"expert","x":2,"y":0}]}""");

    @Property(tries = 300)
    void aFloorReadAfterEveryChangeShowsWhatAFloorReadOnceShows(@ForAll("changes") List<Consumer<FloorModel>> changes) {
        FloorModel readOften = new FloorModel(SITE, T);
        FloorModel readOnce = new FloorModel(SITE, T);
        for (Consumer<FloorModel> change : changes) {
            change.accept(readOften);
            readOften.seats();
            change.accept(readOnce);
        }
        assertThat(readOften.seats()).isEqualTo(readOnce.seats());
    }

    @Provide
    Arbitrary<List<Consumer<FloorModel>>> changes() {
        Arbitrary<String> seat = Arbitraries.of("s-1", "s-2", "s-3");
        Arbitrary<AgentState> state = Arbitraries.of(AgentState.READY, AgentState.BUSY, AgentState.WRAP_UP,
                AgentState.LOGGED_OUT);
        Arbitrary<Long> seq = Arbitraries.longs().between(1, 12);
        Arbitrary<Long> at = Arbitraries.longs().between(0, 60_000).map(ms -> T + ms);
        Arbitrary<Boolean> help = Arbitraries.of(true, false);
        Arbitrary<Consumer<FloorModel>> online = Combinators.combine(seat, Arbitraries.of("b1", "b2"), at)
                .as((s, boot, t) -> floor -> floor.applyStatus(s, SeatStatus.online(boot, "1.0", t), t));
        Arbitrary<Consumer<FloorModel>> offline = Combinators.combine(seat, Arbitraries.of("b1", "b2"), at)
                .as((s, boot, t) -> floor -> floor.applyStatus(s, SeatStatus.offline(boot, t), t));
        Arbitrary<Consumer<FloorModel>> snapshot = Combinators.combine(seat, state, help, at, seq)
                .as((s, to, h, t, n) -> floor -> floor.applyState(s,
                        new SeatState(s, "a7", to, null, h && to != AgentState.LOGGED_OUT, t, n, "b1")));
        Arbitrary<Consumer<FloorModel>> event = Combinators.combine(seat, state, help, at, seq)
                .as((s, to, h, t, n) -> floor -> floor.applyEvent(s, new SeatEvent(s, "a7", AgentState.READY, to,
                        null, h && to != AgentState.LOGGED_OUT, t, n, "b1", Cause.BUTTON)));
        Arbitrary<Consumer<FloorModel>> restore = Combinators.combine(seat, state, at, seq)
                .as((s, to, t, n) -> floor -> floor.restore(new SeatEvent(s, "a8", AgentState.READY, to, null, false,
                        t, n, "b0", Cause.BUTTON)));
        Arbitrary<Consumer<FloorModel>> edit = Arbitraries.of(SITE, MOVED).map(site -> floor -> floor.reconfigure(site));
        return Arbitraries.oneOf(online, offline, snapshot, event, restore, edit).list().ofMaxSize(30);
    }
}
