package dev.seatlink.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatlink.gateway.testing.DemoManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Supervisors sign in over HTTPS when the gateway is given a certificate and key. */
class HttpsTest {
    @TempDir
    Path dir;

    private Path selfSigned() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-keyout", "key.pem", "-out", "cert.pem", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("openssl.log").toFile()).start();
        assertThat(openssl.waitFor()).as(Files.readString(dir.resolve("openssl.log"))).isZero();
        return dir.resolve("cert.pem");
    }

    private static HttpClient trusting(Path cert) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(cert)) {
            trust.setCertificateEntry("gateway", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, factory.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void theWallboardAndSignInAreServedOverTlsAndPlainHttpIsNotAnswered() throws Exception {
        Path cert = selfSigned();
        DemoManager manager = DemoManager.in(dir);
        try (Gateway gateway = Gateway.start(GatewayConfig.defaults().with(0, null, 0, dir.resolve("gw"))
                .withUsers(manager.usersFile()).withHttps(new GatewayConfig.Https(cert, dir.resolve("key.pem"))))) {
            HttpClient client = trusting(cert);
            String base = "https://127.0.0.1:" + gateway.httpPort();

            HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String basic = Base64.getEncoder().encodeToString((DemoManager.NAME + ":" + manager.password())
                    .getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> me = client.send(HttpRequest.newBuilder(URI.create(base + "/api/me"))
                    .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(gateway.wallboardUrl()).startsWith("https://");
            assertThat(health.statusCode()).isIn(200, 503); // 503 only while the broker link comes up
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).contains("centre-manager");
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + gateway.httpPort() + "/health")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
        }
    }
}
