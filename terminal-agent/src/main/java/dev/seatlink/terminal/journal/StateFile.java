package dev.seatlink.terminal.journal;

import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.Decoded;
import dev.seatlink.protocol.SeatState;
import dev.seatlink.protocol.Topic;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.tinylog.Logger;

/**
 * The seat's last {@link SeatState}, which carries the seq counter, in {@code seat-state.json}.
 *
 * <p>Each save writes a temporary file and renames it over the old one, so a crash leaves either the
 * old or the new file, never half of one. It is not forced to disk: the {@link Journal} is what makes
 * each transition durable, and on start a journal newer than this file wins.
 */
public final class StateFile {
    static final String NAME = "seat-state.json";

    private final Path file;
    private final Path temp;
    private final Topic topic;
    private final Codec codec;
    private boolean failing;

    /** A data directory that cannot be created or written is logged; the seat runs on (see {@link Journal}). */
    public StateFile(Path dataDir, Topic stateTopic, Codec codec) {
        this.file = dataDir.resolve(NAME);
        this.temp = dataDir.resolve(NAME + ".tmp");
        this.topic = stateTopic;
        this.codec = codec;
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            Logger.error("cannot create the data directory {} ({}); the seat's state will not survive a restart",
                    dataDir, e.getMessage());
        }
    }

    /** The last saved state, or empty on first start. An unreadable file is logged and treated as absent. */
    public Optional<SeatState> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            Decoded decoded = codec.decode(topic, Files.readAllBytes(file));
            if (decoded instanceof Decoded.Accepted accepted) {
                return Optional.of((SeatState) accepted.message());
            }
            Logger.error("{} is unreadable ({}); starting without it", file, ((Decoded.Rejected) decoded).detail());
        } catch (IOException e) {
            Logger.error("cannot read {}: {}; starting without it", file, e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * Writes {@code state}; a failure is logged (once until a save works again) and the seat goes on (the
     * journal holds the events).
     */
    public void save(SeatState state) {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap(codec.encode(state)));
        } catch (IOException e) {
            failed("cannot write " + temp + ": " + e.getMessage());
            return;
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            failing = false;
        } catch (AtomicMoveNotSupportedException e) {
            failed("data directory " + file.getParent() + " does not support atomic rename; state not saved");
        } catch (IOException e) {
            failed("cannot replace " + file + ": " + e.getMessage());
        }
    }

    private void failed(String why) {
        if (!failing) {
            Logger.warn(why);
            failing = true;
        }
    }
}
