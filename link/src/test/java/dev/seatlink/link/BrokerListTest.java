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

    @Test
    void eachClientTurnsTheListToItsOwnNodeAndAFloorsPairNeverStartsOnOne() {
        java.util.List<URI> nodes = BrokerList.parse("tcp://n1:1883,tcp://n2:1883,tcp://n3:1883");
        java.util.Set<URI> firstOfSeats = new java.util.HashSet<>();
        for (int seat = 1; seat <= 30; seat++) {
            java.util.List<URI> turned = BrokerList.turnedFor(nodes, "hq.f1.s-" + seat, 0);
            assertThat(turned).as("every node, in the list's order from where it starts").hasSize(3)
                    .containsExactlyInAnyOrderElementsOf(nodes);
            assertThat(nodes.get((nodes.indexOf(turned.get(0)) + 1) % 3)).isEqualTo(turned.get(1));
            firstOfSeats.add(turned.get(0));
        }
        assertThat(firstOfSeats).as("thirty seats start on all three nodes").hasSize(3);
        for (String floor : java.util.List.of("hq.f1", "hq.f2", "east.f17")) {
            assertThat(BrokerList.turnedFor(nodes, floor, 0).get(0)).as("gateway-a and gateway-b of " + floor)
                    .isNotEqualTo(BrokerList.turnedFor(nodes, floor, 1).get(0));
        }
        assertThat(BrokerList.turnedFor(nodes, "hq.f1.s-1", 0)).as("the same client, the same node")
                .isEqualTo(BrokerList.turnedFor(nodes, "hq.f1.s-1", 0));
        assertThat(BrokerList.turnedFor(nodes.subList(0, 1), "anything", 1)).containsExactly(nodes.get(0));
    }
}
