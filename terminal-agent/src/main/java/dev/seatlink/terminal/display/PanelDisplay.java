package dev.seatlink.terminal.display;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.tinylog.Logger;

/**
 * Drives a {@link TextPanel} from its own thread, so a slow I2C bus never delays a button or the
 * light: {@link #show} only stores the latest screen; the panel is redrawn at most
 * {@link #FRAMES_PER_SECOND} times a second, and only when its text changed.
 *
 * <p>A panel that stops answering (unplugged, loose wire) is logged once and tried again every
 * {@link #RETRY_MS}; the seat keeps working meanwhile, and the panel is redrawn whole when it is back.
 */
public final class PanelDisplay implements Display {
    static final int FRAMES_PER_SECOND = 4;
    static final long RETRY_MS = 5_000;

    private final TextPanel panel;
    private final ScreenLayout layout;
    private final LongSupplier clock;
    private final AtomicReference<Screen> latest = new AtomicReference<>();
    private ScheduledExecutorService thread;
    private List<String> drawn;
    private boolean working;
    private long retryAt;

    /** A display whose frames a test drives with {@link #frame()}. */
    PanelDisplay(TextPanel panel, LongSupplier clock) {
        this.panel = panel;
        this.layout = new ScreenLayout(panel.columns(), panel.rows());
        this.clock = clock;
    }

    /** A display redrawing itself on its own thread. */
    public static PanelDisplay start(TextPanel panel, LongSupplier clock) {
        PanelDisplay display = new PanelDisplay(panel, clock);
        display.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "display");
            t.setDaemon(true);
            return t;
        });
        display.thread.scheduleAtFixedRate(display::frame, 0, 1000 / FRAMES_PER_SECOND, TimeUnit.MILLISECONDS);
        return display;
    }

    @Override
    public void show(Screen screen) {
        latest.set(screen);
    }

    /** One frame: draws the latest screen if its text changed. */
    synchronized void frame() {
        Screen screen = latest.get();
        if (screen == null) {
            return;
        }
        List<String> lines = layout.lines(screen);
        try {
            if (!working) {
                if (clock.getAsLong() < retryAt) {
                    return;
                }
                panel.init();
                drawn = null;
                working = true;
                if (retryAt > 0) {
                    Logger.info("{} is back", panel.describe());
                }
            }
            if (!lines.equals(drawn)) {
                panel.show(lines);
                drawn = lines;
            }
        } catch (RuntimeException e) {
            if (working || retryAt == 0) {
                Logger.warn("{} does not answer ({}); the seat works on without it, retrying every {} s",
                        panel.describe(), e.getMessage(), RETRY_MS / 1000);
            }
            working = false;
            retryAt = clock.getAsLong() + RETRY_MS;
        }
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.shutdownNow();
        }
    }
}
