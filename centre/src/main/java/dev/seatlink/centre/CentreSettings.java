package dev.seatlink.centre;

import dev.seatlink.centre.config.CentreConfigException;
import dev.seatlink.centre.feed.CentreLink;
import dev.seatlink.link.BrokerList;
import java.nio.file.Path;

/**
 * What {@code tools/seatlink center} is told, checked as a whole: a wrong value stops it before anything starts,
 * naming the option.
 *
 * @param brokers    the cluster's nodes ({@code tcp://n1:1883,…}), or one broker
 * @param centreFile the centre config (its floors)
 */
record CentreSettings(String brokers, Path centreFile, String httpHost, int httpPort, CentreLink.Login login) {
    CentreSettings {
        try {
            BrokerList.parse(brokers);
        } catch (IllegalArgumentException e) {
            throw new CentreConfigException("--broker: " + e.getMessage());
        }
        if (centreFile == null) {
            throw new CentreConfigException("--center-config FILE is needed: the floors of the centre");
        }
        if (httpPort < 0 || httpPort > 65_535) {
            throw new CentreConfigException("--http-port must be 0-65535 (was " + httpPort + ")");
        }
        if (login.tlsCaFile() != null && !BrokerList.isTls(brokers)) {
            throw new CentreConfigException("--tls-ca-file is for ssl:// brokers");
        }
        if (login.password() != null && login.username() == null) {
            throw new CentreConfigException("a broker password needs --username");
        }
    }
}
