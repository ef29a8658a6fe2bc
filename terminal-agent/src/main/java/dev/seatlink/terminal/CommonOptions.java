package dev.seatlink.terminal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import picocli.CommandLine.Option;

/** Options every terminal command shares; they override the properties file, which overrides the defaults. */
public final class CommonOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "terminal.properties to read (keys: see README)")
    Path file;

    @Option(names = "--site", description = "site id (default hq)")
    String site;

    @Option(names = "--floor", description = "floor id (default f1)")
    String floor;

    @Option(names = "--broker", paramLabel = "URL", description = "MQTT broker, e.g. tcp://127.0.0.1:1883")
    String broker;

    @Option(names = "--mqtt-port", paramLabel = "PORT", description = "shorthand for --broker tcp://127.0.0.1:PORT")
    Integer mqttPort;

    @Option(names = "--tls-ca-file", paramLabel = "FILE", description = "PEM CA to trust for an ssl:// broker")
    Path tlsCaFile;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "where the seat keeps its files (default ./data/terminal)")
    Path dataDir;

    @Option(names = "--username", description = "broker username")
    String username;

    @Option(names = "--password-file", paramLabel = "FILE", description = "file holding the broker password")
    Path passwordFile;

    /** Defaults, then the file, then these options; every value checked. */
    public TerminalConfig load(Properties extra) {
        Properties props = TerminalConfig.defaults();
        String source = "command line";
        if (file != null) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigException(file + ": cannot read: " + e.getMessage());
            }
            source = file.toString();
        }
        put(props, "site", site);
        put(props, "floor", floor);
        put(props, "broker", mqttPort == null ? broker : "tcp://127.0.0.1:" + mqttPort);
        put(props, "dataDir", dataDir == null ? null : dataDir.toString());
        put(props, "tls.caFile", tlsCaFile == null ? null : tlsCaFile.toString());
        put(props, "username", username);
        if (passwordFile != null) {
            try {
                put(props, "password", Files.readString(passwordFile, StandardCharsets.UTF_8).trim());
            } catch (IOException e) {
                throw new ConfigException(passwordFile + ": cannot read password file: " + e.getMessage());
            }
        }
        extra.forEach((key, value) -> props.setProperty((String) key, (String) value));
        return TerminalConfig.from(props, source);
    }

    private static void put(Properties props, String key, String value) {
        if (value != null) {
            props.setProperty(key, value);
        }
    }
}
