package dev.seatlink.gateway.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.gateway.testing.FreePorts;
import io.moquette.broker.Server;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBrokerStopTest {
    @TempDir
    Path dir;

    @Test
    void askedForPortZeroItListensOnAFreePortAndSaysWhich() {
        try (EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", 0, dir)) {
            int port = Integer.parseInt(broker.url().substring(broker.url().lastIndexOf(':') + 1));

            assertThat(port).isPositive();
            assertThat(refused(port)).isFalse();
        }
    }

    @Test
    void moquettesLoopsAreFoundSoAStopNeedNotWaitOutNettysQuietPeriod() throws Exception {
        EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", 0, dir);
        Server server = serverOf(broker);

        assertThat(EmbeddedBroker.stopLoopsAtOnce(server)).isTrue();
        broker.close();
    }

    @Test
    void aStoppedBrokerNoLongerTakesConnectionsAndItsDataOpensAgain() throws Exception {
        int port = FreePorts.next();
        EmbeddedBroker.start("127.0.0.1", port, dir).close();

        assertThat(refused(port)).isTrue();
        try (EmbeddedBroker again = EmbeddedBroker.start("127.0.0.1", port, dir)) {
            assertThat(refused(port)).isFalse();
        }
    }

    @Test
    void aServerThatNeverStartedIsStoppedTheSlowWay() {
        assertThat(EmbeddedBroker.stopLoopsAtOnce(new Server())).isFalse();
    }

    private static boolean refused(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return false;
        } catch (java.io.IOException e) {
            return true;
        }
    }

    private static Server serverOf(EmbeddedBroker broker) throws ReflectiveOperationException {
        var field = EmbeddedBroker.class.getDeclaredField("server");
        field.setAccessible(true);
        return (Server) field.get(broker);
    }
}
