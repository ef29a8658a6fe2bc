package dev.seatlink.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for servers that stop and start again on the same port (a cluster's nodes, a test's broker):
 * chosen below the kernel's ephemeral range. A port from that range, free while its server is down, can be taken
 * meanwhile by any program's "any free port" or by an outgoing connection's own end, and the server then cannot
 * come back where its clients look.
 *
 * <p>Below that range only other choosers like this one can take it, so a port handed out stays reserved for as long
 * as the process that chose it lives: never handed out again here, and its byte of {@link #RESERVATIONS} locked
 * against the other processes on this machine that choose the same way (the test JVMs side by side, {@code cluster
 * up}). A lock ends with its process, so a killed test leaves nothing reserved. The bats tests choose below
 * {@link #LOWEST} ({@code tools/test/helpers.bash}), so the two kinds of chooser never meet.
 */
public final class StablePorts {
    static final int LOWEST = 10_000;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** Linux's default start of the ephemeral range, where the kernel does not say. */
    private static final int DEFAULT_EPHEMERAL_START = 32_768;
    private static final int TRIES = 1_000;
    /** Byte {@code port} of this file is locked while the process that chose that port lives. */
    static final Path RESERVATIONS = Path.of(System.getProperty("java.io.tmpdir"), "seatlink-ports.lock");
    /** Every port this process handed out: read before the bind test, whose probe must not meet a node restarting. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
    /**
     * The one channel all of this process's locks are taken through: closing any channel to a file drops every lock
     * the process holds on it. The locks themselves are held, not read: an unreachable one could be released.
     */
    private static FileChannel reservations;
    private static final List<FileLock> LOCKS = new ArrayList<>(); // only under the class's lock (reserve)

    private StablePorts() {
    }

    /** A loopback port nothing listens on now, below the ephemeral range, that no chooser like this one holds. */
    public static int next() {
        int below = ephemeralStart();
        for (int i = 0; i < TRIES; i++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
            if (!HANDED_OUT.contains(port) && isFree(port) && reserve(port)) {
                return port;
            }
        }
        throw new UncheckedIOException(new IOException("no free loopback port between " + LOWEST + " and " + below));
    }

    /**
     * Reserves {@code port} for this process; false when this or another process holds it. Where the reservations
     * cannot be kept (no writable temporary folder) only this process's own choices are known.
     */
    static synchronized boolean reserve(int port) {
        if (!HANDED_OUT.add(port)) {
            return false;
        }
        try {
            if (reservations == null) {
                reservations = FileChannel.open(RESERVATIONS, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            }
            FileLock lock = reservations.tryLock(port, 1, false);
            if (lock == null) {
                return false; // another process holds it; remembered here as handed out, not to be asked again
            }
            LOCKS.add(lock);
            return true;
        } catch (IOException e) {
            return true;
        }
    }

    /** Where the kernel's ephemeral ports begin (at least {@link #LOWEST} + 1,000 apart from it). */
    static int ephemeralStart() {
        try {
            // by lines: Files.readString trusts the size /proc reports and read "3" of "32768\t60999"
            String[] range = String.join(" ", Files.readAllLines(EPHEMERAL_RANGE)).trim().split("\\s+");
            return Math.max(LOWEST + 1_000, Integer.parseInt(range[0]));
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL_START;
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
