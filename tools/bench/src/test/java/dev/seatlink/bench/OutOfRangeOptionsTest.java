package dev.seatlink.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * A number no floor or scenario can have is refused before anything starts, with the option and its range (exit 2):
 * {@code simulate --seats 0} once ran on into a division by zero, {@code --seats 1000000000} into a list the size of
 * the heap, and a negative rate was taken.
 */
class OutOfRangeOptionsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "simulate --seats 0                  | --seats must be 1-10000 (was 0)",
        "simulate --seats 1000000000         | --seats must be 1-10000 (was 1000000000)",
        "simulate --rate -1                  | --rate must be 0.01-10000.0 (was -1.0)",
        "simulate --rate NaN                 | --rate must be 0.01-10000.0 (was NaN)",
        "simulate --seconds 0                | --seconds must be 1-2147483647 (was 0)",
        "simulate --first-seq 0              | the first seq must be 1-",
        "simulate --site Leeds/1             | a site or floor id is [a-z0-9][a-z0-9-]{0,31}, not 'Leeds/1'",
        "center --floors 0                   | --floors must be 1-10 (was 0)",
        "center --seats -3                   | --seats must be 1-10000 (was -3)",
        "center --reorder-timeout-ms 50      | --reorder-timeout-ms must be 100-60000 (was 50)",
        "wallboard --clients 5000            | --clients must be 1-250 (was 5000)",
        "catch-up --events -5                | --events must be 1-10000000 (was -5)",
        "terminal --presses 0                | --presses must be 1-1000000 (was 0)",
    })
    void aNumberOutOfItsRangeIsRefusedWithTheRange(String command, String why) {
        StringWriter err = new StringWriter();
        CommandLine bench = new CommandLine(new BenchMain()).setErr(new PrintWriter(err));

        int exit = bench.execute(command.trim().split("\\s+"));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(why.trim());
    }

    @Test
    void noSiteConfigIsWrittenForAFloorThatCannotBe() {
        Path site = dir.resolve("f1.json");
        StringWriter err = new StringWriter();

        int exit = new CommandLine(new BenchMain()).setErr(new PrintWriter(err))
                .execute("simulate", "--write-site", site.toString(), "--seats", "0");

        assertThat(exit).isEqualTo(2);
        assertThat(site).doesNotExist();
    }
}
