package dev.seatlink.gateway.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Short-lived certificates made with the machine's {@code openssl}, in one folder. */
public final class TestCertificates {
    private final Path dir;

    public TestCertificates(Path dir) {
        this.dir = dir;
    }

    public static boolean opensslInstalled() {
        return Files.isExecutable(Path.of("/usr/bin/openssl"));
    }

    /** A self-signed certificate authority: {@code name}.pem and {@code name}.key. */
    public Path ca(String name) throws Exception {
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".pem",
                "-days", "2", "-subj", "/CN=SeatLink test " + name);
        return dir.resolve(name + ".pem");
    }

    /** A server certificate for 127.0.0.1 and localhost signed by {@code ca}: {@code name}.pem and {@code name}.key. */
    public Path server(String name, String ca) throws Exception {
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".csr", "-subj",
                "/CN=127.0.0.1");
        Files.writeString(dir.resolve("san.cnf"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        openssl("x509", "-req", "-in", name + ".csr", "-CA", ca + ".pem", "-CAkey", ca + ".key", "-CAcreateserial",
                "-out", name + ".pem", "-days", "2", "-extfile", "san.cnf");
        return dir.resolve(name + ".pem");
    }

    public Path key(String name) {
        return dir.resolve(name + ".key");
    }

    private void openssl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile()).start();
        assertThat(process.waitFor()).as("openssl " + String.join(" ", args) + ": "
                + Files.readString(dir.resolve("openssl.log"))).isZero();
    }
}
