package dev.seatlink.gateway.agents;

import dev.seatlink.gateway.csv.ImportOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tools/seatlink agents import FILE}: replaces a floor's agent directory from a CSV, through its gateway. */
@Command(name = "agents", mixinStandardHelpOptions = true, subcommands = AgentsCommand.Import.class,
        description = "The floor's agent directory (names, home teams, skills, badges).")
public final class AgentsCommand {

    /** {@code agents import FILE}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Replaces the agent directory with the agents of a CSV file (header id,name,team,skill",
                    "[,badge,active]), checked line by line by the gateway: all or nothing."})
    static final class Import implements Callable<Integer> {
        @Mixin
        ImportOptions options;

        @Override
        public Integer call() throws InterruptedException {
            return options.upload(AgentCsv.MAX_BYTES, "/api/agents/import", "agents");
        }
    }
}
