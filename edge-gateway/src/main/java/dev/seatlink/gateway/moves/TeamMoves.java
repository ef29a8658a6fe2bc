package dev.seatlink.gateway.moves;

import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.gateway.site.SiteConfig;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The moves in force, one per seat (a later move of a seat replaces the earlier), and the floor they make of
 * the site config: the same seats, some in other teams. Team figures, minimum-ready checks and help routing all
 * read the seat's team from that floor, so they follow a move at the next tick. A shift's move ends at the
 * shift's end; a move for good holds until undone, or until the site config's file puts the seat in that team
 * itself. Pure; not thread-safe (the floor's context owns it).
 */
public final class TeamMoves {
    private final Map<String, Move> bySeat = new LinkedHashMap<>();

    public TeamMoves(Collection<Move> moves) {
        moves.forEach(move -> bySeat.put(move.seat(), move));
    }

    public List<Move> all() {
        return List.copyOf(bySeat.values());
    }

    public Optional<Move> of(String seat) {
        return Optional.ofNullable(bySeat.get(seat));
    }

    /** Records a move; a second move of the same seat keeps the first one's {@code from}. */
    public Move add(Move move) {
        Move earlier = bySeat.get(move.seat());
        Move kept = earlier == null ? move
                : new Move(move.seat(), move.agent(), earlier.from(), move.to(), move.until(), move.by(), move.at());
        bySeat.put(move.seat(), kept);
        return kept;
    }

    /** Every move at once: the list published for the floor. */
    public void replace(List<Move> published) {
        bySeat.clear();
        published.forEach(move -> bySeat.put(move.seat(), move));
    }

    /** Ends the seat's move (it goes back to its team in the site config); empty when it had none. */
    public Optional<Move> undo(String seat) {
        return Optional.ofNullable(bySeat.remove(seat));
    }

    /**
     * Drops the moves that ended by {@code now}, that name a seat or team the site config no longer has, or that
     * the site config now agrees with. Returns what was dropped.
     */
    public List<Move> settle(SiteConfig file, long now) {
        List<Move> dropped = bySeat.values().stream().filter(move -> !move.holdsAt(now)
                || file.seat(move.seat()).isEmpty() || file.team(move.to()).isEmpty()
                || file.seat(move.seat()).get().team().equals(move.to())).toList();
        dropped.forEach(move -> bySeat.remove(move.seat()));
        return dropped;
    }

    /** The floor as it runs: the site config's, with the moved seats in their new teams. */
    public SiteConfig applyTo(SiteConfig file) {
        if (bySeat.isEmpty()) {
            return file;
        }
        List<SeatSpec> seats = file.seats().stream().map(seat -> {
            Move move = bySeat.get(seat.seat());
            return move == null || file.team(move.to()).isEmpty() ? seat
                    : new SeatSpec(seat.seat(), move.to(), seat.agent(), seat.skill(), seat.x(), seat.y(), seat.acd());
        }).toList();
        return file.withSeats(seats);
    }
}
