package dev.seatlink.bench;

import dev.seatlink.cluster.StablePorts;
import dev.seatlink.gateway.answer.ApiClient;
import dev.seatlink.simulator.SiteFile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the floor-scale scenarios share: a site config for N simulated seats, the gateway jar in its own
 * JVM against the benchmark's broker, and readings of that process (CPU, RSS, its /metrics).
 */
final class FloorRig implements AutoCloseable {
    static final String SITE = "bench";
    static final String FLOOR = "f1";

    private final Path work;
    private final Path gatewayJar;
    /** HTTP/1.1, as browsers speak to a plain-http gateway: one connection per wallboard, no h2c multiplexing. */
    private final HttpClient http = ApiClient.toGateway();
    private Process gateway;
    private String base;
    private String authorization;

    FloorRig(Path work, Path gatewayJar) {
        this.work = work;
        this.gatewayJar = gatewayJar;
    }

    /** A site config for {@code seats} simulated seats. */
    static Path writeSite(Path work, int seats) throws IOException {
        return writeSite(work, seats, false);
    }

    /** @param phones every seat on the phone system ({@link SiteFile#phoneOf}) */
    static Path writeSite(Path work, int seats, boolean phones) throws IOException {
        Path file = work.resolve("bench-site-" + seats + (phones ? "-phones" : "") + ".json");
        Files.writeString(file, SiteFile.json(SITE, FLOOR, seats, phones));
        return file;
    }

    /** Starts the gateway for {@code seats} seats against {@code brokerUrl}; returns once /health is UP. */
    void startGateway(String brokerUrl, int seats) throws IOException, InterruptedException {
        startGateway(brokerUrl, seats, List.of());
    }

    /**
     * As {@link #startGateway(String, int)}, with more options: {@code --ami …} puts every seat on the phone
     * system.
     */
    void startGateway(String brokerUrl, int seats, List<String> moreOptions) throws IOException, InterruptedException {
        Path site = writeSite(work, seats, moreOptions.contains("--ami"));
        Path accounts = work.resolve("accounts");
        new dev.seatlink.gateway.access.CredentialFiles(accounts).supervisor(SiteFile.MANAGER);
        String password = dev.seatlink.link.Credentials.read(
                accounts.resolve("supervisors/" + SiteFile.MANAGER + ".credentials")).password();
        authorization = "Basic " + java.util.Base64.getEncoder().encodeToString((SiteFile.MANAGER + ":" + password)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        int port = StablePorts.next();
        List<String> command = new ArrayList<>(List.of("java", "-Xmx256m"));
        // e.g. -XX:StartFlightRecording=filename=gw.jfr to profile the gateway under a scenario
        String extra = System.getenv("SEATLINK_BENCH_GATEWAY_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", gatewayJar.toString(), "--broker", brokerUrl,
                "--site-config", site.toString(), "--http-port", String.valueOf(port), "--data-dir",
                work.resolve("gateway").toString(), "--users-file", accounts.resolve("supervisors.passwd").toString()));
        command.addAll(moreOptions);
        gateway = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("gateway.log").toFile())).start();
        base = "http://127.0.0.1:" + port;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                if (get("/health").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IOException("the gateway did not become healthy within 60 s; see " + work.resolve("gateway.log"));
    }

    void stopGateway() throws InterruptedException {
        if (gateway != null) {
            gateway.destroy();
            gateway.waitFor(15, TimeUnit.SECONDS);
            gateway = null;
        }
    }

    String base() {
        return base;
    }

    /** The {@code Authorization} header value of the bench site's manager. */
    String authorization() {
        return authorization;
    }

    HttpClient http() {
        return http;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        // signed in as the site's manager: event histories are not for the floor network
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One sample of the gateway's /metrics, 0 when missing. */
    double metric(String name) throws IOException, InterruptedException {
        for (String line : get("/metrics").body().split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1).trim());
            }
        }
        return 0;
    }

    long pid() {
        return gateway.pid();
    }

    /** utime + stime of a process in clock ticks (USER_HZ = 100 on Linux). */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    static String mb(double bytes) {
        return String.format("%.1f MB", bytes / 1024 / 1024);
    }

    @Override
    public void close() throws InterruptedException {
        stopGateway();
    }
}
