package dev.seatlink.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A node's four loopback ports: NATS clients, MQTT, HTTP monitoring and cluster routes. A cluster's ports are
 * kept in {@code DATA_DIR/cluster.ports} and reused on the next start while they are free, so the broker list a
 * technician gave the gateways stays right across restarts; chosen below the kernel's ephemeral range
 * ({@link StablePorts}), so nothing else takes a dead node's ports before it comes back.
 */
public record NodePorts(int client, int mqtt, int http, int route) {
    static final String FILE = "cluster.ports";

    static List<NodePorts> forCluster(Path dataDir, int size) {
        Path file = dataDir.resolve(FILE);
        List<NodePorts> kept = read(file);
        if (kept.size() == size && kept.stream().allMatch(NodePorts::allFree)) {
            return kept;
        }
        List<NodePorts> fresh = new ArrayList<>();
        for (int i = 0; i < size; i++) { // StablePorts never hands out a port twice
            fresh.add(new NodePorts(StablePorts.next(), StablePorts.next(), StablePorts.next(), StablePorts.next()));
        }
        write(file, fresh);
        return fresh;
    }

    private static List<NodePorts> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<NodePorts> ports = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                String[] f = line.trim().split("\\s+");
                if (f.length != 4) {
                    return List.of(); // not ours or damaged: choose new ports
                }
                ports.add(new NodePorts(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                        Integer.parseInt(f[3])));
            }
            return ports;
        } catch (IOException | NumberFormatException e) {
            return List.of();
        }
    }

    private static void write(Path file, List<NodePorts> ports) {
        try {
            Files.createDirectories(file.getParent());
            StringBuilder text = new StringBuilder();
            ports.forEach(p -> text.append(p.client).append(' ').append(p.mqtt).append(' ').append(p.http)
                    .append(' ').append(p.route).append('\n'));
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new ClusterException("cannot write " + file + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "): --data-dir must be a folder this user may write", e);
        }
    }

    private boolean allFree() {
        return StablePorts.isFree(client) && StablePorts.isFree(mqtt) && StablePorts.isFree(http)
                && StablePorts.isFree(route);
    }
}
