package dev.seatlink.terminal.badge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tinylog.Logger;

/**
 * A USB keyboard-wedge badge reader, read as its Linux input device ({@code badgeReader=evdev:/dev/input/by-id/…
 * -event-kbd}), not from a console: on its own thread, reopening the device every {@value #RETRY_MS} ms while it is
 * unplugged. The service user needs read access to the device (group {@code input}).
 */
public final class KeyboardWedgeReader implements BadgeReader {
    static final long RETRY_MS = 2_000;

    private final Path device;
    private final EvdevKeys keys;
    private volatile boolean running = true;
    private volatile InputStream open;
    private Thread thread;

    public KeyboardWedgeReader(Path device, int eventBytes) {
        this.device = device;
        this.keys = new EvdevKeys(eventBytes);
    }

    @Override
    public void start(BadgeListener listener) {
        thread = new Thread(() -> readForever(listener), "badge-reader");
        thread.setDaemon(true);
        thread.start();
    }

    private void readForever(BadgeListener listener) {
        boolean warned = false;
        while (running) {
            try (InputStream in = Files.newInputStream(device)) {
                open = in;
                Logger.info("badge reader {} open", device);
                warned = false;
                byte[] event = new byte[keys.eventBytes()];
                while (running && in.readNBytes(event, 0, event.length) == event.length) {
                    keys.feed(event).ifPresent(listener::badge);
                }
            } catch (IOException e) {
                if (running && !warned) {
                    Logger.warn("badge reader {} cannot be read ({}); trying again every {} s", device, e.getMessage(),
                            RETRY_MS / 1000);
                    warned = true;
                }
            }
            open = null;
            sleep();
        }
    }

    private void sleep() {
        try {
            Thread.sleep(RETRY_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        InputStream in = open;
        if (in != null) {
            try {
                in.close(); // unblocks the read
            } catch (IOException e) {
                Logger.debug("badge reader close: {}", e.getMessage());
            }
        }
        if (thread != null) {
            thread.interrupt();
        }
    }
}
