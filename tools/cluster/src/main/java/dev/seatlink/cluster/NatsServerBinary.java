package dev.seatlink.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Where Debian's {@code nats-server} is: {@code $NATS_SERVER}, else the PATH, else /usr/sbin. */
final class NatsServerBinary {
    private NatsServerBinary() {
    }

    static Path find() {
        String explicit = System.getenv("NATS_SERVER");
        if (explicit != null && !explicit.isBlank()) {
            Path path = Path.of(explicit);
            if (!Files.isExecutable(path)) {
                throw new ClusterException("NATS_SERVER=" + explicit + " is not an executable file");
            }
            return path;
        }
        String pathVar = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(pathVar.split(":")), Stream.of("/usr/sbin", "/usr/local/sbin"))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "nats-server"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new ClusterException(
                        "nats-server not found: install Debian's (sudo apt-get install nats-server) or set NATS_SERVER"));
    }
}
