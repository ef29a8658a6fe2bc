package dev.seatlink.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code tools/seatlink terminal floor}: seats no floor can run, or a pace no agent can keep (at 0 every seat pressed
 * a button on every tick), are one line and exit 2, before any seat starts.
 */
class TerminalCommandLineTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--seats   | S 2          | terminal: --seats: 'S 2' is not a seat id",
        "--seats   | s-010..s-001 | terminal: --seats: range 's-010..s-001' runs backwards",
        "--seats   | s-1,s-1      | terminal: --seats: 's-1' is listed twice",
        "--except  | s-1..s-0     | terminal: --except: range 's-1..s-0' runs backwards",
        "--pace    | 0            | terminal: --pace must be 0.1-100.0 (was 0.0)",
        "--pace    | -2           | terminal: --pace must be 0.1-100.0 (was -2.0)",
    })
    void aFloorsSeatsThatCannotRunAreOneLine(String option, String seats, String said) {
        StringWriter err = new StringWriter();
        String[] args = option.equals("--seats")
                ? new String[] {"floor", "--seats", seats, "--broker", "tcp://127.0.0.1:1", "--data-dir", dir.toString()}
                : new String[] {"floor", "--seats", "s-1", option, seats, "--broker", "tcp://127.0.0.1:1",
                    "--data-dir", dir.toString()};

        int exit = TerminalMain.commandLine().setErr(new PrintWriter(err)).execute(args);

        assertThat(exit).isEqualTo(TerminalMain.EXIT_CONFIG);
        assertThat(err.toString().lines()).containsExactly(said);
    }
}
