package dev.seatlink.gateway.broker;

import dev.seatlink.gateway.access.AccessRules;
import dev.seatlink.gateway.access.PasswordFile;
import dev.seatlink.gateway.site.SiteConfig;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.tinylog.Logger;

/**
 * The embedded broker's access control, the same rules as the generated Mosquitto ACL
 * ({@link AccessRules}): a seat logs in with its own credentials and client id and touches only its
 * own topics; the gateway reads and writes the floor. Refusals are logged without any secret.
 */
final class BrokerAccess implements IAuthenticator, IAuthorizatorPolicy {
    private final SiteConfig map;
    private final PasswordFile passwords;

    BrokerAccess(SiteConfig map, PasswordFile passwords) {
        this.map = map;
        this.passwords = passwords;
    }

    @Override
    public boolean checkValid(String clientId, String username, byte[] password) {
        if (username == null || password == null) {
            return false;
        }
        Optional<String> user = passwords.check(username, new String(password, StandardCharsets.UTF_8).toCharArray());
        boolean ok = user.isPresent() && username.equals(clientId);
        if (!ok) {
            Logger.warn("embedded broker refused a login as '{}' (client id '{}')", username, clientId);
        }
        return ok;
    }

    @Override
    public boolean canWrite(Topic topic, String user, String client) {
        return allowed(topic, user, true);
    }

    @Override
    public boolean canRead(Topic topic, String user, String client) {
        return allowed(topic, user, false);
    }

    private boolean allowed(Topic topic, String user, boolean write) {
        boolean ok = AccessRules.allows(map, user, topic.toString(), write);
        if (!ok) {
            Logger.warn("embedded broker refused {} of {} to '{}'", write ? "a publish" : "a subscription", topic, user);
        }
        return ok;
    }
}
