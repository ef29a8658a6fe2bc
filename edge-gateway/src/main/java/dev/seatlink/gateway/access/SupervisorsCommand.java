package dev.seatlink.gateway.access;

import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.site.SiteConfigLoader;
import dev.seatlink.gateway.site.TeamSpec;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code supervisors}: the users a site config lets act on seats (floor managers, then team leaders), one per line. */
@Command(name = "supervisors", mixinStandardHelpOptions = true,
        description = {"Lists the users the site config lets act on seats: floor managers, then team leaders.",
                "Each needs an account in the gateway's --users-file (credentials --supervisor NAME)."})
public final class SupervisorsCommand implements Callable<Integer> {
    @Option(names = {"--site-config", "--seat-map"}, paramLabel = "FILE",
            description = "site config JSON (default: the demo floor hq/f1)")
    Path siteFile;

    @Override
    public Integer call() {
        SiteConfigLoader loader = new SiteConfigLoader();
        SiteConfig site = siteFile == null ? loader.loadDemo() : loader.load(siteFile);
        Set<String> users = new LinkedHashSet<>(site.managers());
        site.teams().stream().map(TeamSpec::leader).filter(java.util.Objects::nonNull).forEach(users::add);
        users.forEach(System.out::println);
        return 0;
    }
}
