package dev.seatlink.terminal.uplink;

import static org.awaitility.Awaitility.await;

import dev.seatlink.terminal.TerminalAgent;
import dev.seatlink.terminal.TerminalConfig;
import dev.seatlink.terminal.display.Display;
import dev.seatlink.terminal.seat.FakeClock;
import dev.seatlink.terminal.simulate.SimulatedHardware;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker address that takes the seat's connection and never answers it (a stuck broker, or another program on
 * that port): the seat drops the attempt after 1.5 × its keepalive and tries again, instead of waiting in
 * "connecting" until the connection breaks.
 */
class UnansweredConnectTest {
    @TempDir
    Path dir;

    private final List<Socket> taken = new CopyOnWriteArrayList<>();
    private ServerSocket silent;
    private TerminalAgent agent;

    @AfterEach
    void stop() throws IOException {
        if (agent != null) {
            agent.close();
        }
        silent.close();
        for (Socket socket : taken) {
            socket.close();
        }
    }

    @Test
    void aConnectionTheBrokerNeverAnswersIsDroppedAndTriedAgain() throws Exception {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    taken.add(silent.accept()); // held open, never a byte back
                }
            } catch (IOException closed) {
                // the test is over
            }
        }, "silent-broker");
        acceptor.setDaemon(true);
        acceptor.start();
        Properties props = TerminalConfig.defaults();
        props.setProperty("seat", "s-014");
        props.setProperty("broker", "tcp://127.0.0.1:" + silent.getLocalPort());
        props.setProperty("dataDir", dir.toString());
        props.setProperty("keepAliveSeconds", "2"); // an answer is waited for 3 s

        agent = new SimulatedHardware().newAgent(TerminalConfig.from(props, "test"), new FakeClock(1_763_900_001_000L),
                Display.NONE);
        agent.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> taken.size() >= 2);
    }
}
