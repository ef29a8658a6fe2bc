package dev.seatlink.centre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.seatlink.centre.config.CentreFile;
import dev.seatlink.centre.feed.CentreLink;
import dev.seatlink.cluster.NatsCluster;
import dev.seatlink.gateway.Gateway;
import dev.seatlink.gateway.GatewayConfig;
import dev.seatlink.gateway.testing.Http;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The centre view on a cluster holds no JetStream consumer: a clean-session connect must delete the consumers of
 * the session before it, and NATS refuses the connect while one of them is on a dead node — so a centre view that
 * had any was kept off the cluster for as long as a killed node stayed dead.
 */
class CentreOnClusterTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void theCentreViewWatchesTheFloorsWithoutAnyConsumerOfItsOwn() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (NatsCluster cluster = NatsCluster.start(dir.resolve("cluster"), 1, PATIENCE);
             Gateway gateway = Gateway.start(GatewayConfig.defaults().with(0, cluster.brokerList(), 0,
                     dir.resolve("gw")).toBuilder().instance("a").build())) {
            NodeMonitoring node = new NodeMonitoring(cluster);
            await().atMost(PATIENCE).until(() -> !node.consumerFilters().isEmpty()); // the gateway's
            Path centreFile = dir.resolve("centre.json");
            Files.writeString(centreFile, "{\"centre\":\"HQ\",\"floors\":[{\"site\":\"hq\",\"floor\":\"f1\","
                    + "\"name\":\"First floor\"}]}");
            CentreVerticle verticle = new CentreVerticle(new CentreSettings(cluster.brokerList(), centreFile,
                    "127.0.0.1", 0, new CentreLink.Login(null, null, null), null, java.time.ZoneOffset.UTC),
                    CentreFile.read(centreFile));
            vertx.deployVerticle(verticle).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            Http centre = new Http(verticle.httpPort());

            await().atMost(PATIENCE).until(() -> "live".equals(centre.json("/api/centre").path("floors").get(0)
                    .path("state").asText()));
            assertThat(centre.json("/api/centre").path("floors").get(0).path("primary").asText())
                    .isEqualTo("hq-f1-gateway-a");
            assertThat(node.consumerFilters()).as("the gateway's consumers only")
                    .noneMatch(filter -> filter.endsWith(".summary") || filter.endsWith(".gateway"));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
