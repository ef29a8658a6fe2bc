package dev.seatlink.gateway.testing;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of Vert.x's blocked-thread warnings, with the stack of the held thread as the checker saw it, and whether
 * it fails a test.
 *
 * <p>A loop held by a call that waits — sleep, a lock, a file, a socket, a process or SQLite — fails at the suite's
 * tight limit: that handler is wrong whatever the machine's load. Anything else may be computing too long, or only
 * waiting for a core or the disk: on two cores, with two test JVMs, loops have been seen held 534 ms in Netty's
 * buffer allocator, 542 ms in a write to a non-blocking socket and 630 ms linking a string concatenation while a
 * verticle started. Such a warning fails only once the loop was held {@value #COMPUTING_LIMIT_MS} ms, Vert.x's own
 * limit, so the guard does not race the machine's other work.
 */
public record BlockedLoop(String thread, long heldMs, long limitMs, List<StackTraceElement> stack) {
    /** How long a loop may be held in Java code before the test fails, whatever it was computing. */
    public static final long COMPUTING_LIMIT_MS = 2_000;
    private static final Pattern WARNING =
            Pattern.compile("Thread (\\S+) has been blocked for (\\d+) ms, time limit is (\\d+) ms");
    /** The frames kept for the report: enough to name the handler under Vert.x's and Netty's own. */
    private static final int SHOWN_FRAMES = 25;

    public BlockedLoop {
        stack = List.copyOf(stack);
    }

    /** The warning in a log message, when it is one; {@code stack} is the exception Vert.x logs with it, if any. */
    public static Optional<BlockedLoop> of(String message, Throwable stack) {
        Matcher matcher = message == null ? null : WARNING.matcher(message);
        if (matcher == null || !matcher.find()) {
            return Optional.empty();
        }
        List<StackTraceElement> frames = stack == null ? List.of() : List.of(stack.getStackTrace());
        return Optional.of(new BlockedLoop(matcher.group(1), Long.parseLong(matcher.group(2)),
                Long.parseLong(matcher.group(3)), frames));
    }

    /**
     * Whether the thread was in a call that waits: a native method of the threads', files', sockets', processes' or
     * SQLite's on top of its stack, called by the handler itself — not by Netty's channels, which never block, and
     * not while the JVM loads or defines a class or reads one's members (a class's first use reads its jar, Jackson
     * reads a type's methods and annotations on its first serialization, and Vert.x registers its flight-recorder
     * events on a connection's first write: once per JVM, slow only when the disk and cores are busy).
     */
    public boolean waiting() {
        return !stack.isEmpty() && waits(stack.get(0)) && !calledByNetty()
                && stack.stream().noneMatch(BlockedLoop::warmingUp);
    }

    private static boolean waits(StackTraceElement top) {
        if (!top.isNativeMethod()) {
            return false;
        }
        String type = top.getClassName();
        String method = top.getMethodName();
        return type.equals("java.lang.Thread") && (method.startsWith("sleep") || method.equals("yield"))
                || type.equals("java.lang.Object") && method.startsWith("wait")
                || type.endsWith(".Unsafe") && method.equals("park")
                || type.startsWith("java.io.") || type.startsWith("java.net.")
                || type.startsWith("sun.nio.ch.") || type.startsWith("sun.nio.fs.")
                || type.startsWith("java.lang.Process") || type.startsWith("org.sqlite.");
    }

    /**
     * Whether the first frame outside the JDK is Netty's channel code: its socket writes and selector wake-ups never
     * block. Not Netty's futures: awaiting another loop's promise does.
     */
    private boolean calledByNetty() {
        return stack.stream().map(StackTraceElement::getClassName).filter(type -> !insideTheJdk(type))
                .findFirst().filter(type -> type.startsWith("io.netty.channel.")).isPresent();
    }

    private static boolean insideTheJdk(String type) {
        return type.startsWith("java.") || type.startsWith("javax.") || type.startsWith("sun.")
                || type.startsWith("jdk.");
    }

    private static boolean warmingUp(StackTraceElement frame) {
        String type = frame.getClassName();
        return type.equals("java.lang.ClassLoader") || type.equals("java.lang.Class")
                || type.startsWith("jdk.internal.loader.") || type.startsWith("jdk.internal.reflect.")
                || type.startsWith("sun.reflect.") || type.startsWith("jdk.jfr.internal.");
    }

    /** Whether the test during which this was logged fails. */
    public boolean fails() {
        return waiting() || heldMs >= Math.max(limitMs, COMPUTING_LIMIT_MS);
    }

    @Override
    public String toString() {
        String where = stack.stream().map(String::valueOf).filter(frame -> !frame.contains("io.netty."))
                .limit(SHOWN_FRAMES).reduce((a, b) -> a + " <- " + b).orElse("");
        return thread + " held " + heldMs + " ms (limit " + limitMs + " ms"
                + (waiting() ? ", waiting" : ", in Java code") + ") at " + where;
    }
}
