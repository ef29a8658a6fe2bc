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
        try {
            new CredentialFiles(accounts).supervisor(NAME);
            String password = Credentials.read(accounts.resolve("supervisors/" + NAME + ".credentials")).password();
            return new DemoManager(accounts.resolve("supervisors.passwd"), password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client signed in as the manager. */
    public Http http(int port) {
        return new Http(port, NAME, password);
    }
}
