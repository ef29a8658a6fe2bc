package dev.seatlink.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class StablePortsTest {
    @Test
    void aPortIsFreeAndBelowTheRangeTheKernelHandsOutForAnyFreePortAndOutgoingConnections() throws Exception {
        int below = StablePorts.ephemeralStart();
        for (int i = 0; i < 20; i++) {
            int port = StablePorts.next();
            assertThat(port).isBetween(StablePorts.LOWEST, below - 1);
            try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(server.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void theEphemeralRangeIsReadWhereTheKernelSaysIt() throws Exception {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        Assumptions.assumeTrue(Files.isReadable(range), "no /proc here");
        int start = Integer.parseInt(Files.readAllLines(range).get(0).trim().split("\\s+")[0]);

        assertThat(StablePorts.ephemeralStart()).isEqualTo(Math.max(StablePorts.LOWEST + 1_000, start));
    }

    @Test
    void aPortSomethingListensOnIsNotFree() throws Exception {
        try (ServerSocket taken = new ServerSocket(StablePorts.next(), 1, InetAddress.getLoopbackAddress())) {
            assertThat(StablePorts.isFree(taken.getLocalPort())).isFalse();
        }
    }
}
