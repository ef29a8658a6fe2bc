package dev.seatlink.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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
    void aPortHandedOutIsNotHandedOutAgainWhileItsServerIsDown() {
        // here 2,000 draws from some 22,000 ports: without memory, about 90 of them would repeat one
        int draws = Math.min(2_000, (StablePorts.ephemeralStart() - StablePorts.LOWEST) / 4);
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < draws; i++) {
            assertThat(ports.add(StablePorts.next())).isTrue();
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aPortAnotherProcessChoseIsNotHandedOutHereAndIsFreeAgainOnceThatProcessEnds() throws Exception {
        Process chooser = anotherProcess();
        try {
            int port = Integer.parseInt(firstLine(chooser));

            assertThat(StablePorts.reserve(port)).isFalse();

            chooser.getOutputStream().close();
            assertThat(chooser.waitFor(30, TimeUnit.SECONDS)).isTrue();
            Process next = anotherProcess(String.valueOf(port));
            try {
                assertThat(firstLine(next)).as("the reservation ended with its process").isEqualTo("true");
            } finally {
                next.destroyForcibly();
            }
        } finally {
            chooser.destroyForcibly();
        }
    }

    private static Process anotherProcess(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), HoldsAPort.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String firstLine(Process process) throws IOException {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine()
                .trim();
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
