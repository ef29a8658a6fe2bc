package dev.seatlink.cluster;

import java.net.URI;

/**
 * A node of a cluster on other hosts, known by its monitoring URL (a gateway's {@code --nats-monitor}): expected to
 * run, so silence is a fault.
 */
record RemoteNode(String monitorUrl) implements MonitoredNode {
    RemoteNode {
        URI uri;
        try {
            uri = URI.create(monitorUrl);
        } catch (IllegalArgumentException e) {
            throw new ClusterException("not a monitoring URL: " + monitorUrl);
        }
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1
                || !(uri.getPath() == null || uri.getPath().isEmpty() || "/".equals(uri.getPath()))) {
            throw new ClusterException("not a monitoring URL (http://HOST:PORT): " + monitorUrl);
        }
        monitorUrl = "http://" + uri.getHost() + ":" + uri.getPort();
    }

    @Override
    public String name() {
        return monitorUrl;
    }

    @Override
    public boolean isRunning() {
        return true;
    }
}
