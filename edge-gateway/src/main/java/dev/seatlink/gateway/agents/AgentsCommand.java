package dev.seatlink.gateway.agents;

import dev.seatlink.gateway.csv.CsvUpload;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tools/seatlink agents import FILE}: replaces a floor's agent directory from a CSV, through its gateway. */
@Command(name = "agents", mixinStandardHelpOptions = true, subcommands = AgentsCommand.Import.class,
        description = "The floor's agent directory (names, home teams, skills, badges).")
public final class AgentsCommand {

    /** {@code agents import FILE}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Replaces the agent directory with the agents of a CSV file (header id,name,team,skill",
                    "[,badge,active]), checked line by line by the gateway: all or nothing."})
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
            return CsvUpload.upload(csv, AgentCsv.MAX_BYTES, gateway, "/api/agents/import", credentials, "agents");
        }
    }
}
