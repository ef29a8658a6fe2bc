package dev.seatlink.terminal.journal;

import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.Decoded;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.Topic;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tinylog.Logger;

/**
 * The seat's event journal, {@code events.log}: one JSON event per line, appended and forced to disk
 * ({@code fdatasync}) before the light changes and before the event is published, so an event that
 * left the seat is always on disk and its seq is never handed out again.
 *
 * <p>An event stays "unsent" until the broker acknowledges it (PUBACK); the acknowledged watermark
 * is kept in {@code events.acked}, written without a sync because sending an acknowledged event again
 * after a crash is harmless (the gateway drops duplicates). A torn last line (power cut mid-write) was
 * never synced, so never published: it is dropped on load.
 *
 * <p>Bounded: past {@link #MAX_EVENTS} lines the file is compacted to the unsent events plus the last
 * {@link #KEEP_SENT} sent ones (for {@code replay}). If more than {@link #MAX_EVENTS} events are unsent
 * (broker away for days), the oldest are dropped with an error line; the gateway sees and counts the gap.
 * The seat keeps working either way. Thread-safe.
 */
public final class Journal {
    public static final int MAX_EVENTS = 20_000;
    public static final int KEEP_SENT = 1_000;
    static final String LOG = "events.log";
    static final String ACKED = "events.acked";

    private final Path log;
    private final Path acked;
    private final Topic eventTopic;
    private final Codec codec;
    private final NavigableMap<Long, SeatEvent> events = new TreeMap<>();
    private final NavigableSet<Long> unacked = new TreeSet<>();
    private FileChannel channel;
    private long dropped;
    private boolean diskFailing;
    private boolean watermarkFailing;

    /**
     * Opens the journal. A data directory that cannot be written (read-only, missing and not creatable) does
     * not stop the seat: it runs with the journal in memory, says so ({@link #writable()}), and keeps trying.
     */
    public Journal(Path dataDir, Topic eventTopic, Codec codec) {
        this.log = dataDir.resolve(LOG);
        this.acked = dataDir.resolve(ACKED);
        this.eventTopic = eventTopic;
        this.codec = codec;
        try {
            load();
        } catch (IOException e) {
            Logger.error("cannot read the event journal {} ({}); starting with an empty one", log, e.getMessage());
        }
        openForAppend();
    }

    private void openForAppend() {
        try {
            Files.createDirectories(log.getParent());
            channel = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            channel = null;
            if (!diskFailing) {
                Logger.error("cannot open the event journal {} for writing ({}); events are kept in memory until it can",
                        log, e.getMessage());
                diskFailing = true;
            }
        }
    }

    private void load() throws IOException {
        long ackedUpTo = 0;
        if (Files.exists(acked)) {
            try {
                ackedUpTo = Long.parseLong(Files.readString(acked).trim());
            } catch (NumberFormatException | java.nio.charset.CharacterCodingException e) {
                Logger.warn("{} is unreadable; treating every journalled event as unsent", acked);
            }
        }
        if (!Files.exists(log)) {
            return;
        }
        // Lines as bytes: one bad byte (a worn card) must cost that line, not the whole journal.
        byte[] text = Files.readAllBytes(log);
        int unreadable = 0;
        int start = 0;
        while (start < text.length) {
            int end = start;
            while (end < text.length && text[end] != '\n') {
                end++;
            }
            if (end > start) {
                Decoded decoded = codec.decode(eventTopic, java.util.Arrays.copyOfRange(text, start, end));
                if (decoded instanceof Decoded.Accepted accepted) {
                    SeatEvent event = (SeatEvent) accepted.message();
                    events.put(event.seq(), event);
                    if (event.seq() > ackedUpTo) {
                        unacked.add(event.seq());
                    }
                } else {
                    unreadable++;
                }
            }
            start = end + 1;
        }
        if (unreadable > 0) {
            Logger.warn("journal {}: skipped {} unreadable line(s) (a write cut short, or a damaged card); they were "
                    + "never sent or cannot be sent again", log, unreadable);
            rewrite();
        }
    }

    /** Whether events reach the disk now; false while it refuses (read-only, full, failing). */
    public synchronized boolean writable() {
        return !diskFailing;
    }

    /** The highest seq ever journalled, 0 if none. */
    public synchronized long lastSeq() {
        return events.isEmpty() ? 0 : events.lastKey();
    }

    /** The newest journalled event, if any. */
    public synchronized java.util.Optional<SeatEvent> last() {
        return events.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(events.lastEntry().getValue());
    }

    /**
     * Appends and forces the event to disk. If the disk refuses (full, failing card) the event is kept
     * in memory and the failure logged: the seat keeps working and sending, without the guarantee
     * that its seq survives a restart, until the disk takes writes again.
     *
     * @return whether the event is on disk
     */
    public synchronized boolean append(SeatEvent event) {
        if (!events.isEmpty() && event.seq() <= events.lastKey()) {
            throw new IllegalArgumentException("seq " + event.seq() + " is not after " + events.lastKey());
        }
        byte[] line = (new String(codec.encode(event), StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
        boolean durable;
        if (channel == null) {
            openForAppend(); // the disk may take writes again (remounted, cleaned up)
        }
        try {
            if (channel == null) {
                throw new IOException("the journal is not open for writing");
            }
            channel.write(ByteBuffer.wrap(line));
            channel.force(false);
            durable = true;
            if (diskFailing) {
                Logger.info("journal {} writable again", log);
                diskFailing = false;
            }
        } catch (IOException e) {
            durable = false;
            if (!diskFailing) {
                Logger.error("cannot write the event journal {} ({}); events are kept in memory until it can",
                        log, e.getMessage());
                diskFailing = true;
            }
        }
        events.put(event.seq(), event);
        unacked.add(event.seq());
        if (events.size() > MAX_EVENTS) {
            compact();
        }
        return durable;
    }

    /**
     * The floor holds events of this seat up to {@code floorSeq}, beyond this journal (a replaced Pi, a lost
     * data directory): this boot's events at or below it were or would be dropped by the gateway as
     * duplicates, so they are journalled again, unchanged but for their seq, above it.
     *
     * @return the events journalled again, in order, to send
     */
    public synchronized List<SeatEvent> continueAbove(long floorSeq, String boot) {
        List<SeatEvent> again = new ArrayList<>();
        if (floorSeq <= lastSeq()) {
            return again; // not behind
        }
        long next = floorSeq;
        for (SeatEvent event : List.copyOf(events.headMap(floorSeq, true).values())) {
            if (event.boot().equals(boot)) {
                unacked.remove(event.seq());
                again.add(new SeatEvent(event.seat(), event.agent(), event.from(), event.to(), event.reason(),
                        event.help(), event.at(), ++next, event.boot(), event.cause(), event.pending()));
            }
        }
        again.forEach(this::append);
        return again;
    }

    /** The broker acknowledged {@code seq}. */
    public synchronized void acknowledged(long seq) {
        unacked.remove(seq);
    }

    /** Events not yet acknowledged, in seq order. */
    public synchronized List<SeatEvent> unsent() {
        List<SeatEvent> out = new ArrayList<>();
        unacked.forEach(seq -> out.add(events.get(seq)));
        return out;
    }

    /** Journalled events with {@code from ≤ seq ≤ to}, in order, for a {@code replay} command. */
    public synchronized List<SeatEvent> between(long from, long to) {
        return to < from ? List.of() : new ArrayList<>(events.subMap(from, true, to, true).values());
    }

    /** The oldest seq still kept, 0 if none. */
    public synchronized long firstSeq() {
        return events.isEmpty() ? 0 : events.firstKey();
    }

    /** Unsent events dropped because the journal was full, since start. */
    public synchronized long dropped() {
        return dropped;
    }

    /** Writes the acknowledged watermark (no sync: a lost watermark only means harmless resends). */
    public synchronized void saveWatermark() {
        try {
            Path temp = acked.resolveSibling(ACKED + ".tmp");
            long watermark = unacked.isEmpty() ? lastSeq() : unacked.first() - 1;
            Files.writeString(temp, Long.toString(watermark));
            Files.move(temp, acked, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            watermarkFailing = false;
        } catch (IOException e) {
            if (!watermarkFailing) { // once a second otherwise
                Logger.warn("cannot save {}: {}", acked, e.getMessage());
                watermarkFailing = true;
            }
        }
    }

    private void compact() {
        List<Long> sent = events.keySet().stream().filter(seq -> !unacked.contains(seq)).toList();
        for (int i = 0; i < sent.size() - KEEP_SENT; i++) {
            events.remove(sent.get(i));
        }
        while (events.size() > MAX_EVENTS) {
            SeatEvent oldest = events.pollFirstEntry().getValue();
            unacked.remove(oldest.seq());
            dropped++;
            Logger.error("journal full ({} unsent events): dropping unsent event seq {}; the gateway will count a gap",
                    MAX_EVENTS, oldest.seq());
        }
        rewrite();
    }

    private void rewrite() {
        Path temp = log.resolveSibling(LOG + ".tmp");
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            StringBuilder text = new StringBuilder();
            for (SeatEvent event : events.values()) {
                text.append(new String(codec.encode(event), StandardCharsets.UTF_8)).append('\n');
            }
            out.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
            out.force(true);
            if (channel != null) {
                channel.close();
            }
            Files.move(temp, log, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (channel != null) {
                channel = FileChannel.open(log, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            Logger.error("cannot compact the event journal {}: {}", log, e.getMessage());
        }
    }

    public synchronized void close() {
        saveWatermark();
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            Logger.warn("closing {}: {}", log, e.getMessage());
        }
    }
}
