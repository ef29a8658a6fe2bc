package dev.seatlink.gateway.moves;

import dev.seatlink.gateway.floor.FloorClock;
import dev.seatlink.gateway.floor.FloorModel;
import dev.seatlink.gateway.site.SiteConfig;
import java.util.List;
import java.util.Optional;
import org.tinylog.Logger;

/**
 * The floor's teams as they run: the site config's file with the {@link TeamMoves} in force laid over it.
 * A move, its undoing, a shift's end and a site-config edit each give the floor model the new layout and tell
 * the {@link LayoutListener}. Runs on the floor's context.
 */
public final class FloorLayout {

    private final FloorModel floor;
    private final TeamMoves moves;
    private final FloorClock clock;
    private LayoutListener listener = moves -> { };
    private SiteConfig file;

    public FloorLayout(SiteConfig file, TeamMoves moves, FloorModel floor, FloorClock clock) {
        this.file = file;
        this.moves = moves;
        this.floor = floor;
        this.clock = clock;
    }

    /** Set once by the composition root, before the first move. */
    public void onRelayout(LayoutListener layoutListener) {
        this.listener = layoutListener;
    }

    /** The site config as its file says, without the moves. */
    public SiteConfig file() {
        return file;
    }

    public List<Move> moves() {
        return moves.all();
    }

    /** A site-config edit that loaded: the moves it now agrees with, or whose seat or team it dropped, end. */
    public void fileEdited(SiteConfig next) {
        file = next;
        moves.settle(next, clock.millis()).forEach(move -> Logger.info("move of seat {} ends with the site config "
                + "edit: {}", move.seat(), move.describe()));
        relayout();
    }

    /** Puts the seat in the team; the move is in force at once. Returns it as recorded. */
    public Move move(Move move) {
        Move kept = moves.add(move);
        relayout();
        return kept;
    }

    /** Puts the seat back in its site-config team. */
    public Optional<Move> undo(String seat) {
        Optional<Move> undone = moves.undo(seat);
        undone.ifPresent(move -> relayout());
        return undone;
    }

    /** Ends the moves whose shift has ended (the caller checks every few seconds). */
    public void endFinishedMoves() {
        List<Move> ended = moves.settle(file, clock.millis());
        if (!ended.isEmpty()) {
            ended.forEach(move -> Logger.info("move of seat {} ended with the shift: {}", move.seat(), move.describe()));
            relayout();
        }
    }

    /**
     * The moves in force as the floor's primary published them (the other gateway of a pair, or this one before a
     * restart): they replace this gateway's. Returns whether anything changed.
     */
    public boolean replace(List<Move> published) {
        TeamMoves next = new TeamMoves(published);
        next.settle(file, clock.millis());
        if (next.all().equals(moves.all())) {
            return false;
        }
        moves.replace(next.all());
        relayout();
        return true;
    }

    private void relayout() {
        floor.reconfigure(moves.applyTo(file));
        listener.relaidOut(moves.all());
    }
}
