package dev.seatlink.bench.micro;

import dev.seatlink.gateway.floor.Applied;
import dev.seatlink.gateway.floor.FloorModel;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.site.SiteConfigLoader;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.SeatStatus;
import dev.seatlink.simulator.SiteFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** {@code FloorModel.applyEvent} on a floor of {@code seats} online seats, seats in turn, as a busy floor sends them. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FloorModelBenchmark {
    private static final AgentState[] CYCLE = {AgentState.READY, AgentState.BUSY, AgentState.WRAP_UP};

    @Param({"2000", "10000"})
    int seats;

    private FloorModel floor;
    private String[] ids;
    private long[] seq;
    private int next;

    @Setup
    public void floor() throws IOException {
        Path file = Files.createTempFile("bench-site", ".json");
        Files.writeString(file, SiteFile.json("bench", "f1", seats));
        SiteConfig site = new SiteConfigLoader().load(file);
        Files.delete(file);
        long now = System.currentTimeMillis();
        floor = new FloorModel(site, now);
        ids = new String[seats];
        seq = new long[seats];
        for (int i = 0; i < seats; i++) {
            ids[i] = site.seats().get(i).seat();
            floor.applyStatus(ids[i], SeatStatus.online("b", "bench", now), now);
        }
    }

    @Benchmark
    public Applied applyEvent() {
        int i = next;
        next = (next + 1) % seats;
        long s = ++seq[i];
        return floor.applyEvent(ids[i], new SeatEvent(ids[i], null, CYCLE[(int) ((s + 2) % 3)], CYCLE[(int) (s % 3)],
                null, false, System.currentTimeMillis(), s, "b", Cause.BUTTON));
    }
}
