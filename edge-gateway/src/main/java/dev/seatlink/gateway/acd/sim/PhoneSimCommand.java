package dev.seatlink.gateway.acd.sim;

import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.site.SiteConfigLoader;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code phone-sim}: a simulated Asterisk for the demo — an AMI on 127.0.0.1 whose queue "support" holds every seat of
 * the site config on the phone system (its first {@code acd} name) and plays calls to them.
 */
@Command(name = "phone-sim", mixinStandardHelpOptions = true,
        description = {"Runs a simulated Asterisk (AMI on 127.0.0.1) that plays queue calls to the site's seats on the",
                "phone system, for the demo: start the gateway with --ami 127.0.0.1:PORT --ami-credentials FILE."})
public final class PhoneSimCommand implements Callable<Integer> {
    @Option(names = {"--site-config", "--seat-map"}, paramLabel = "FILE", description = "site config JSON (default: the demo floor)")
    Path siteFile;

    @Option(names = "--port", description = "AMI port on 127.0.0.1 (default 5038)")
    int port = 5038;

    @Option(names = "--credentials-out", paramLabel = "FILE", required = true,
            description = "where to write the AMI login for the gateway's --ami-credentials (mode 600)")
    Path credentialsOut;

    @Option(names = "--calls-per-second", description = "callers arriving a second (default 0.3)")
    double callsPerSecond = 0.3;

    @Option(names = "--answered", description = "share of offered calls the agent answers (default 0.9)")
    double answered = 0.9;

    @Option(names = "--pace", description = "speed of rings and talk (default 1.0; 2 = twice as fast)")
    double pace = 1.0;

    @Override
    public Integer call() throws Exception {
        SiteConfigLoader loader = new SiteConfigLoader();
        SiteConfig site = siteFile == null ? loader.loadDemo() : loader.load(siteFile);
        SimulatedAsterisk.writeLogin(credentialsOut);
        try (SimulatedAsterisk pbx = new SimulatedAsterisk(port);
             CallPlayer calls = new CallPlayer(pbx, callsPerSecond, answered, pace, new Random())) {
            int members = 0;
            for (SeatSpec seat : site.seats()) {
                if (seat.onThePhoneSystem()) {
                    pbx.member(seat.acd().get(0), seat.agent() == null ? seat.seat() : seat.agent(), "support");
                    members++;
                }
            }
            calls.start();
            System.out.println("simulated Asterisk: AMI on 127.0.0.1:" + pbx.port() + ", queue support with " + members
                    + " members, " + callsPerSecond + " calls/s");
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "shutdown"));
            stopped.await();
        }
        return 0;
    }
}
