package dev.seatlink.bench.micro;

import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.Decoded;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.Topic;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Decoding and encoding one {@code event}, as the gateway and the terminal do for every transition. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBenchmark {
    private final Codec codec = new Codec();
    private final Topic topic = Topic.seat("hq", "f1", "s-014", Topic.Kind.EVENT);
    private final String topicText = topic.toString();
    private final SeatEvent event = new SeatEvent("s-014", "a1029", AgentState.READY, AgentState.NOT_READY, "break",
            false, 1_795_400_000_000L, 5012, "6f1c2d3e-0000-4000-8000-000000000001", Cause.BUTTON);
    private final byte[] payload = codec.encode(topic, event);

    @Benchmark
    public Decoded decodeEvent() {
        return codec.decode(topicText, payload);
    }

    @Benchmark
    public byte[] encodeEvent() {
        return codec.encode(topic, event);
    }
}
