package dev.seatlink.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The JVM flags of the terminal's systemd unit, so the benchmark measures what the service runs. */
final class ServiceFlags {
    private ServiceFlags() {
    }

    static List<String> read(Path unit) throws IOException {
        String text = Files.readString(unit).replace("\\\n", " ");
        String exec = text.lines().filter(line -> line.startsWith("ExecStart=")).findFirst()
                .orElseThrow(() -> new IllegalStateException(unit + " has no ExecStart"));
        return Arrays.stream(exec.split("\\s+")).filter(word -> word.startsWith("-X")).toList();
    }
}
