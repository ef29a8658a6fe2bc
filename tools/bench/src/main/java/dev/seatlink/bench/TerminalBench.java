package dev.seatlink.bench;

import com.pi4j.io.gpio.digital.DigitalOutput;
import dev.seatlink.terminal.TerminalAgent;
import dev.seatlink.terminal.TerminalConfig;
import dev.seatlink.terminal.display.Display;
import dev.seatlink.terminal.seat.Clock;
import dev.seatlink.terminal.seat.Key;
import dev.seatlink.terminal.simulate.SimulatedHardware;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The terminal scenario: a real terminal agent on Pi4J's mock GPIO against a loopback broker.
 *
 * <ol>
 *   <li>Latency: after {@value #WARM_UP} warm-up presses, the Busy button is pressed {@code presses}
 *       times, each press on an idle seat: the previous event has reached the subscriber (agents press
 *       seconds apart, not while the last press is still on the wire). Busy and Wrap-up alternate, so
 *       every press changes the light and publishes one event. Press → light: from the pin going low to the light's pin changing. Press → publish:
 *       from the pin going low to a subscriber on the same broker receiving the event. Each
 *       transition is fsynced to the state file first, as in production.</li>
 *   <li>Memory: the terminal jar in its own JVM with the service unit's flags, pressed from its
 *       keyboard 2,000 times; VmRSS and VmHWM read from /proc.</li>
 * </ol>
 */
final class TerminalBench {
    static final int WARM_UP = 500;

    private final int presses;
    private final Path work;
    private final Path terminalJar;
    private final Path serviceUnit;

    TerminalBench(int presses, Path work, Path terminalJar, Path serviceUnit) {
        this.presses = presses;
        this.work = work;
        this.terminalJar = terminalJar;
        this.serviceUnit = serviceUnit;
    }

    void run() throws Exception {
        Files.createDirectories(work);
        try (BenchBroker broker = BenchBroker.start(work)) {
            Table table = new Table("terminal: " + presses + " Busy presses (after " + WARM_UP
                    + " warm-up), mock GPIO, " + broker.name() + " on loopback");
            latency(broker.url(), table);
            memory(broker.url(), table);
            table.note("state file (fsync per transition) in " + work);
            table.print(System.out);
        }
    }

    private void latency(String brokerUrl, Table table) throws Exception {
        BlockingQueue<long[]> received = new LinkedBlockingQueue<>();
        MqttClient subscriber = new MqttClient(brokerUrl, "bench-subscriber", new MemoryPersistence());
        subscriber.connect(new MqttConnectOptions());
        subscriber.subscribe("seatlink/v1/hq/f1/s-001/event", 1, (topic, message) -> {
            long now = System.nanoTime();
            String json = new String(message.getPayload(), StandardCharsets.UTF_8);
            int at = json.indexOf("\"seq\":");
            received.add(new long[] {Long.parseLong(json.substring(at + 6, json.indexOf(',', at))), now});
        });

        SimulatedHardware hardware = new SimulatedHardware();
        TerminalAgent agent = hardware.newAgent(config(brokerUrl, work.resolve("seat")), Clock.system(), Display.NONE);
        agent.start();
        Thread.sleep(1500); // connected and announced
        hardware.press(Key.READY);
        Thread.sleep(300);
        DigitalOutput green = hardware.gpio().context().registry().get("light-green", DigitalOutput.class);
        AtomicReference<CountDownLatch> lightChanged = new AtomicReference<>();
        green.addListener(event -> {
            CountDownLatch latch = lightChanged.get();
            if (latch != null) {
                latch.countDown();
            }
        });

        long seq = currentSeq(work.resolve("seat"));
        long[] toLight = new long[presses];
        List<Long> toPublish = new ArrayList<>();
        for (int i = -WARM_UP; i < presses; i++) {
            CountDownLatch latch = new CountDownLatch(1);
            lightChanged.set(latch);
            long pressedAt = System.nanoTime();
            hardware.press(Key.BUSY);
            if (!latch.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("light did not change after press " + i);
            }
            long lit = System.nanoTime();
            seq++;
            Long rx = awaitEvent(received, seq);
            if (i >= 0) {
                toLight[i] = (lit - pressedAt) / 1000;
                if (rx != null) {
                    toPublish.add((rx - pressedAt) / 1000);
                }
            }
        }
        agent.close();
        subscriber.disconnect();
        subscriber.close();

        Percentiles light = new Percentiles(toLight);
        Percentiles publish = new Percentiles(toPublish.stream().mapToLong(Long::longValue).toArray());
        table.row("press -> light p50", micros(light.at(50)), "")
                .row("press -> light p99", micros(light.at(99)), "< 5 ms")
                .row("press -> light max", micros(light.max()), "")
                .row("press -> event at subscriber p50", micros(publish.at(50)), "")
                .row("press -> event at subscriber p99", micros(publish.at(99)), "")
                .row("press -> event at subscriber max", micros(publish.max()), "")
                .row("events received / presses", publish.count() + " / " + presses, "all");
    }

    /** The receive time of event {@code seq}, waiting up to 5 s; older events still queued are skipped. */
    private static Long awaitEvent(BlockingQueue<long[]> received, long seq) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            long[] event = received.poll(left, TimeUnit.NANOSECONDS);
            if (event != null && event[0] == seq) {
                return event[1];
            }
        }
        return null;
    }

    private static long currentSeq(Path seatDir) throws IOException {
        String json = Files.readString(seatDir.resolve("seat-state.json"));
        int at = json.indexOf("\"seq\":");
        return Long.parseLong(json.substring(at + 6, json.indexOf(',', at)));
    }

    private void memory(String brokerUrl, Table table) throws Exception {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(ServiceFlags.read(serviceUnit));
        command.addAll(List.of("-jar", terminalJar.toString(), "--seat", "s-002", "--hardware", "simulated",
                "--broker", brokerUrl, "--data-dir", work.resolve("rss").toString()));
        Process terminal = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("rss.log").toFile()).start();
        try (OutputStream keys = terminal.getOutputStream()) {
            Thread.sleep(3000);
            keys.write("r\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 2000; i++) {
                keys.write("b\n".getBytes(StandardCharsets.US_ASCII));
                keys.flush();
                Thread.sleep(2);
            }
            Thread.sleep(3000);
            Map<String, String> status = ProcStatus.read(terminal.pid());
            table.row("terminal RSS after 2,000 presses (service JVM flags)", status.get("VmRSS"), "< 64 MB")
                    .row("terminal peak RSS (VmHWM)", status.get("VmHWM"), "< 64 MB")
                    .note("service JVM flags: " + String.join(" ", ServiceFlags.read(serviceUnit)));
            keys.write("q\n".getBytes(StandardCharsets.US_ASCII));
        }
        if (!terminal.waitFor(10, TimeUnit.SECONDS)) {
            terminal.destroyForcibly();
        }
    }

    private static TerminalConfig config(String brokerUrl, Path dataDir) {
        Properties props = TerminalConfig.defaults();
        props.setProperty("seat", "s-001");
        props.setProperty("broker", brokerUrl);
        props.setProperty("hardware", "simulated");
        props.setProperty("dataDir", dataDir.toString());
        return TerminalConfig.from(props, "bench");
    }

    private static String micros(long us) {
        return us >= 1000 ? String.format("%.2f ms", us / 1000.0) : us + " µs";
    }

}
