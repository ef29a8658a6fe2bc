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

/**
 * {@code supervisors}: every user the site config gives a role (centre and duty managers, quality, team leaders,
 * integration accounts), one per line — each needs a sign-in account.
 */
@Command(name = "supervisors", mixinStandardHelpOptions = true,
        description = {"Lists every user the site config gives a role: centre managers, duty managers, quality, "
                + "team leaders, integration accounts.",
                "Each needs an account in the gateway's --users-file (credentials --supervisor NAME)."})
public final class SupervisorsCommand implements Callable<Integer> {
    @Option(names = {"--site-config", "--seat-map"}, paramLabel = "FILE",
            description = "site config JSON (default: the demo floor hq/f1)")
    Path siteFile;

    @Override
    public Integer call() {
        SiteConfigLoader loader = new SiteConfigLoader();
        SiteConfig site = siteFile == null ? loader.loadDemo() : loader.load(siteFile);
        Set<String> users = new LinkedHashSet<>(site.staff().centreManagers());
        users.addAll(site.staff().dutyManagers());
        users.addAll(site.staff().quality());
        site.teams().stream().map(TeamSpec::leader).filter(java.util.Objects::nonNull).forEach(users::add);
        users.addAll(site.staff().integrations());
        users.forEach(System.out::println);
        return 0;
    }
}
