package dev.seatlink.gateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Reads a {@code username=… password=…} file written by {@code tools/seatlink credentials}. */
public final class CredentialsFile {
    private CredentialsFile() {
    }

    public static Properties read(Path file) {
        Properties props = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            props.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }
}
