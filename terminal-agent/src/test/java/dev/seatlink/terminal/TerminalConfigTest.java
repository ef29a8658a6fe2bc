package dev.seatlink.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatlink.terminal.hardware.PinMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminalConfigTest {

    private static Properties withSeat() {
        Properties props = TerminalConfig.defaults();
        props.setProperty("seat", "s-014");
        return props;
    }

    @Test
    void theDefaultsMakeAWorkingSimulatedSeat() {
        TerminalConfig config = TerminalConfig.from(withSeat(), "test");

        assertThat(config.clientId()).isEqualTo("hq.f1.s-014");
        assertThat(config.broker()).isEqualTo("tcp://127.0.0.1:1883");
        assertThat(config.parts().pins()).isEqualTo(PinMap.DEFAULT);
        assertThat(config.keepAliveSeconds()).isEqualTo(10);
        assertThat(config.reasons()).containsExactly("break", "lunch", "meeting", "training", "coaching");
        assertThat(config.hardware()).isEqualTo(HardwareMode.AUTO);
    }

    @Test
    void aMissingSeatIsNamed() {
        assertThatThrownBy(() -> TerminalConfig.from(TerminalConfig.defaults(), "/etc/seatlink/terminal.properties"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("/etc/seatlink/terminal.properties: seat is required");
    }

    @Test
    void wrongValuesAreNamedWithTheirKey() {
        Properties props = withSeat();
        props.setProperty("keepAliveSeconds", "ten");
        assertThatThrownBy(() -> TerminalConfig.from(props, "t.properties"))
                .hasMessage("t.properties: keepAliveSeconds 'ten' must be a whole number");

        props.setProperty("keepAliveSeconds", "10");
        props.setProperty("pin.help", "17");
        assertThatThrownBy(() -> TerminalConfig.from(props, "t.properties"))
                .hasMessage("t.properties: pin.*: BCM pin 17 is used twice");

        props.setProperty("pin.help", "23");
        props.setProperty("broker", "http://gw:1883");
        assertThatThrownBy(() -> TerminalConfig.from(props, "t.properties")).hasMessageContaining("tcp:// or ssl://");

        props.setProperty("broker", "tcp://gw:1883");
        props.setProperty("hardware", "fpga");
        assertThatThrownBy(() -> TerminalConfig.from(props, "t.properties"))
                .hasMessage("t.properties: hardware 'fpga' must be auto, gpio or simulated");

        props.setProperty("hardware", "simulated");
        props.setProperty("seat", "gateway-a");
        assertThatThrownBy(() -> TerminalConfig.from(props, "t.properties")).hasMessage("t.properties: seat "
                + "'gateway-a' is the name of a broker login (gateway, gateway-a, gateway-b, monitor, cti), not a seat");
    }

    @Test
    void reasonsAreAListOfIdentifiers() {
        Properties props = withSeat();
        props.setProperty("reasons", "break, lunch ,coaching");
        assertThat(TerminalConfig.from(props, "t").reasons()).isEqualTo(List.of("break", "lunch", "coaching"));

        props.setProperty("reasons", "break,Lunch Break");
        assertThatThrownBy(() -> TerminalConfig.from(props, "t")).hasMessageContaining("'Lunch Break' is not an identifier");
    }

    @Test
    void thePasswordNeverAppearsInItsPrintedForm() {
        Properties props = withSeat();
        props.setProperty("username", "s-014");
        props.setProperty("password", "hunter2");

        assertThat(TerminalConfig.from(props, "t").toString()).doesNotContain("hunter2").contains("s-014");
    }

    @Test
    void aCredentialsFileGivesTheBrokerLogin(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broker.credentials");
        Files.writeString(file, "username=hq.f1.s-014\npassword=secret\n");
        Properties props = TerminalConfig.defaults();
        props.setProperty("seat", "s-014");
        props.setProperty("credentialsFile", file.toString());

        TerminalConfig config = TerminalConfig.from(props, "t.properties");

        assertThat(config.username()).isEqualTo("hq.f1.s-014");
        assertThat(config.password()).isEqualTo("secret");
        props.setProperty("credentialsFile", dir.resolve("missing").toString());
        assertThatThrownBy(() -> TerminalConfig.from(props, "t.properties"))
                .hasMessageContaining("credentialsFile").hasMessageContaining("cannot be read");
    }
}
