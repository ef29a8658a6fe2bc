package dev.seatlink.gateway.jetstream;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The 8 characters NATS names an MQTT session's JetStream consumers by ({@code {hash}_{nuid}}): the first 8 bytes
 * of the client id's SHA-256, each as one of 62 letters and digits ({@code getHash} in nats-server 2.9's
 * {@code server/events.go}). It is how a consumer is traced back to the client id that owns it.
 */
public final class SessionHash {
    private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    static final int LENGTH = 8;

    private SessionHash() {
    }

    public static String of(String clientId) {
        byte[] sha;
        try {
            sha = MessageDigest.getInstance("SHA-256").digest(clientId.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        char[] hash = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            hash[i] = DIGITS.charAt(Byte.toUnsignedInt(sha[i]) % DIGITS.length());
        }
        return new String(hash);
    }

    /** The session hash a consumer's name starts with, or null for a consumer that no MQTT session made. */
    static String ofConsumer(String consumerName) {
        return consumerName.length() > LENGTH && consumerName.charAt(LENGTH) == '_'
                ? consumerName.substring(0, LENGTH) : null;
    }
}
