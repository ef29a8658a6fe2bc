package dev.seatlink.gateway.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows password guessing: more than {@value #MAX_FAILURES} failed sign-ins within {@value #WINDOW_MS} ms,
 * for one account or from one address, and that account or address is refused (even with the right
 * password) until the oldest failure leaves the window. Memory stays bounded: the newest
 * {@value #MAX_TRACKED} accounts and addresses are remembered. Pure; {@code now} is passed in.
 */
final class SignInGuard {
    static final int MAX_FAILURES = 10;
    static final long WINDOW_MS = 5 * 60_000L;
    static final int MAX_TRACKED = 10_000;

    private final Map<String, Deque<Long>> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    /** How many ms until {@code account} from {@code address} may try again; 0 when it may now. */
    long waitMs(String account, String address, long now) {
        return Math.max(waitMs("account " + account, now), waitMs("address " + address, now));
    }

    private long waitMs(String key, long now) {
        Deque<Long> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        while (!times.isEmpty() && now - times.peekFirst() >= WINDOW_MS) {
            times.pollFirst();
        }
        return times.size() < MAX_FAILURES ? 0 : times.peekFirst() + WINDOW_MS - now;
    }

    void failed(String account, String address, long now) {
        record("account " + account, now);
        record("address " + address, now);
    }

    private void record(String key, long now) {
        Deque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        times.addLast(now);
        while (times.size() > MAX_FAILURES) {
            times.pollFirst();
        }
    }

    /** Accounts and addresses remembered now. */
    int tracked() {
        return failures.size();
    }
}
