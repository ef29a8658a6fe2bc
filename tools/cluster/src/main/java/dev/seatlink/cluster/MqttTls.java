package dev.seatlink.cluster;

import java.nio.file.Path;

/**
 * TLS on every node's MQTT listener and NATS client listener: clients then connect with {@code ssl://} (a pair's
 * lease with {@code tls://}) and trust the CA that signed {@code certFile}.
 *
 * @param certFile PEM certificate (chain) the nodes present; its names must include the address clients dial
 * @param keyFile  its PEM private key
 */
public record MqttTls(Path certFile, Path keyFile) {
    String config() {
        return "tls { cert_file: \"" + certFile.toAbsolutePath() + "\", key_file: \"" + keyFile.toAbsolutePath() + "\" }";
    }
}
