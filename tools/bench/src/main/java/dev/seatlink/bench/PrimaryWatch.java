package dev.seatlink.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Asks every gateway of every floor its role (its {@code /health}) every {@link #PERIOD_MS} ms for the whole run
 * and adds up, per floor, the time it had two primaries at once and the time it had none (from its first primary
 * on): the pair's lease must never give the first, and only a failover the second. A gateway that does not answer
 * leaves that round out for its floor; a dead one counts as not primary.
 */
final class PrimaryWatch implements AutoCloseable {
    static final long PERIOD_MS = 250;

    /** How a gateway's role is read: "primary", "standby", "dead", or null when it did not answer. */
    interface Roles {
        String of(int gateway);
    }

    private static final class Floor {
        final List<Integer> gateways;
        boolean hadPrimary;
        long twoMs;
        long noneMs;
        long longestNoneMs;
        long noneRunMs;

        Floor(List<Integer> gateways) {
            this.gateways = gateways;
        }
    }

    private final Map<String, Floor> floors = new LinkedHashMap<>();
    private final Roles roles;
    private final Thread thread;
    private volatile boolean running = true;
    private long failures;

    /** @param gatewaysByFloor per floor, the indexes its gateways have for {@code roles} */
    PrimaryWatch(Map<String, List<Integer>> gatewaysByFloor, Roles roles) {
        gatewaysByFloor.forEach((floor, gateways) -> floors.put(floor, new Floor(gateways)));
        this.roles = roles;
        this.thread = new Thread(this::watch, "primary-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        long last = System.nanoTime();
        while (running) {
            try {
                TimeUnit.MILLISECONDS.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            long elapsed = TimeUnit.NANOSECONDS.toMillis(now - last);
            last = now;
            synchronized (this) {
                try {
                    floors.values().forEach(floor -> sample(floor, elapsed));
                } catch (RuntimeException e) {
                    failures++; // one round lost, not the watch
                }
            }
        }
    }

    private void sample(Floor floor, long elapsedMs) {
        int primaries = 0;
        for (int gateway : floor.gateways) {
            String role = roles.of(gateway);
            if (role == null) {
                return;
            }
            primaries += "primary".equals(role) ? 1 : 0;
        }
        if (primaries > 1) {
            floor.twoMs += elapsedMs;
        }
        if (primaries == 0 && floor.hadPrimary) {
            floor.noneMs += elapsedMs;
            floor.noneRunMs += elapsedMs;
            floor.longestNoneMs = Math.max(floor.longestNoneMs, floor.noneRunMs);
        } else {
            floor.noneRunMs = 0;
        }
        floor.hadPrimary |= primaries > 0;
    }

    /** Per floor "two primaries X s, none Y s (longest Z s)", the floors with any first. */
    synchronized String summary() {
        StringBuilder text = new StringBuilder();
        long two = 0;
        for (Map.Entry<String, Floor> entry : floors.entrySet()) {
            Floor floor = entry.getValue();
            two += floor.twoMs;
            text.append(text.isEmpty() ? "" : "; ").append(entry.getKey()).append(String.format(
                    " two %.1f s, none %.1f s (longest %.1f s)", floor.twoMs / 1e3, floor.noneMs / 1e3,
                    floor.longestNoneMs / 1e3));
        }
        return String.format("%.1f s in all — ", two / 1e3) + text + (failures == 0 ? ""
                : String.format(" (%d rounds not read)", failures));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
    }
}
