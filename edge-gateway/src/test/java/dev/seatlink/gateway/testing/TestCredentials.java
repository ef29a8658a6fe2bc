package dev.seatlink.gateway.testing;

import dev.seatlink.gateway.access.CredentialFiles;
import dev.seatlink.gateway.site.SiteConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Credentials for tests: NATS hashes at bcrypt's least cost, since each step doubles a generation's time. */
public final class TestCredentials {
    public static final int BCRYPT_COST = 4;

    private TestCredentials() {
    }

    /** Writes the demo floor's credentials under {@code dir}, as {@code tools/seatlink credentials} does. */
    public static void writeDemo(Path dir) throws IOException {
        new CredentialFiles(dir, BCRYPT_COST).generate(new SiteConfigLoader().loadDemo());
    }

    /** A NATS node's config block that lets in every login of the {@code nats-users.conf} under {@code dir}. */
    public static String natsAuthorization(Path dir) throws IOException {
        String users = Files.readAllLines(dir.resolve("nats-users.conf")).stream()
                .filter(line -> !line.startsWith("#")).collect(Collectors.joining("\n"));
        return "authorization { users = [\n" + users + "\n] }\n";
    }

    /** The password a credentials file holds: its second line, {@code password=…}. */
    public static String password(Path credentials) throws IOException {
        return Files.readAllLines(credentials).get(1).substring("password=".length());
    }
}
