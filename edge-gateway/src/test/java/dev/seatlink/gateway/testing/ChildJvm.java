package dev.seatlink.gateway.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A gateway or terminal in its own JVM, so a test can really {@code kill -9} it. */
public final class ChildJvm implements AutoCloseable {
    private static final int DEFAULT_HEAP_MB = 128;
    private final Process process;
    private final OutputStream stdin;

    private ChildJvm(Process process) {
        this.process = process;
        this.stdin = process.getOutputStream();
    }

    /** Runs {@code mainClass} with this test's classpath; output goes to {@code log}. */
    public static ChildJvm start(String mainClass, Path log, String... args) {
        return startIn(null, mainClass, log, args);
    }

    /** The same, in the working directory {@code workDir} (null: this one). */
    public static ChildJvm startIn(Path workDir, String mainClass, Path log, String... args) {
        return launch(workDir, DEFAULT_HEAP_MB, mainClass, log, args);
    }

    /** The same with a heap of {@code heapMb} MiB: a test that proves memory stays bounded. */
    public static ChildJvm startWithHeap(int heapMb, String mainClass, Path log, String... args) {
        return launch(null, heapMb, mainClass, log, args);
    }

    private static ChildJvm launch(Path workDir, int heapMb, String mainClass, Path log, String... args) {
        // logging at info, as in production (this classpath's tinylog-test.properties says warn): a child's log file
        // is what tells how a failed fault test went; C1 only and serial GC, as the root pom's surefire argLine says
        // why; its temp files beside its log, so the test's directory takes them away: a child killed by -9 leaves
        // SQLite's native library and Vert.x's file cache behind, 1 MB in the machine's /tmp each time (two or three
        // a CI run)
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapMb + "m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dtinylog.writer.level=info",
                "-Djava.io.tmpdir=" + tempDirBeside(log), "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        try {
            return new ChildJvm(new ProcessBuilder(command).directory(workDir == null ? null : workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + mainClass, e);
        }
    }

    /** {@code LOG.tmp}, made if need be: the temp directory of the child that logs to {@code log}. */
    static Path tempDirBeside(Path log) {
        Path dir = log.resolveSibling(log.getFileName() + ".tmp");
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + dir, e);
        }
    }

    /** Types a line on the child's standard input (a simulated terminal's keys). */
    public void type(String line) {
        try {
            stdin.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("child's input closed", e);
        }
    }

    /** SIGKILL: no shutdown hook, no goodbye, no flush. */
    public void kill9() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
