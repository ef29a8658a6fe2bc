package dev.seatlink.terminal;

import dev.seatlink.link.BrokerList;
import dev.seatlink.link.Credentials;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.ClientId;
import dev.seatlink.protocol.Ids;
import dev.seatlink.terminal.badge.BadgeReaderSpec;
import dev.seatlink.terminal.display.DisplayKind;
import dev.seatlink.terminal.hardware.Buttons;
import dev.seatlink.terminal.hardware.Colour;
import dev.seatlink.terminal.hardware.LightPattern;
import dev.seatlink.terminal.hardware.LightType;
import dev.seatlink.terminal.hardware.PinMap;
import dev.seatlink.terminal.hardware.SeatHardware;
import dev.seatlink.terminal.seat.Gestures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * Everything the terminal is told, loaded once at start from {@code terminal.properties} and
 * command-line overrides; every key and default is listed in {@link #defaults()} and in the module
 * README. Errors name the file, the key and the rule.
 */
public record TerminalConfig(String site, String floor, String seat, String broker, String username,
                             String password, Path tlsCaFile, Path dataDir, HardwareMode hardware, SeatHardware parts,
                             int keepAliveSeconds, int linkCheckSeconds, List<String> reasons, int wrapUpSeconds,
                             Gestures.Timing gestures) {

    private static final Map<AgentState, String> LIGHT_KEYS = Map.of(AgentState.READY, "light.ready",
            AgentState.NOT_READY, "light.notReady", AgentState.BUSY, "light.busy", AgentState.WRAP_UP, "light.wrapUp",
            AgentState.LOGGED_OUT, "light.loggedOut");

    /** Every key with its default. */
    public static Properties defaults() {
        Properties p = new Properties();
        p.setProperty("site", "hq");                       // site id
        p.setProperty("floor", "f1");                      // floor id
        p.setProperty("broker", "tcp://127.0.0.1:1883");   // MQTT broker URL
        p.setProperty("tls.caFile", "");                   // PEM CA to trust for ssl:// (empty = the JVM's CAs)
        p.setProperty("dataDir", "./data/terminal");       // where seat-state.json lives
        p.setProperty("hardware", "auto");                 // auto | gpio | simulated
        p.setProperty("keepAliveSeconds", "10");           // offline shows 1.5 x this after silence
        p.setProperty("linkCheckSeconds", "60");           // a quiet subscription is probed after this
        p.setProperty("reasons", "break,lunch,meeting,training,coaching"); // until the gateway's config arrives
        p.setProperty("wrapUpSeconds", "30");              // until the gateway's config arrives
        PinMap pins = PinMap.DEFAULT;
        p.setProperty("pin.ready", String.valueOf(pins.ready()));
        p.setProperty("pin.notReady", String.valueOf(pins.notReady()));
        p.setProperty("pin.busy", String.valueOf(pins.busy()));
        p.setProperty("pin.help", String.valueOf(pins.help()));
        p.setProperty("pin.red", String.valueOf(pins.red()));
        p.setProperty("pin.green", String.valueOf(pins.green()));
        p.setProperty("pin.blue", String.valueOf(pins.blue()));
        p.setProperty("pin.headset", String.valueOf(pins.headset())); // empty = no jack switch
        p.setProperty("pin.buzzer", "");                   // empty = no buzzer
        p.setProperty("buttons.debounceMs", String.valueOf(Buttons.DEFAULT_DEBOUNCE_MS));
        p.setProperty("buttons.longPressMs", String.valueOf(Gestures.Timing.DEFAULT.longPressMs()));
        p.setProperty("buttons.logoutHoldMs", String.valueOf(Gestures.Timing.DEFAULT.logoutHoldMs()));
        p.setProperty("buttons.pickerConfirmMs", String.valueOf(Gestures.Timing.DEFAULT.pickerConfirmMs()));
        p.setProperty("light.type", "rgb");                // rgb | discrete
        LIGHT_KEYS.forEach((state, key) ->
                p.setProperty(key, LightPattern.DEFAULT_COLOURS.get(state).name().toLowerCase(Locale.ROOT)));
        p.setProperty("light.notReadyLimitSeconds", "900"); // not ready longer than this double-blinks
        p.setProperty("headset.sense", "true");            // pulling the headset while READY -> NOT_READY
        p.setProperty("display", "auto");                  // auto | none | console | lcd1602 | lcd2004 | ssd1306
        p.setProperty("display.i2cBus", "1");
        p.setProperty("display.i2cAddress", "");           // empty = the part's usual address (0x27 LCD, 0x3c OLED)
        p.setProperty("badgeReader", "none");              // none | evdev:/dev/input/... | mfrc522[:BUS:CS]
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
        String broker = r.required("broker");
        boolean tls = false;
        try {
            tls = BrokerList.isTls(broker); // one broker, or the nodes of a cluster walked in turn
        } catch (IllegalArgumentException e) {
            r.check(false, "broker", e.getMessage());
        }
        List<String> reasons = Arrays.stream(r.required("reasons").split(",")).map(String::trim).toList();
        reasons.forEach(reason -> r.check(Ids.isValid(reason), "reasons", "'" + reason + "' is not an identifier"));
        Gestures.Timing gestures = new Gestures.Timing(r.integer("buttons.longPressMs", 200, 5000),
                r.integer("buttons.logoutHoldMs", 1000, 10_000), r.integer("buttons.pickerConfirmMs", 500, 10_000));
        String ca = r.optional("tls.caFile");
        r.check(ca == null || tls, "tls.caFile", "is set but broker is not ssl://");
        r.check(ca == null || java.nio.file.Files.isReadable(Path.of(ca)), "tls.caFile", "'" + ca + "' cannot be read");
        Credentials login = login(r);
        String seat = r.id("seat");
        // its client id would be the gateway's (or the monitor's): on a broker without logins they would take each
        // other's session in turn, and the seat's topics would be read as the gateway's probes
        r.check(!ClientId.reserved().contains(seat), "seat", "'" + seat + "' is the name of a broker login ("
                + String.join(", ", ClientId.reserved()) + "), not a seat");
        return new TerminalConfig(r.id("site"), r.id("floor"), seat, broker, login.username(),
                login.password(), ca == null ? null : Path.of(ca), Path.of(r.required("dataDir")),
                r.parsed("hardware", v -> HardwareMode.valueOf(v.toUpperCase(Locale.ROOT)), "auto, gpio or simulated"),
                parts(r), r.integer("keepAliveSeconds", 2, 300),
                r.integer("linkCheckSeconds", 2, 3600), reasons, r.integer("wrapUpSeconds", 0, 3600), gestures);
    }

    /**
     * The broker login: from {@code credentialsFile} (the mode-600 file {@code tools/seatlink credentials}
     * writes per seat, which {@code provision} installs) when set, else {@code username}/{@code password}
     * (both null: an anonymous broker).
     */
    private static Credentials login(Reader r) {
        String file = r.optional("credentialsFile");
        if (file == null) {
            return new Credentials(r.optional("username"), r.optional("password"));
        }
        try {
            return Credentials.read(Path.of(file));
        } catch (IllegalArgumentException e) {
            r.check(false, "credentialsFile", e.getMessage());
            return new Credentials(null, null);
        }
    }

    private static SeatHardware parts(Reader r) {
        PinMap pins;
        try {
            pins = new PinMap(r.integer("pin.ready", 0, 27), r.integer("pin.notReady", 0, 27),
                    r.integer("pin.busy", 0, 27), r.integer("pin.help", 0, 27), r.integer("pin.red", 0, 27),
                    r.integer("pin.green", 0, 27), r.integer("pin.blue", 0, 27), r.optionalPin("pin.headset"),
                    r.optionalPin("pin.buzzer"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(r.source() + ": pin.*: " + e.getMessage());
        }
        Map<AgentState, Colour> colours = new EnumMap<>(AgentState.class);
        LIGHT_KEYS.forEach((state, key) -> colours.put(state, r.parsed(key, Colour::of,
                "one of off, green, red, amber, blue, purple, white")));
        DisplayKind display = r.parsed("display", v -> DisplayKind.valueOf(v.toUpperCase(Locale.ROOT)),
                "auto, none, console, lcd1602, lcd2004 or ssd1306");
        String address = r.optional("display.i2cAddress");
        int i2cAddress = address == null ? display.resolve().defaultAddress()
                : r.parsed("display.i2cAddress", v -> Integer.decode(v.toLowerCase(Locale.ROOT)), "an address like 0x27");
        r.check(i2cAddress >= 0x03 && i2cAddress <= 0x77, "display.i2cAddress", "must be 0x03-0x77");
        return new SeatHardware(pins, r.integer("buttons.debounceMs", 1, 200),
                r.parsed("light.type", v -> LightType.valueOf(v.toUpperCase(Locale.ROOT)), "rgb or discrete"),
                colours, r.integer("light.notReadyLimitSeconds", 10, 86_400),
                r.parsed("headset.sense", Reader::bool, "true or false"),
                display, r.integer("display.i2cBus", 0, 20), i2cAddress,
                r.parsed("badgeReader", BadgeReaderSpec::parse, "none, evdev:/dev/input/... or mfrc522[:BUS:CS]"));
    }

    /** {@code {site}.{floor}.{seat}}: the MQTT client id, unique on the broker. */
    public String clientId() {
        return ClientId.seat(site, floor, seat);
    }

    /** The same configuration for another seat with its own data directory (the simulated floor). */
    public TerminalConfig forSeat(String otherSeat, Path otherDataDir) {
        return new TerminalConfig(site, floor, otherSeat, broker, username, password, tlsCaFile, otherDataDir, hardware,
                parts, keepAliveSeconds, linkCheckSeconds, reasons, wrapUpSeconds, gestures);
    }

    /** The same configuration logging in with another broker login. */
    public TerminalConfig withLogin(String otherUsername, String otherPassword) {
        return new TerminalConfig(site, floor, seat, broker, otherUsername, otherPassword, tlsCaFile, dataDir, hardware,
                parts, keepAliveSeconds, linkCheckSeconds, reasons, wrapUpSeconds, gestures);
    }

    @Override
    public String toString() {
        return "TerminalConfig[" + clientId() + " broker=" + broker + " user=" + username + " dataDir=" + dataDir
                + " hardware=" + hardware + " " + parts + "]";
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

        int optionalPin(String key) {
            return optional(key) == null ? PinMap.NONE : integer(key, 0, 27);
        }

        <T> T parsed(String key, Function<String, T> parser, String expected) {
            String value = required(key);
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(source + ": " + key + " '" + value + "' must be " + expected);
            }
        }

        static boolean bool(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> true;
                case "false", "no", "off" -> false;
                default -> throw new IllegalArgumentException(value);
            };
        }

        void check(boolean ok, String key, String problem) {
            if (!ok) {
                throw new ConfigException(source + ": " + key + " " + problem);
            }
        }
    }
}
