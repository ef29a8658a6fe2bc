package dev.seatlink.link;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * A login as {@code tools/seatlink credentials} writes it, one file per broker user or supervisor:
 * {@code username=…} and {@code password=…} lines (Java properties). The one place that reads and writes
 * that format: gateway, terminal, simulator, credentials tool and tests all go through it.
 */
public record Credentials(String username, String password) {
    private static final String USERNAME = "username";
    private static final String PASSWORD = "password";

    /** The file's text; keep the file at mode 600. */
    public String text() {
        return USERNAME + "=" + username + "\n" + PASSWORD + "=" + password + "\n";
    }

    /**
     * Reads a credentials file.
     *
     * @throws IllegalArgumentException naming the file when it cannot be read or lacks either line
     */
    public static Credentials read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("'" + file + "' cannot be read: " + e.getMessage(), e);
        }
        return parse(text).orElseThrow(() ->
                new IllegalArgumentException("'" + file + "' must have username= and password= lines"));
    }

    /** The credentials in {@code text}, or empty when it is not a credentials file (a bare password, say). */
    public static Optional<Credentials> parse(String text) {
        Properties props = new Properties();
        try {
            props.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String username = props.getProperty(USERNAME);
        String password = props.getProperty(PASSWORD);
        return username == null || password == null ? Optional.empty()
                : Optional.of(new Credentials(username, password));
    }

    /** No password in logs. */
    @Override
    public String toString() {
        return "Credentials[" + username + "]";
    }
}
