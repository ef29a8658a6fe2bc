package dev.seatlink.gateway.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A file of {@code name:hash} lines, the hash as {@code mosquitto_passwd} writes it: the broker's
 * {@code passwd} (names are client ids such as {@code hq.f1.s-014}) and the supervisors' file for the
 * command API (names are identifiers, since they become a command's {@code by}); both made by
 * {@code tools/seatlink credentials}.
 */
public final class PasswordFile {
    private final Map<String, String> hashes;

    private PasswordFile(Map<String, String> hashes) {
        this.hashes = hashes;
    }

    public static PasswordFile none() {
        return new PasswordFile(Map.of());
    }

    /** @throws UncheckedIOException naming the file and the bad line */
    public static PasswordFile load(Path file) {
        Map<String, String> hashes = new HashMap<>();
        try {
            int n = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                String name = colon > 0 ? line.substring(0, colon) : "";
                if (!name.matches("[a-z0-9][a-z0-9.-]{0,99}") || !line.substring(colon + 1).startsWith("$7$")) {
                    throw new IOException("line " + n + " is not 'name:$7$…'");
                }
                hashes.put(name, line.substring(colon + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(file + ": " + e.getMessage(), e));
        }
        return new PasswordFile(hashes);
    }

    public boolean isEmpty() {
        return hashes.isEmpty();
    }

    /** The name when the password is right; takes the same time for unknown names. */
    public Optional<String> check(String name, char[] password) {
        String hash = hashes.getOrDefault(name, "$7$101$AAAAAAAAAAAAAAAA$" + "A".repeat(86));
        String[] parts = hash.split("\\$");
        byte[] salt = Base64.getDecoder().decode(parts[3]);
        String computed = MosquittoPassword.hash(password, salt);
        boolean ok = MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII));
        return ok && hashes.containsKey(name) ? Optional.of(name) : Optional.empty();
    }
}
