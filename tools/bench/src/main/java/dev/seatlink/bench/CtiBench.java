package dev.seatlink.bench;

import dev.seatlink.gateway.acd.sim.CallPlayer;
import dev.seatlink.gateway.acd.sim.SimulatedAsterisk;
import dev.seatlink.protocol.CallEventType;
import dev.seatlink.simulator.FloorSimulator;
import dev.seatlink.simulator.SiteFile;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.parsetools.RecordParser;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code cti}: {@code seats} seats on a simulated Asterisk (in this JVM, speaking AMI to the gateway) whose queue
 * plays {@code rate} calls a second to them. Each call's {@code AgentConnect} is timed to the seat receiving its
 * {@code call.answered} on its call topic (what a terminal applies at once to its light) and to the wallboard's
 * stream showing the seat BUSY; beside them, the broker alone: a probe published to it and received back, at the
 * same rate in the same run.
 */
final class CtiBench {
    private static final Pattern SEAT_STATE = Pattern.compile("^data: \\{\"seat\":\"([^\"]+)\",.*?\"state\":\"([A-Z_]+)\"");

    private final int seats;
    private final int rate;
    private final int seconds;
    private final Path work;
    private final Path gatewayJar;
    private volatile boolean measuring;
    /** Per seat: when its current call was answered at the ACD (nanoTime), until the seat shows BUSY. */
    private final Map<String, Long> answeredAt = new ConcurrentHashMap<>();
    private final Map<String, Long> callAnsweredAt = new ConcurrentHashMap<>();
    private final Queue<Long> toSeatMicros = new ConcurrentLinkedQueue<>();
    private final Queue<Long> toWallboardMicros = new ConcurrentLinkedQueue<>();
    private final Queue<Long> brokerMicros = new ConcurrentLinkedQueue<>();

    CtiBench(int seats, int rate, int seconds, Path work, Path gatewayJar) {
        this.seats = seats;
        this.rate = rate;
        this.seconds = seconds;
        this.work = work;
        this.gatewayJar = gatewayJar;
    }

    void run() throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        try (BenchBroker broker = BenchBroker.start(work); FloorRig rig = new FloorRig(work, gatewayJar);
             SimulatedAsterisk pbx = new SimulatedAsterisk()) {
            for (int i = 1; i <= seats; i++) {
                pbx.member(SiteFile.phoneOf(FloorSimulator.seatId(i)), String.format("a%05d", i), "support");
            }
            Path login = work.resolve("ami.credentials");
            SimulatedAsterisk.writeLogin(login);
            rig.startGateway(broker.url(), seats, List.of("--ami", "127.0.0.1:" + pbx.port(), "--ami-credentials",
                    login.toString()));

            FloorSimulator floor = new FloorSimulator(vertx, FloorSimulator.Settings.plain(broker.url(), FloorRig.SITE,
                    FloorRig.FLOOR, seats, 1));
            floor.followCalls((seat, event, nanos) -> {
                Long at = event.type() == CallEventType.CALL_ANSWERED ? callAnsweredAt.remove(seat + "/" + event.callId())
                        : null;
                if (at != null && measuring) {
                    toSeatMicros.add((nanos - at) / 1_000);
                }
            });
            floor.connectAllWithin(Duration.ofMinutes(2));
            for (int i = 0; i < seats; i++) {
                floor.step(); // every agent signs in: READY, so the gateway unpauses them
            }
            openStream(vertx, URI.create(rig.base()));
            MqttClient probe = probe(vertx, URI.create(broker.url()));
            Thread.sleep(5_000); // signed in, unpaused at the ACD

            try (CallPlayer calls = new CallPlayer(pbx, rate, 1.0, 10.0, new Random(7), (frame, member, call, nanos) -> {
                if ("AgentConnect".equals(frame)) {
                    String seat = member.substring("PJSIP/".length());
                    callAnsweredAt.put(seat + "/" + call, nanos);
                    answeredAt.put(seat, nanos);
                }
            })) {
                calls.start();
                Thread.sleep(5_000); // warm up
                measuring = true;
                long cpuBefore = FloorRig.cpuTicks(rig.pid());
                long start = System.nanoTime();
                long interval = 1_000_000_000L / rate;
                for (long n = 0; System.nanoTime() - start < TimeUnit.SECONDS.toNanos(seconds); n++) {
                    long wait = start + n * interval - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    probe.publish("bench/probe", Buffer.buffer(Long.toString(System.nanoTime())), MqttQoS.AT_LEAST_ONCE,
                            false, false);
                }
                double window = (System.nanoTime() - start) / 1e9;
                double cores = (FloorRig.cpuTicks(rig.pid()) - cpuBefore) / 100.0 / window;
                Thread.sleep(2_000);
                measuring = false;
                report(window, cores, rig, broker.name());
            }
            probe.disconnect();
            floor.close();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    /** The wallboard's stream: each seat shown BUSY times its call from the ACD's answer. */
    private void openStream(Vertx vertx, URI base) {
        HttpClientAgent http = vertx.createHttpClient(new HttpClientOptions());
        RecordParser lines = RecordParser.newDelimited("\n", buffer -> {
            Matcher m = SEAT_STATE.matcher(buffer.toString());
            if (m.find() && "BUSY".equals(m.group(2))) {
                Long at = answeredAt.remove(m.group(1));
                if (at != null && measuring) {
                    toWallboardMicros.add((System.nanoTime() - at) / 1_000);
                }
            }
        });
        http.request(HttpMethod.GET, base.getPort(), base.getHost(), "/api/stream").compose(HttpClientRequest::send)
                .onSuccess(response -> response.handler(lines))
                .onFailure(e -> System.err.println("stream failed: " + e.getMessage()));
    }

    /** The broker alone: a client that publishes the time and hears it back. */
    private MqttClient probe(Vertx vertx, URI broker) throws Exception {
        MqttClient client = MqttClient.create(vertx, new MqttClientOptions().setClientId("bench-probe"));
        client.publishHandler(message -> {
            if (measuring) {
                brokerMicros.add((System.nanoTime() - Long.parseLong(message.payload().toString())) / 1_000);
            }
        });
        client.connect(broker.getPort(), broker.getHost()).compose(ack -> client.subscribe("bench/probe", 1))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return client;
    }

    private void report(double window, double cores, FloorRig rig, String brokerName) throws Exception {
        Percentiles seat = new Percentiles(toSeatMicros.stream().mapToLong(Long::longValue).toArray());
        Percentiles wall = new Percentiles(toWallboardMicros.stream().mapToLong(Long::longValue).toArray());
        Percentiles alone = new Percentiles(brokerMicros.stream().mapToLong(Long::longValue).toArray());
        new Table("cti — " + seats + " seats on a simulated Asterisk (AMI), " + rate + " calls/s for " + seconds
                + " s, " + brokerName)
                .row("calls answered and timed (to seat / to wallboard)", seat.count() + " / " + wall.count(), "")
                .row("AgentConnect -> seat's call topic p50 / p99 / max", ms(seat.at(50)) + " / " + ms(seat.at(99))
                        + " / " + ms(seat.max()), "p99 <= 100 ms")
                .row("AgentConnect -> wallboard shows BUSY p50 / p99 / max", ms(wall.at(50)) + " / " + ms(wall.at(99))
                        + " / " + ms(wall.max()), "p99 <= 200 ms")
                .row("broker alone: publish -> subscriber p50 / p99", ms(alone.at(50)) + " / " + ms(alone.at(99)), "")
                .row("to seat p99 / broker alone p99", String.format("%.1f", seat.at(99) / Math.max(1.0, alone.at(99))), "")
                .row("gateway CPU", String.format("%.2f cores", cores), "")
                .row("CTI events forwarded (whole run)", String.format("%.0f",
                        rig.metric("seatlink_cti_events_total{outcome=\"forwarded\"}")), "")
                .row("queue pauses sent (wrap-up, then Ready, per call)", String.format("%.0f",
                        rig.metric("seatlink_acd_pauses_sent_total")), "")
                .row("longest a seat's queue pause differed from its state", String.format("%.2f s",
                        rig.metric("seatlink_acd_out_of_step_max_seconds")), "<= 5 s")
                .row("CTI events failed / unmapped", String.format("%.0f / %.0f",
                        rig.metric("seatlink_cti_events_total{outcome=\"failed\"}"),
                        rig.metric("seatlink_cti_events_total{outcome=\"unmapped\"}")), "0 / 0")
                .note("the seat's light changes when its terminal applies the call event, within a millisecond of it "
                        + "arriving: the call-topic time stands for the light")
                .print(System.out);
    }

    private static String ms(long micros) {
        return String.format("%.1f ms", micros / 1000.0);
    }
}
