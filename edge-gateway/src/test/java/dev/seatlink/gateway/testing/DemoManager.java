package dev.seatlink.gateway.testing;

import dev.seatlink.gateway.access.CredentialFiles;
import dev.seatlink.link.Credentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The demo floor's manager, {@code fm-dana}, with an account of their own: what a test signs in as to read
 * seats' event histories (not for the floor network).
 *
 * @param usersFile the gateway's {@code --users-file}
 */
public record DemoManager(Path usersFile, String password) {
    public static final String NAME = "fm-dana";

    /** Writes the account under {@code dir}/accounts. */
    public static DemoManager in(Path dir) {
        Path accounts = dir.resolve("accounts");
        return new DemoManager(accounts.resolve("supervisors.passwd"), account(accounts, NAME));
    }

    /**
     * Adds a supervisor account {@code name} to the accounts under {@code accounts} (their
     * {@code supervisors.passwd} the gateway's {@code --users-file}) and returns its password.
     */
    public static String account(Path accounts, String name) {
        try {
            new CredentialFiles(accounts, TestCredentials.BCRYPT_COST).supervisor(name);
            return Credentials.read(accounts.resolve("supervisors/" + name + ".credentials")).password();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client signed in as the manager. */
    public Http http(int port) {
        return new Http(port, NAME, password);
    }
}
