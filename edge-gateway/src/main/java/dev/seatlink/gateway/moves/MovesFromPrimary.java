package dev.seatlink.gateway.moves;

import dev.seatlink.gateway.lease.GatewayRole;
import dev.seatlink.gateway.lease.Role;
import dev.seatlink.protocol.FloorMoves;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;
import org.tinylog.Logger;

/**
 * The moves the floor's primary published (retained on {@code moves}): this gateway runs the same teams, and keeps
 * them on its disk for a restart. The primary itself ignores them: it made them, and may have changed them since. Runs on the floor's context; the file is written on {@code disk}'s thread.
 */
public final class MovesFromPrimary {
    private final FloorLayout layout;
    private final MoveFile file;
    private final Executor disk;
    private final GatewayRole role;

    public MovesFromPrimary(FloorLayout layout, MoveFile file, Executor disk, GatewayRole role) {
        this.role = role;
        this.layout = layout;
        this.file = file;
        this.disk = disk;
    }

    public void heard(FloorMoves published) {
        // The primary's own list is the floor's: a retained copy delivered late must not undo a newer change.
        if (role.role() == Role.PRIMARY || !layout.replace(published.moves().stream().map(Move::of).toList())) {
            return;
        }
        List<Move> now = layout.moves();
        Logger.info("moves in force as the primary published them: {}", now.size());
        disk.execute(() -> {
            try {
                file.save(now);
            } catch (IOException e) {
                Logger.warn("the published moves could not be kept on disk ({}); they hold until a restart",
                        e.getMessage());
            }
        });
    }
}
