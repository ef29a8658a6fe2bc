package dev.seatlink.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class BrokerListTest {

    @Test
    void oneBrokerOrACommaSeparatedClusterInOrder() {
        assertThat(BrokerList.parse("tcp://127.0.0.1:1883")).containsExactly(URI.create("tcp://127.0.0.1:1883"));
        assertThat(BrokerList.parse("ssl://n1:8883, ssl://n2:8883,ssl://n3.example:8883"))
                .containsExactly(URI.create("ssl://n1:8883"), URI.create("ssl://n2:8883"),
                        URI.create("ssl://n3.example:8883"));
        assertThat(BrokerList.isTls("ssl://n1:8883,ssl://n2:8883")).isTrue();
        assertThat(BrokerList.isTls("tcp://n1:1883")).isFalse();
    }

    @Test
    void aWrongListIsRefusedNamingTheEntry() {
        assertThatThrownBy(() -> BrokerList.parse("tcp://n1:1883,n2:1883"))
                .hasMessage("'n2:1883' must start with tcp:// or ssl:// and look like tcp://HOST:PORT (a list is comma-separated)");
        assertThatThrownBy(() -> BrokerList.parse("tcp://n1:1883,")).hasMessageStartingWith("'' must start with");
        assertThatThrownBy(() -> BrokerList.parse("tcp://n1:1883,ssl://n2:8883")).hasMessageContaining("mixes");
        assertThatThrownBy(() -> BrokerList.parse("tcp://n1:1883,tcp://n1:1883")).hasMessageContaining("twice");
        assertThatThrownBy(() -> BrokerList.parse("tcp://n1:99999")).hasMessageContaining("1-65535");
        assertThatThrownBy(() -> BrokerList.parse(" ")).hasMessage("no broker given");
        assertThatThrownBy(() -> BrokerList.parse("tcp://n:1,".repeat(17) + "tcp://x:1"))
                .hasMessageStartingWith("at most 16 brokers");
    }
}
