package dev.seatlink.gateway.web;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Passwords that passed the supervisors file's PBKDF2 check lately, as a salted SHA-256 held in memory
 * only: a team screen signs in with every poll (every 5 s), and PBKDF2 on each one cost the event loop
 * about a millisecond. A changed or wrong password misses and goes to the full check; entries expire.
 */
final class RecentSignIns {
    static final long KEEP_MS = 5 * 60_000;
    static final int MAX_USERS = 1_000;

    private final byte[] salt = new byte[16];
    private final Map<String, Remembered> byUser = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
            return size() > MAX_USERS;
        }
    };

    private record Remembered(byte[] digest, long until) {
    }

    RecentSignIns() {
        new SecureRandom().nextBytes(salt);
    }

    /** Whether {@code user} signed in with this very password within {@link #KEEP_MS}. */
    boolean matches(String user, char[] password, long now) {
        Remembered known = byUser.get(user);
        if (known == null || now > known.until()) {
            byUser.remove(user);
            return false;
        }
        return MessageDigest.isEqual(known.digest(), digest(password));
    }

    void remember(String user, char[] password, long now) {
        byUser.put(user, new Remembered(digest(password), now + KEEP_MS));
    }

    private byte[] digest(char[] password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
            sha.update(bytes);
            Arrays.fill(bytes.array(), (byte) 0);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
