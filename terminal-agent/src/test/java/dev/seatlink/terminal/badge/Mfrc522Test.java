package dev.seatlink.terminal.badge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.mock.provider.spi.MockSpiProvider;
import dev.seatlink.terminal.simulate.SimulatedMfrc522;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The MFRC522 driver over Pi4J's mock SPI, against a chip that answers its register protocol. */
class Mfrc522Test {
    private final Context pi4j = Pi4J.newContextBuilder().noAutoDetect().add(new SimulatedMfrc522.Provider()).build();
    private final SimulatedMfrc522 chip = (SimulatedMfrc522) BadgeReaders.spi(pi4j, MockSpiProvider.ID,
            BadgeReaderSpec.parse("mfrc522:0:1"));
    private final Mfrc522 reader = new Mfrc522(chip);

    @AfterEach
    void close() {
        pi4j.shutdown();
    }

    @Test
    void aCardInTheFieldIsReadByItsUidAndNoCardIsNothing() {
        assertThat(reader.init()).as("the version register").isEqualTo(0x92);
        assertThat(reader.readCard()).isEmpty();

        chip.present("04a1b2c3");
        assertThat(reader.readCard()).contains("04A1B2C3");
    }

    @Test
    void theReaderThreadReadsACardPresented() {
        List<String> badges = new CopyOnWriteArrayList<>();
        try (Mfrc522Reader polling = new Mfrc522Reader(reader)) {
            polling.start(badges::add);
            chip.present("DEADBEEF");
            await().atMost(Duration.ofSeconds(10)).until(() -> !badges.isEmpty());
        }
        assertThat(badges).containsExactly("DEADBEEF");
    }

    @Test
    void aCardLeftOnTheReaderAnswersEveryOtherPollAndCountsOnceUntilItLeaves() {
        CardPresence presence = new CardPresence();
        reader.init();
        chip.present("DEADBEEF");
        List<String> counted = new java.util.ArrayList<>();
        for (int poll = 0; poll < 10; poll++) {
            presence.poll(reader.readCard()).ifPresent(counted::add);
        }
        assertThat(counted).as("held for ten polls").containsExactly("DEADBEEF");

        chip.present(null);
        for (int poll = 0; poll < CardPresence.GONE_AFTER; poll++) {
            presence.poll(reader.readCard()).ifPresent(counted::add);
        }
        chip.present("DEADBEEF");
        presence.poll(reader.readCard()).ifPresent(counted::add);
        presence.poll(reader.readCard()).ifPresent(counted::add);
        assertThat(counted).as("presented again after leaving").containsExactly("DEADBEEF", "DEADBEEF");
    }

    @Test
    void theBadgeReaderKeyIsCheckedWhenTheConfigIsRead() {
        assertThat(BadgeReaderSpec.parse("none")).isEqualTo(BadgeReaderSpec.NONE);
        assertThat(BadgeReaderSpec.parse("evdev:/dev/input/event3").device()).hasToString("/dev/input/event3");
        assertThat(BadgeReaderSpec.parse("mfrc522").kind()).isEqualTo(BadgeReaderSpec.Kind.MFRC522);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BadgeReaderSpec.parse("rfid"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
