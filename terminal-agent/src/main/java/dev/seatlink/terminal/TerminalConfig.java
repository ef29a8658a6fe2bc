package dev.seatlink.terminal;

import dev.seatlink.protocol.Ids;
import dev.seatlink.terminal.hardware.PinMap;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;

/**
 * Everything the terminal is told, loaded once at start from {@code terminal.properties} and
 * command-line overrides. Keys and defaults:
 *
 * <pre>
 * site=hq                      site id
 * floor=f1                     floor id
 * seat=                        this seat's id (required)
 * broker=tcp://127.0.0.1:1883  MQTT broker URL (tcp:// or ssl://)
 * username= / password=        broker credentials (anonymous when unset)
 * dataDir=./data/terminal      where seat-state.json lives (/var/lib/seatlink on a Pi)
 * hardware=auto                auto | gpio | simulated
 * keepAliveSeconds=10          seat shows offline 1.5 × this after it falls silent
 * reasons=break,lunch,meeting,training,coaching   not-ready reasons until the gateway's config arrives
 * wrapUpSeconds=30             wrap-up length until the gateway's config arrives
 * pin.ready=17 pin.notReady=27 pin.busy=22 pin.help=23 pin.red=5 pin.green=6 pin.blue=13   BCM numbers
 * </pre>
 */
public record TerminalConfig(String site, String floor, String seat, String broker, String username,
                             String password, Path dataDir, HardwareMode hardware, PinMap pins,
                             int keepAliveSeconds, List<String> reasons, int wrapUpSeconds) {

    /** The defaults above, as properties. */
    public static Properties defaults() {
        Properties p = new Properties();
        p.setProperty("site", "hq");
        p.setProperty("floor", "f1");
        p.setProperty("broker", "tcp://127.0.0.1:1883");
        p.setProperty("dataDir", "./data/terminal");
        p.setProperty("hardware", "auto");
        p.setProperty("keepAliveSeconds", "10");
        p.setProperty("reasons", "break,lunch,meeting,training,coaching");
        p.setProperty("wrapUpSeconds", "30");
        PinMap pins = PinMap.DEFAULT;
        p.setProperty("pin.ready", String.valueOf(pins.ready()));
        p.setProperty("pin.notReady", String.valueOf(pins.notReady()));
        p.setProperty("pin.busy", String.valueOf(pins.busy()));
        p.setProperty("pin.help", String.valueOf(pins.help()));
        p.setProperty("pin.red", String.valueOf(pins.red()));
        p.setProperty("pin.green", String.valueOf(pins.green()));
        p.setProperty("pin.blue", String.valueOf(pins.blue()));
        return p;
    }

    /**
     * Reads and checks every key.
     *
     * @param source names the file (or "command line") in error messages
     * @throws ConfigException naming the source, key and rule
     */
    public static TerminalConfig from(Properties props, String source) {
        Reader r = new Reader(props, source);
        PinMap pins;
        try {
            pins = new PinMap(r.integer("pin.ready", 0, 27), r.integer("pin.notReady", 0, 27),
                    r.integer("pin.busy", 0, 27), r.integer("pin.help", 0, 27), r.integer("pin.red", 0, 27),
                    r.integer("pin.green", 0, 27), r.integer("pin.blue", 0, 27));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source + ": pin.*: " + e.getMessage());
        }
        String broker = r.required("broker");
        if (!broker.startsWith("tcp://") && !broker.startsWith("ssl://")) {
            throw new ConfigException(source + ": broker '" + broker + "' must start with tcp:// or ssl://");
        }
        List<String> reasons = Arrays.stream(r.required("reasons").split(",")).map(String::trim).toList();
        reasons.forEach(reason -> r.check(Ids.isValid(reason), "reasons", "'" + reason + "' is not an identifier"));
        return new TerminalConfig(r.id("site"), r.id("floor"), r.id("seat"), broker, r.optional("username"),
                r.optional("password"), Path.of(r.required("dataDir")),
                r.parsed("hardware", v -> HardwareMode.valueOf(v.toUpperCase(Locale.ROOT)), "auto, gpio or simulated"),
                pins, r.integer("keepAliveSeconds", 2, 300), reasons, r.integer("wrapUpSeconds", 0, 3600));
    }

    /** {@code {site}.{floor}.{seat}}: the MQTT client id, unique on the broker. */
    public String clientId() {
        return site + "." + floor + "." + seat;
    }

    @Override
    public String toString() {
        return "TerminalConfig[" + clientId() + " broker=" + broker + " user=" + username + " dataDir=" + dataDir
                + " hardware=" + hardware + " " + pins + "]";
    }

    private record Reader(Properties props, String source) {
        String optional(String key) {
            String value = props.getProperty(key);
            return value == null || value.isBlank() ? null : value.trim();
        }

        String required(String key) {
            String value = optional(key);
            check(value != null, key, "is required");
            return value;
        }

        String id(String key) {
            String value = required(key);
            check(Ids.isValid(value), key, "'" + value + "' is not an identifier ([a-z0-9][a-z0-9-]{0,31})");
            return value;
        }

        int integer(String key, int min, int max) {
            int value = parsed(key, Integer::parseInt, "a whole number");
            check(value >= min && value <= max, key, value + " is outside " + min + "-" + max);
            return value;
        }

        <T> T parsed(String key, Function<String, T> parser, String expected) {
            String value = required(key);
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(source + ": " + key + " '" + value + "' must be " + expected);
            }
        }

        void check(boolean ok, String key, String problem) {
            if (!ok) {
                throw new ConfigException(source + ": " + key + " " + problem);
            }
        }
    }
}
