package dev.seatlink.terminal.badge;

import org.tinylog.Logger;

/**
 * Polls an {@link Mfrc522} every {@value #POLL_MS} ms on its own thread; a card held on the reader counts once
 * ({@link CardPresence}).
 */
public final class Mfrc522Reader implements BadgeReader {
    static final long POLL_MS = 250;

    private final Mfrc522 chip;
    private volatile boolean running = true;
    private Thread thread;

    public Mfrc522Reader(Mfrc522 chip) {
        this.chip = chip;
    }

    @Override
    public void start(BadgeListener listener) {
        thread = new Thread(() -> poll(listener), "badge-reader");
        thread.setDaemon(true);
        thread.start();
    }

    private void poll(BadgeListener listener) {
        CardPresence presence = new CardPresence();
        try {
            Logger.info("MFRC522 reader, version register 0x{}", Integer.toHexString(chip.init()));
            while (running) {
                presence.poll(chip.readCard()).ifPresent(listener::badge);
                Thread.sleep(POLL_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            Logger.error(e, "the MFRC522 badge reader stopped: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
