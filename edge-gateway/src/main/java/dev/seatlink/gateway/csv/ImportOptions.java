package dev.seatlink.gateway.csv;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What every CSV import command takes: the file, the floor's gateway and a centre manager's credentials. */
public final class ImportOptions {
    @Parameters(paramLabel = "FILE", description = "the CSV file")
    Path csv;

    @Option(names = "--gateway", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080",
            description = "the floor gateway (default ${DEFAULT-VALUE})")
    String gateway;

    @Option(names = "--credentials", paramLabel = "FILE", required = true,
            description = "a centre manager's credentials file (username=… password=…, from credentials --supervisor)")
    Path credentials;

    /** Sends the file to {@code path}; the exit code (see {@link CsvUpload#upload}). */
    public int upload(int maxBytes, String path, String countField) throws InterruptedException {
        return CsvUpload.upload(csv, maxBytes, gateway, path, credentials, countField);
    }
}
