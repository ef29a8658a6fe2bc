package dev.seatlink.gateway.roster;

import dev.seatlink.gateway.csv.ImportOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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
        @Mixin
        ImportOptions options;

        @Override
        public Integer call() throws InterruptedException {
            return options.upload(RosterCsv.MAX_BYTES, "/api/roster/import", "shifts");
        }
    }
}
