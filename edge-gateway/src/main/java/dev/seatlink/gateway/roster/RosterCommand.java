package dev.seatlink.gateway.roster;

import dev.seatlink.gateway.csv.CsvUpload;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tools/seatlink roster import FILE}: replaces a floor's roster from a CSV, through its gateway. */
@Command(name = "roster", mixinStandardHelpOptions = true, subcommands = RosterCommand.Import.class,
        description = "The floor's roster: each agent's scheduled shifts and breaks.")
public final class RosterCommand {

    /** {@code roster import FILE}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Replaces the roster with the shifts of a CSV file (header agent,date,start,end[,breaks];",
                    "times in the site's time zone, breaks as 10:00-10:15;12:30-13:00, a night shift's end on the",
                    "next day), checked line by line by the gateway: all or nothing."})
    static final class Import implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "the CSV file")
        Path csv;

        @Option(names = "--gateway", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080",
                description = "the floor gateway (default ${DEFAULT-VALUE})")
        String gateway;

        @Option(names = "--credentials", paramLabel = "FILE", required = true,
                description = "a centre manager's credentials file (username=… password=…, from credentials "
                        + "--supervisor)")
        Path credentials;

        @Override
        public Integer call() throws InterruptedException {
            return CsvUpload.upload(csv, RosterCsv.MAX_BYTES, gateway, "/api/roster/import", credentials, "shifts");
        }
    }
}
