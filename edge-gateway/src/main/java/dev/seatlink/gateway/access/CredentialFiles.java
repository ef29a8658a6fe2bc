package dev.seatlink.gateway.access;

import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.link.Credentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a floor's broker credentials into one directory (keep it out of git; mode 700, files 600):
 *
 * <pre>
 * passwd                  Mosquitto password file (hashed), every seat and the gateway
 * acl                     Mosquitto ACL file ({@link AccessRules})
 * mosquitto-auth.conf     the lines that switch them on in mosquitto.conf, with each login's client id bound
 *                         to its username (a seat's login cannot take the gateway's or another seat's)
 * nats-users.conf         the same logins and grants as NATS authorization users (bcrypt), for a cluster
 * gateway.credentials     username=… password=… for the gateway (--username, --password-file)
 * gateway-a.credentials, gateway-b.credentials  the same for the two gateways of a floor on a cluster
 * monitor.credentials     username=… password=… to watch the floor read-only (mosquitto_sub)
 * cti.credentials         username=… password=… for a phone system's adapter (writes the floor's cti topic)
 * seats/{seat}.credentials  username=… password=… for each terminal (provision installs it)
 * </pre>
 *
 * Existing passwords are kept: running it again only adds seats that are new in the seat map, and
 * {@link #rotate} replaces one seat's password. Clear passwords appear only in the credentials files.
 */
public final class CredentialFiles {
    private final Path dir;
    private final int bcryptCost;

    /** NATS's own {@code nats server passwd} default: slow enough to make guessing expensive. */
    public static final int BCRYPT_COST = 11;

    public CredentialFiles(Path dir) {
        this(dir, BCRYPT_COST);
    }

    /** @param bcryptCost the NATS hashes' bcrypt cost, 4–31: each step doubles the time (tests use the least) */
    public CredentialFiles(Path dir, int bcryptCost) {
        if (!validBcryptCost(bcryptCost)) {
            throw new IllegalArgumentException("bcrypt cost must be 4-31, not " + bcryptCost);
        }
        this.dir = dir;
        this.bcryptCost = bcryptCost;
    }

    /** Whether bcrypt has this cost: 4-31. */
    public static boolean validBcryptCost(int cost) {
        return cost >= 4 && cost <= 31;
    }

    /** The result of a run, for the command's summary line (no secrets). */
    public record Written(int created, int kept, Path dir) {
    }

    public Written generate(SiteConfig map) throws IOException {
        Files.createDirectories(dir.resolve("seats"));
        restrict(dir, "rwx------");
        restrict(dir.resolve("seats"), "rwx------");
        Map<String, String> hashes = readPasswd(dir.resolve("passwd"));
        Map<String, Path> logins = new LinkedHashMap<>();
        for (String gateway : AccessRules.gatewayUsers(map)) {
            logins.put(gateway, dir.resolve(gateway.substring(gateway.lastIndexOf('.') + 1) + ".credentials"));
        }
        logins.put(AccessRules.monitorUser(map), dir.resolve("monitor.credentials"));
        logins.put(AccessRules.ctiUser(map), dir.resolve("cti.credentials"));
        for (SeatSpec seat : map.seats()) {
            logins.put(AccessRules.seatUser(map, seat.seat()), seatFile(seat.seat()));
        }
        int created = 0;
        for (Map.Entry<String, Path> login : logins.entrySet()) {
            created += ensure(hashes, login.getKey(), login.getValue());
        }
        writePasswd(dir.resolve("passwd"), hashes);
        write(dir.resolve("acl"), AccessRules.acl(map));
        write(dir.resolve("nats-users.conf"), AccessRules.natsUsers(map, user -> bcryptOf(logins.get(user))));
        write(dir.resolve("mosquitto-auth.conf"), "allow_anonymous false\nuse_username_as_clientid true\npassword_file "
                + dir.resolve("passwd").toAbsolutePath() + "\nacl_file " + dir.resolve("acl").toAbsolutePath() + "\n");
        return new Written(created, hashes.size() - created, dir);
    }

    /**
     * The centre view's login for a cluster ({@link AccessRules#natsCentreUser}), in a directory of its own:
     * {@code centre.credentials} (its {@code --password-file}; the password is kept on later runs) and
     * {@code nats-users.conf} (for {@code provision-cluster --credentials DIR}, beside the floors').
     *
     * @throws IllegalArgumentException when the directory holds a floor's credentials, whose files would be replaced
     */
    public Written centre(CentreScope centre) throws IOException {
        if (Files.exists(dir.resolve("passwd"))) {
            throw new IllegalArgumentException(dir + " holds a floor's credentials: give the centre view a directory "
                    + "of its own (e.g. tools/secrets/centre)");
        }
        Files.createDirectories(dir);
        restrict(dir, "rwx------");
        Path file = dir.resolve("centre.credentials");
        Optional<Credentials> existing = Files.exists(file) ? Optional.of(Credentials.read(file)) : Optional.empty();
        boolean kept = existing.filter(login -> login.username().equals(centre.user())).isPresent();
        if (!kept) {
            write(file, new Credentials(centre.user(), new String(MosquittoPassword.generate())).text());
        }
        write(dir.resolve("nats-users.conf"), AccessRules.natsCentreUser(centre, bcryptOf(file)));
        return new Written(kept ? 0 : 1, kept ? 1 : 0, dir);
    }

    /**
     * Adds (or gives a new password to) a supervisor who may send commands through the gateway's API:
     * {@code supervisors.passwd} for the gateway's {@code --users-file}, {@code supervisors/NAME.credentials}.
     */
    public void supervisor(String name) throws IOException {
        if (!dev.seatlink.protocol.Ids.isValid(name)) {
            throw new IllegalArgumentException("supervisor name '" + name + "' is not an identifier");
        }
        Files.createDirectories(dir.resolve("supervisors"));
        restrict(dir, "rwx------");
        restrict(dir.resolve("supervisors"), "rwx------");
        Path passwd = dir.resolve("supervisors.passwd");
        Map<String, String> hashes = readPasswd(passwd);
        char[] password = MosquittoPassword.generate();
        hashes.put(name, MosquittoPassword.hash(password));
        write(dir.resolve("supervisors").resolve(name + ".credentials"), new Credentials(name, new String(password)).text());
        writePasswd(passwd, hashes);
    }

    /** Gives one seat a new password; the old one stops working once the broker reloads (SIGHUP). */
    public void rotate(SiteConfig map, String seat) throws IOException {
        if (map.seat(seat).isEmpty()) {
            throw new IllegalArgumentException("seat '" + seat + "' is not in the seat map");
        }
        Map<String, String> hashes = readPasswd(dir.resolve("passwd"));
        Files.deleteIfExists(seatFile(seat));
        hashes.remove(AccessRules.seatUser(map, seat));
        ensure(hashes, AccessRules.seatUser(map, seat), seatFile(seat));
        writePasswd(dir.resolve("passwd"), hashes);
    }

    /**
     * A login's password as NATS wants it hashed (bcrypt, {@link #BCRYPT_COST} unless told), from its credentials file. Hashed anew on
     * every run (bcrypt salts), which NATS accepts as the same password.
     */
    private String bcryptOf(Path file) {
        try {
            char[] password = readPassword(file).orElseThrow(() -> new IOException("no password in " + file)).toCharArray();
            return at.favre.lib.crypto.bcrypt.BCrypt.with(at.favre.lib.crypto.bcrypt.BCrypt.Version.VERSION_2A)
                    .hashToString(bcryptCost, password);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path seatFile(String seat) {
        return dir.resolve("seats").resolve(seat + ".credentials");
    }

    /** Creates the user's password if it has none; returns 1 when it created one. */
    private int ensure(Map<String, String> hashes, String user, Path credentials) throws IOException {
        Optional<String> existing = readPassword(credentials);
        if (existing.isPresent() && hashes.containsKey(user)) {
            return 0;
        }
        char[] password = existing.map(String::toCharArray).orElseGet(MosquittoPassword::generate);
        hashes.put(user, MosquittoPassword.hash(password));
        write(credentials, new Credentials(user, new String(password)).text());
        return 1;
    }

    private static Optional<String> readPassword(Path credentials) throws IOException {
        if (!Files.exists(credentials)) {
            return Optional.empty();
        }
        return Credentials.parse(Files.readString(credentials, StandardCharsets.UTF_8)).map(Credentials::password);
    }

    private static Map<String, String> readPasswd(Path passwd) throws IOException {
        Map<String, String> hashes = new LinkedHashMap<>();
        if (Files.exists(passwd)) {
            for (String line : Files.readAllLines(passwd, StandardCharsets.UTF_8)) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    hashes.put(line.substring(0, colon), line.substring(colon + 1));
                }
            }
        }
        return hashes;
    }

    private static void writePasswd(Path passwd, Map<String, String> hashes) throws IOException {
        List<String> lines = new ArrayList<>();
        hashes.forEach((user, hash) -> lines.add(user + ":" + hash));
        write(passwd, String.join("\n", lines) + "\n");
    }

    /** Writes through a temporary file created with mode 600, then renames it into place. */
    public static void write(Path file, String text) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void restrict(Path path, String permissions) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    }
}
