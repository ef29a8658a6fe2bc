package dev.seatlink.terminal.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.terminal.TerminalConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** hardware-docs/wiring.md is exactly the code's default pins, on the right header pins. */
class WiringDocTest {
    private static final Path WIRING = Path.of("../hardware-docs/wiring.md");

    /** BCM number → physical pin on the 40-pin header. */
    private static final Map<Integer, Integer> HEADER = Map.ofEntries(Map.entry(2, 3), Map.entry(3, 5), Map.entry(4, 7),
            Map.entry(17, 11), Map.entry(27, 13), Map.entry(22, 15), Map.entry(10, 19), Map.entry(9, 21),
            Map.entry(11, 23), Map.entry(5, 29), Map.entry(6, 31), Map.entry(13, 33), Map.entry(19, 35),
            Map.entry(26, 37), Map.entry(14, 8), Map.entry(15, 10), Map.entry(18, 12), Map.entry(23, 16),
            Map.entry(24, 18), Map.entry(25, 22), Map.entry(8, 24), Map.entry(7, 26), Map.entry(12, 32),
            Map.entry(16, 36), Map.entry(20, 38), Map.entry(21, 40));

    private record Row(String part, String key, String bcm, String header) {
    }

    private static Map<String, Row> rowsByKey() throws Exception {
        Map<String, Row> rows = new HashMap<>();
        for (String line : Files.readAllLines(WIRING)) {
            if (!line.startsWith("| ") || !line.contains("`pin.")) {
                continue;
            }
            List<String> cells = List.of(line.split("\\|")).stream().map(String::trim).toList();
            String key = cells.get(2).replace("`", "");
            rows.put(key, new Row(cells.get(1), key, cells.get(3), cells.get(4)));
        }
        return rows;
    }

    @Test
    void everyPinKeyIsInTheTableWithItsDefault() throws Exception {
        Map<String, Row> rows = rowsByKey();
        Properties defaults = TerminalConfig.defaults();

        defaults.stringPropertyNames().stream().filter(key -> key.startsWith("pin.")).forEach(key -> {
            assertThat(rows).as("wiring.md has a row for %s", key).containsKey(key);
            String value = defaults.getProperty(key);
            assertThat(rows.get(key).bcm()).as("BCM of %s", key).isEqualTo(value.isEmpty() ? "none" : value);
        });
        assertThat(rows.keySet()).allSatisfy(key -> assertThat(defaults).containsKey(key));
    }

    @Test
    void headerPinsMatchTheBcmNumbers() throws Exception {
        for (Row row : rowsByKey().values()) {
            if (!row.bcm().equals("none")) {
                assertThat(row.header()).as("header pin of %s", row.part())
                        .isEqualTo(String.valueOf(HEADER.get(Integer.parseInt(row.bcm()))));
            }
        }
    }

    @Test
    void theDefaultPinMapIsWhatTheDocumentedDefaultsBuild() {
        Properties props = TerminalConfig.defaults();
        props.setProperty("seat", "s-1");

        assertThat(TerminalConfig.from(props, "defaults").parts().pins()).isEqualTo(PinMap.DEFAULT);
    }
}
