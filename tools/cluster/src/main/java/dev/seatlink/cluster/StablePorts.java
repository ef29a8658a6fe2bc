package dev.seatlink.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for servers that stop and start again on the same port (a cluster's nodes, a test's broker):
 * chosen below the kernel's ephemeral range. A port from that range, free while its server is down, can be taken
 * meanwhile by any program's "any free port" or by an outgoing connection's own end, and the server then cannot
 * come back where its clients look.
 */
public final class StablePorts {
    static final int LOWEST = 10_000;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** Linux's default start of the ephemeral range, where the kernel does not say. */
    private static final int DEFAULT_EPHEMERAL_START = 32_768;
    private static final int TRIES = 1_000;

    private StablePorts() {
    }

    /** A loopback port nothing listens on now, below the ephemeral range. */
    public static int next() {
        int below = ephemeralStart();
        for (int i = 0; i < TRIES; i++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
            if (isFree(port)) {
                return port;
            }
        }
        throw new UncheckedIOException(new IOException("no free loopback port between " + LOWEST + " and " + below));
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
