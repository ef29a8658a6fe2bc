package dev.seatlink.centre;

import dev.seatlink.centre.config.CentreConfigException;
import dev.seatlink.centre.feed.CentreLink;
import dev.seatlink.link.BrokerList;
import dev.seatlink.centre.report.CentreReports;
import java.nio.file.Path;
import java.time.ZoneId;

/**
 * What {@code tools/seatlink center} is told, checked as a whole: a wrong value stops it before anything starts,
 * naming the option.
 *
 * @param brokers    the cluster's nodes ({@code tcp://n1:1883,…}), or one broker
 * @param centreFile the centre config (its floors)
 * @param reports    the centre-wide PostgreSQL store to report from, or null
 * @param zone       the centre's time zone: what a day is in the daily report
 */
record CentreSettings(String brokers, Path centreFile, String httpHost, int httpPort, CentreLink.Login login,
                      CentreReports reports, ZoneId zone) {
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
