package dev.seatlink.bench.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * A command's number checked against its range before anything starts: out of it, picocli prints why and the usage
 * and exits 2, where a zero or negative number once ran on into a division by zero or a list the size of the heap.
 */
public final class OptionRange {
    private OptionRange() {
    }

    public static void require(CommandSpec spec, String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw outOfRange(spec, option, String.valueOf(value), min, max);
        }
    }

    public static void require(CommandSpec spec, String option, double value, double min, double max) {
        if (!(value >= min && value <= max)) { // NaN too
            throw outOfRange(spec, option, String.valueOf(value), min, max);
        }
    }

    private static ParameterException outOfRange(CommandSpec spec, String option, String value, Number min,
                                                 Number max) {
        return new ParameterException(spec.commandLine(), option + " must be " + min + "-" + max + " (was " + value
                + ")");
    }
}
