package dev.seatlink.gateway.access;

import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.site.SiteConfigLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tools/seatlink credentials}: a floor's broker credentials and ACL from its seat map. */
@Command(name = "credentials", mixinStandardHelpOptions = true,
        description = {"Generates the floor's Mosquitto password file (hashed), ACL file, and one credentials file",
                "per seat and for the gateway, from the seat map. Safe to run again: existing passwords are kept.",
                "With --center-config: the centre view's login for a cluster instead, in a directory of its own."})
public final class CredentialsCommand implements Callable<Integer> {
    @Option(names = {"--site-config", "--seat-map"}, paramLabel = "FILE",
            description = "site config JSON: seats, teams, reasons, thresholds, shifts (default: the demo floor hq/f1)")
    Path siteFile;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "where to write them (keep it out of git, e.g. tools/secrets/hq-f1)")
    Path out;

    @Option(names = "--rotate", paramLabel = "SEAT", description = "give this one seat a new password")
    String rotate;

    @Option(names = "--supervisor", paramLabel = "NAME",
            description = "add a supervisor account for the command API (or give it a new password); may be repeated")
    List<String> supervisors = List.of();

    @Option(names = {"--center-config", "--centre-config"}, paramLabel = "FILE",
            description = "the centre view's login for a cluster, reading every floor this centre config lists")
    Path centreFile;

    @Option(names = "--nats-bcrypt-cost", paramLabel = "N", defaultValue = "" + CredentialFiles.BCRYPT_COST,
            description = {"bcrypt cost of the hashes in nats-users.conf, 4-31 (default: ${DEFAULT-VALUE}, as `nats server"
                    + " passwd`)", "each step doubles the time a node takes to check a login, and to write the file"})
    int natsBcryptCost;

    @Override
    public Integer call() {
        try {
            return write();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the credentials in " + out + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "): --out must be a folder this user may write", e);
        }
    }

    private int write() throws IOException {
        if (!CredentialFiles.validBcryptCost(natsBcryptCost)) {
            throw new IllegalArgumentException("--nats-bcrypt-cost must be 4-31 (was " + natsBcryptCost + ")");
        }
        if (centreFile != null) {
            if (siteFile != null || rotate != null || !supervisors.isEmpty()) {
                throw new IllegalArgumentException("--center-config makes the centre view's login alone: "
                        + "not with --site-config, --rotate or --supervisor");
            }
            CentreScope centre = CentreScope.read(centreFile);
            CredentialFiles.Written written = new CredentialFiles(out, natsBcryptCost).centre(centre);
            System.out.println("PASS: centre view login " + centre.user() + " (" + (written.created() > 0 ? "new"
                    : "kept") + ") reading " + centre.floors().size() + " floor(s): " + out.resolve("centre.credentials")
                    + " for center --password-file, " + out.resolve("nats-users.conf") + " for provision-cluster");
            return 0;
        }
        SiteConfigLoader loader = new SiteConfigLoader();
        SiteConfig map = siteFile == null ? loader.loadDemo() : loader.load(siteFile);
        CredentialFiles files = new CredentialFiles(out, natsBcryptCost);
        if (!supervisors.isEmpty()) {
            for (String supervisor : supervisors) {
                files.supervisor(supervisor);
                System.out.println("PASS: supervisor " + supervisor + ": password in " + out.resolve("supervisors")
                        + "; start the gateway with --users-file " + out.resolve("supervisors.passwd"));
            }
            return 0;
        }
        if (rotate != null) {
            files.rotate(map, rotate);
            System.out.println("PASS: new password for seat " + rotate + " in " + out.resolve("seats")
                    + "; reload the broker (systemctl reload mosquitto) and re-provision the seat");
            return 0;
        }
        CredentialFiles.Written written = files.generate(map);
        System.out.println("PASS: " + map.site() + "/" + map.floor() + ": " + written.created() + " new and "
                + written.kept() + " kept credentials, passwd, acl and mosquitto-auth.conf in " + out);
        return 0;
    }
}
