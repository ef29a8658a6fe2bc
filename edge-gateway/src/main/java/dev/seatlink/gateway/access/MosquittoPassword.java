package dev.seatlink.gateway.access;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes in the form Mosquitto 2 writes with {@code mosquitto_passwd}: {@code $7$} (PBKDF2 with
 * HMAC-SHA512), 101 iterations, a 12-byte random salt, a 64-byte key, both base64.
 */
final class MosquittoPassword {
    static final int ITERATIONS = 101;
    private static final SecureRandom RANDOM = new SecureRandom();

    private MosquittoPassword() {
    }

    static String hash(char[] password) {
        byte[] salt = new byte[12];
        RANDOM.nextBytes(salt);
        return hash(password, salt);
    }

    static String hash(char[] password, byte[] salt) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, ITERATIONS, 64 * 8);
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
            Base64.Encoder b64 = Base64.getEncoder();
            return "$7$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA512 is missing from this JDK", e);
        }
    }

    /** A new random password: 24 characters from a 62-letter alphabet (about 143 bits). */
    static char[] generate() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        char[] password = new char[24];
        for (int i = 0; i < password.length; i++) {
            password[i] = alphabet.charAt(RANDOM.nextInt(alphabet.length()));
        }
        return password;
    }
}
