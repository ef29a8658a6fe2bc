package dev.seatlink.gateway.access;

import dev.seatlink.gateway.testing.TestCredentials;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.site.SiteConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialFilesTest {
    private final SiteConfig demo = new SiteConfigLoader().loadDemo();

    @TempDir
    Path dir;

    private String read(String file) throws Exception {
        return Files.readString(dir.resolve(file));
    }

    @Test
    void writesPasswdAclAndOneCredentialsFilePerSeatAllPrivate() throws Exception {
        CredentialFiles.Written written = new CredentialFiles(dir, TestCredentials.BCRYPT_COST).generate(demo);

        assertThat(written.created()).isEqualTo(29); // 24 seats, the gateway (alone, or a and b), monitor and cti
        assertThat(read("passwd").lines()).hasSize(29).allMatch(line -> line.matches("hq\\.f1\\.[a-z0-9-]+:\\$7\\$101\\$.+"));
        assertThat(read("seats/s-014.credentials")).startsWith("username=hq.f1.s-014\npassword=");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("passwd")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("nats-users.conf"))))
                .isEqualTo("rw-------");
    }

    @Test
    void natsUsersGrantASeatItsOwnSubjectsOnlyAndThePairItsFloorItsLeaseAndItsClusterQuestions() throws Exception {
        new CredentialFiles(dir, TestCredentials.BCRYPT_COST).generate(demo);

        String nats = read("nats-users.conf");
        assertThat(nats.lines().filter(line -> line.startsWith("{user:"))).hasSize(29)
                .allMatch(line -> line.contains("password: \"$2a$04$"));
        assertThat(nats.lines().filter(line -> line.startsWith("{user:") && !line.contains(".gateway")))
                .allMatch(line -> line.contains("allowed_connection_types: [\"MQTT\"]"));
        String pair = nats.lines().filter(line -> line.startsWith("{user: \"hq.f1.gateway-b\"")).findFirst().orElseThrow();
        assertThat(pair).contains("allowed_connection_types: [\"MQTT\", \"STANDARD\"]")
                .contains("publish: {allow: [\"seatlink.v1.hq.f1.>\", \"$JS.API.STREAM.INFO.KV_seatlink-lease_hq_f1\", ")
                .contains("\"$KV.seatlink-lease_hq_f1.lease\", \"$JS.API.INFO\", \"$JS.API.STREAM.INFO.$MQTT_sess\", "
                        + "\"$JS.API.STREAM.INFO.$MQTT_msgs\", \"$JS.API.STREAM.INFO.$MQTT_rmsgs\", "
                        + "\"$JS.API.STREAM.MSG.GET.$MQTT_sess\", \"$JS.API.CONSUMER.INFO.$MQTT_msgs.*\"]}")
                .contains("subscribe: {allow: [\"seatlink.v1.hq.f1.>\", \"_INBOX.hq.f1.gateway-b.>\", ")
                .doesNotContain("hq.f2");
        String seat = nats.lines().filter(line -> line.startsWith("{user: \"hq.f1.s-001\"")).findFirst().orElseThrow();
        assertThat(seat).contains("publish: {allow: [\"seatlink.v1.hq.f1.s-001.status\", \"seatlink.v1.hq.f1.s-001.state\", "
                + "\"seatlink.v1.hq.f1.s-001.event\", \"seatlink.v1.hq.f1.s-001.cmd-result\", "
                + "\"seatlink.v1.hq.f1.s-001.badge\", \"seatlink.v1.hq.f1.s-001.probe\"]}")
                .contains("subscribe: {allow: [\"seatlink.v1.hq.f1.s-001.*\", \"seatlink.v1.hq.f1.gateway\"")
                .doesNotContain("s-002");
        assertThat(read("acl")).contains("user hq.f1.gateway-a\ntopic readwrite seatlink/v1/hq/f1/#\n");
    }

    @Test
    void theMonitorLoginReadsTheWholeFloorAndWritesNothing() throws Exception {
        new CredentialFiles(dir, TestCredentials.BCRYPT_COST).generate(demo);

        assertThat(read("monitor.credentials")).startsWith("username=hq.f1.monitor\npassword=");
        assertThat(read("acl")).contains("user hq.f1.monitor\ntopic read seatlink/v1/hq/f1/#\n");
        assertThat(AccessRules.allows(demo, "hq.f1.monitor", "seatlink/v1/hq/f1/#", false)).isTrue();
        assertThat(AccessRules.allows(demo, "hq.f1.monitor", "seatlink/v1/hq/f1/s-001/cmd", true)).isFalse();
        assertThat(AccessRules.allows(demo, "hq.f1.monitor", "seatlink/v1/hq/f2/#", false)).isFalse();
    }

    @Test
    void thePhoneSystemsLoginWritesTheFloorsCtiTopicOnlyAndASeatReadsItsOwnCalls() throws Exception {
        new CredentialFiles(dir, TestCredentials.BCRYPT_COST).generate(demo);

        assertThat(read("cti.credentials")).startsWith("username=hq.f1.cti\npassword=");
        assertThat(read("acl")).contains("user hq.f1.cti\ntopic write seatlink/v1/hq/f1/cti\n\n")
                .contains("topic read seatlink/v1/hq/f1/s-001/+\n");
        assertThat(AccessRules.allows(demo, "hq.f1.cti", "seatlink/v1/hq/f1/cti", true)).isTrue();
        assertThat(AccessRules.allows(demo, "hq.f1.cti", "seatlink/v1/hq/f1/s-001/call", true)).isFalse();
        assertThat(AccessRules.allows(demo, "hq.f1.cti", "seatlink/v1/hq/f1/#", false)).isFalse();
        assertThat(AccessRules.allows(demo, "hq.f1.s-001", "seatlink/v1/hq/f1/s-001/call", false)).isTrue();
        assertThat(AccessRules.allows(demo, "hq.f1.s-001", "seatlink/v1/hq/f1/s-002/call", false)).isFalse();
        assertThat(AccessRules.allows(demo, "hq.f1.s-001", "seatlink/v1/hq/f1/s-001/+", false)).isTrue();
        assertThat(AccessRules.allows(demo, "hq.f1.s-001", "seatlink/v1/hq/f1/s-001/#", false)).isFalse();
        assertThat(AccessRules.allows(demo, "hq.f1.s-001", "seatlink/v1/hq/f1/+/+", false)).isFalse();
        assertThat(AccessRules.allows(demo, "hq.f1.s-001", "seatlink/v1/hq/f1/s-001/probe", true)).isTrue();
        assertThat(AccessRules.allows(demo, "hq.f1.s-001", "seatlink/v1/hq/f1/s-001/cmd", true)).isFalse();
        assertThat(AccessRules.allows(demo, "hq.f1.s-001", "seatlink/v1/hq/f1/cti", true)).isFalse();
        assertThat(read("nats-users.conf")).contains("{user: \"hq.f1.cti\"")
                .contains("publish: {allow: [\"seatlink.v1.hq.f1.cti\"]}");
    }

    @Test
    void runningAgainKeepsEveryPassword() throws Exception {
        new CredentialFiles(dir, TestCredentials.BCRYPT_COST).generate(demo);
        String before = read("seats/s-001.credentials");

        CredentialFiles.Written again = new CredentialFiles(dir, TestCredentials.BCRYPT_COST).generate(demo);

        assertThat(again.created()).isZero();
        assertThat(read("seats/s-001.credentials")).isEqualTo(before);
    }

    @Test
    void rotatingChangesOnlyThatSeat() throws Exception {
        new CredentialFiles(dir, TestCredentials.BCRYPT_COST).generate(demo);
        String other = read("seats/s-002.credentials");
        String old = read("seats/s-001.credentials");

        new CredentialFiles(dir, TestCredentials.BCRYPT_COST).rotate(demo, "s-001");

        assertThat(read("seats/s-001.credentials")).isNotEqualTo(old);
        assertThat(read("seats/s-002.credentials")).isEqualTo(other);
        assertThatThrownBy(() -> new CredentialFiles(dir, TestCredentials.BCRYPT_COST).rotate(demo, "s-999")).hasMessageContaining("not in the seat map");
    }

    @Test
    void theAclGivesEachSeatOnlyItsOwnTopicsAndNoSecretAppearsInIt() throws Exception {
        new CredentialFiles(dir, TestCredentials.BCRYPT_COST).generate(demo);
        String acl = read("acl");
        String password = read("seats/s-014.credentials").lines().filter(l -> l.startsWith("password=")).findFirst()
                .orElseThrow().substring(9);

        String block = acl.substring(acl.indexOf("user hq.f1.s-014"), acl.indexOf("user hq.f1.s-015"));
        assertThat(block).contains("topic write seatlink/v1/hq/f1/s-014/event", "topic write seatlink/v1/hq/f1/s-014/probe",
                "topic read seatlink/v1/hq/f1/s-014/+", "topic read seatlink/v1/hq/f1/gateway")
                .doesNotContain("s-013", "#", "topic write seatlink/v1/hq/f1/s-014/cmd\n", "/+/");
        assertThat(acl).contains("user hq.f1.gateway\ntopic readwrite seatlink/v1/hq/f1/#").doesNotContain(password);
        assertThat(read("passwd")).doesNotContain(password);
    }

    @Test
    void aBcryptCostBeyondWhatBcryptTakesIsRefused() {
        assertThat(CredentialFiles.BCRYPT_COST).isEqualTo(11);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CredentialFiles(dir, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4-31");
    }

    @Test
    void hashesAreMosquittosPbkdf2Form() {
        byte[] salt = new byte[12];
        String hash = MosquittoPassword.hash("secret".toCharArray(), salt);

        assertThat(hash).startsWith("$7$101$" + Base64.getEncoder().encodeToString(salt) + "$");
        assertThat(Base64.getDecoder().decode(hash.substring(hash.lastIndexOf('$') + 1))).hasSize(64);
    }

    private CentreScope centre(String json) throws Exception {
        return CentreScope.read(Files.writeString(dir.resolve("centre.json"), json));
    }

    @Test
    void theCentreViewsLoginReadsEachFloorsSummaryLeaseAndEventsAndKeepsItsPassword() throws Exception {
        CentreScope leeds = centre("{\"centre\": \"Leeds (main)\", \"floors\": [{\"site\": \"leeds\", \"floor\": \"f1\"},"
                + " {\"site\": \"leeds\", \"floor\": \"f2\", \"name\": \"Second\"}]}");
        Path out = dir.resolve("centre");

        CredentialFiles.Written first = new CredentialFiles(out, TestCredentials.BCRYPT_COST).centre(leeds);
        String login = Files.readString(out.resolve("centre.credentials"));
        CredentialFiles.Written again = new CredentialFiles(out, TestCredentials.BCRYPT_COST).centre(leeds);

        assertThat(leeds.user()).isEqualTo("centre.leeds-main");
        assertThat(first.created()).isEqualTo(1);
        assertThat(again.kept()).isEqualTo(1);
        assertThat(Files.readString(out.resolve("centre.credentials"))).isEqualTo(login).startsWith("username=centre.leeds-main\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("centre.credentials"))))
                .isEqualTo("rw-------");
        String user = Files.readString(out.resolve("nats-users.conf")).lines().filter(line -> line.startsWith("{user:"))
                .collect(java.util.stream.Collectors.joining());
        assertThat(user).startsWith("{user: \"centre.leeds-main\", password: \"$2a$04$")
                .contains("publish: {deny: [\">\"]}")
                .contains("subscribe: {allow: [\"seatlink.v1.leeds.f1.summary\", \"seatlink.v1.leeds.f1.gateway\", "
                        + "\"seatlink.v1.leeds.f1.*.event\", \"seatlink.v1.leeds.f2.summary\", \"seatlink.v1.leeds.f2.gateway\", "
                        + "\"seatlink.v1.leeds.f2.*.event\", \"$MQTT.sub.>\"]}")
                .doesNotContain(login.substring(login.indexOf("password=") + 9).trim());
    }

    @Test
    void theCentreViewsLoginIsRefusedAFloorsDirectoryAndFloorsThatAreNotIds() throws Exception {
        new CredentialFiles(dir, TestCredentials.BCRYPT_COST).generate(demo);
        CentreScope hq = centre("{\"centre\": \"HQ\", \"floors\": [{\"site\": \"hq\", \"floor\": \"f1\"}]}");

        assertThatThrownBy(() -> new CredentialFiles(dir, TestCredentials.BCRYPT_COST).centre(hq))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds a floor's credentials");
        // a '>' or '.' in a floor id would widen the login's subjects
        assertThatThrownBy(() -> centre("{\"centre\": \"HQ\", \"floors\": [{\"site\": \"hq\", \"floor\": \">\"}]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("floors[0]: site and floor must be");
        assertThatThrownBy(() -> centre("{\"centre\": \"HQ\", \"floors\": []}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lists its floors");
        assertThatThrownBy(() -> centre("not json")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not JSON");
    }
}
