package dev.seatlink.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every option is checked before anything starts; a wrong one stops the gateway with its rule. */
class GatewayConfigTest {
    @TempDir
    Path dir;

    @Test
    void theDefaultsAreValid() {
        assertThat(GatewayConfig.defaults().store().retentionDays()).isEqualTo(GatewayConfig.DEFAULT_RETENTION_DAYS);
    }

    @Test
    void aRetentionThatWouldDeleteEverythingIsRefusedNamingTheOptionAndTheRule() {
        assertThatThrownBy(() -> GatewayConfig.builder().retentionDays(0).build())
                .isInstanceOf(GatewayConfigException.class).hasMessageStartingWith("--retention-days must be 1-3650 (was 0)");
        assertThatThrownBy(() -> GatewayConfig.builder().retentionDays(-5).build())
                .hasMessageStartingWith("--retention-days must be 1-3650 (was -5)");
        assertThatThrownBy(() -> GatewayConfig.builder().httpPort(70_000).build())
                .hasMessage("--http-port must be 0-65535 (was 70000)");
        assertThatThrownBy(() -> GatewayConfig.builder().reorderTimeoutMs(5).build())
                .hasMessageStartingWith("--reorder-timeout-ms must be 100-60000 (was 5)");
        assertThatThrownBy(() -> GatewayConfig.builder().commandTimeoutS(0).build())
                .hasMessageStartingWith("--command-timeout-seconds must be 1-300 (was 0)");
        assertThatThrownBy(() -> GatewayConfig.builder().keepAliveSeconds(0).build())
                .hasMessageStartingWith("--keepalive-seconds must be 2-300 (was 0)");
        assertThatThrownBy(() -> GatewayConfig.builder().keepAliveSeconds(86_400).build())
                .hasMessageStartingWith("--keepalive-seconds must be 2-300 (was 86400)");
    }

    @Test
    void aPairOnSeveralClusterNodesMustKeepItsLeaseInTheClustersStore() {
        String nodes = "tcp://127.0.0.1:1883,tcp://127.0.0.1:1884";
        assertThatThrownBy(() -> GatewayConfig.builder().brokerUrl(nodes).instance("a").build())
                .hasMessageStartingWith("a pair on a cluster keeps its lease in the cluster's store: give its nodes with --nats");
        assertThat(GatewayConfig.builder().brokerUrl(nodes).instance("a").natsServers(List.of("nats://127.0.0.1:4222"))
                .build().link().natsServers()).containsExactly("nats://127.0.0.1:4222");
        assertThat(GatewayConfig.builder().brokerUrl("tcp://127.0.0.1:1883").instance("a").build().link().natsServers())
                .as("a pair on one broker keeps it on the retained topic").isEmpty();
        assertThatThrownBy(() -> GatewayConfig.builder().brokerUrl(nodes).natsServers(List.of("nats://127.0.0.1:4222"))
                .build()).hasMessage("--nats is where a floor's pair keeps its lease: it goes with --instance");
        assertThatThrownBy(() -> GatewayConfig.builder().brokerUrl(nodes).instance("a")
                .natsServers(List.of("127.0.0.1:4222")).build())
                .hasMessageStartingWith("--nats takes the nodes' nats://HOST:PORT client URLs");
    }

    @Test
    void contradictoryOptionsAreRefused() {
        assertThatThrownBy(() -> GatewayConfig.defaults().with(8080, "tcp://127.0.0.1:1883", 1883, dir)
                .withEmbeddedAuth(dir)).hasMessageStartingWith("--embedded-auth is for the embedded broker");
        assertThatThrownBy(() -> GatewayConfig.defaults().with(8080, "mqtt.example:1883", 1883, dir))
                .hasMessageStartingWith("--broker: 'mqtt.example:1883' must start with tcp:// or ssl://");
        assertThatThrownBy(() -> GatewayConfig.defaults().withLogin(null, null, dir.resolve("ca.pem")))
                .hasMessage("--tls-ca-file is for an ssl:// --broker");
        assertThatThrownBy(() -> GatewayConfig.builder().login(null, "secret").build())
                .hasMessage("a broker password needs --username");
    }

    @Test
    void theCommandLineExits2WithOneLineAndTouchesNothing() {
        StringWriter err = new StringWriter();
        Path data = dir.resolve("data");

        int exit = GatewayMain.commandLine().setErr(new PrintWriter(err))
                .execute("--retention-days", "0", "--data-dir", data.toString());

        assertThat(exit).isEqualTo(GatewayMain.EXIT_CONFIG);
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("gateway: --retention-days must be 1-3650 (was 0)");
        assertThat(Files.exists(data)).isFalse();
    }

    /**
     * A data directory that cannot hold the store (here a file; a read-only disk alike): one line that says why, not
     * the Java class of the error that carried it.
     */
    @Test
    void aStoreThatCannotBeOpenedExits3WithOneLine() throws Exception {
        StringWriter err = new StringWriter();
        Path notAFolder = Files.writeString(dir.resolve("data"), "");

        int exit = GatewayMain.commandLine().setErr(new PrintWriter(err))
                .execute("--data-dir", notAFolder.toString(), "--http-port", "0", "--mqtt-port", "0");

        assertThat(exit).isEqualTo(GatewayMain.EXIT_START);
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("gateway: cannot open the event store " + notAFolder.resolve("events.db"))
                .doesNotContain("java.io");
    }

    @Test
    void anMqttPortTakenByAnotherProgramExits3WithOneLine() throws Exception {
        StringWriter err = new StringWriter();
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int exit = GatewayMain.commandLine().setErr(new PrintWriter(err)).execute("--data-dir",
                    dir.resolve("data").toString(), "--http-port", "0", "--mqtt-port", "" + taken.getLocalPort());

            assertThat(exit).isEqualTo(GatewayMain.EXIT_START);
            assertThat(err.toString().lines()).singleElement().asString().startsWith("gateway: cannot start the "
                    + "embedded MQTT broker on 127.0.0.1:" + taken.getLocalPort() + ": ").contains("in use");
        }
    }

    @Test
    void credentialsThatCannotBeWrittenAreOneLineNamingTheCommand() throws Exception {
        StringWriter err = new StringWriter();
        Path notAFolder = Files.writeString(dir.resolve("secrets"), "");

        int exit = GatewayMain.commandLine().setErr(new PrintWriter(err))
                .execute("credentials", "--out", notAFolder.toString());

        assertThat(exit).isEqualTo(GatewayMain.EXIT_START);
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("gateway credentials: cannot write the credentials in " + notAFolder)
                .endsWith("--out must be a folder this user may write");
    }
}
