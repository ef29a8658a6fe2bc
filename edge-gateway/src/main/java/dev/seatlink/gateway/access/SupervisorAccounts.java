package dev.seatlink.gateway.access;

import dev.seatlink.protocol.Ids;
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
 * Who may send supervisor commands: a file of {@code name:hash} lines (the hash as
 * {@code mosquitto_passwd} writes it, made by {@code tools/seatlink credentials --supervisor NAME}).
 * Names are identifiers, because they become the {@code by} of each command.
 */
public final class SupervisorAccounts {
    private final Map<String, String> hashes;

    private SupervisorAccounts(Map<String, String> hashes) {
        this.hashes = hashes;
    }

    public static SupervisorAccounts none() {
        return new SupervisorAccounts(Map.of());
    }

    /** @throws UncheckedIOException naming the file and the bad line */
    public static SupervisorAccounts load(Path file) {
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
                if (!Ids.isValid(name) || !line.substring(colon + 1).startsWith("$7$")) {
                    throw new IOException("line " + n + " is not 'name:$7$…' with an identifier as name");
                }
                hashes.put(name, line.substring(colon + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(file + ": " + e.getMessage(), e));
        }
        return new SupervisorAccounts(hashes);
    }

    public boolean isEmpty() {
        return hashes.isEmpty();
    }

    /** The supervisor's name when the password is right; takes the same time for unknown names. */
    public Optional<String> check(String name, char[] password) {
        String hash = hashes.getOrDefault(name, "$7$101$AAAAAAAAAAAAAAAA$" + "A".repeat(86));
        String[] parts = hash.split("\\$");
        byte[] salt = Base64.getDecoder().decode(parts[3]);
        String computed = MosquittoPassword.hash(password, salt);
        boolean ok = MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII));
        return ok && hashes.containsKey(name) ? Optional.of(name) : Optional.empty();
    }
}
