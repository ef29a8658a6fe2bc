package dev.seatlink.terminal.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.SeatState;
import dev.seatlink.protocol.Topic;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {
    private static final Topic TOPIC = Topic.seat("hq", "f1", "s-1", Topic.Kind.STATE);
    private static final SeatState STATE = new SeatState("s-1", "a1", AgentState.NOT_READY, "break", true,
            1_763_900_000_000L, 42, "boot-1");

    @TempDir
    Path dir;

    @Test
    void firstStartHasNothingToRestore() {
        assertThat(new StateFile(dir, TOPIC, new Codec()).load()).isEmpty();
    }

    @Test
    void whatWasSavedIsRestoredAfterARestart() {
        new StateFile(dir, TOPIC, new Codec()).save(STATE);

        assertThat(new StateFile(dir, TOPIC, new Codec()).load()).contains(STATE);
    }

    @Test
    void aSaveReplacesTheFileWholeAndLeavesNoTemporaryBehind() throws Exception {
        StateFile file = new StateFile(dir, TOPIC, new Codec());
        file.save(STATE);
        file.save(new SeatState("s-1", "a1", AgentState.READY, null, false, 1_763_900_000_000L, 43, "boot-1"));

        assertThat(file.load().orElseThrow().seq()).isEqualTo(43);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(StateFile.NAME);
        }
    }

    @Test
    void anUnreadableFileIsTreatedAsAbsentNotAsACrash() throws Exception {
        Files.writeString(dir.resolve(StateFile.NAME), "{\"v\":1,\"seat\":");

        assertThat(new StateFile(dir, TOPIC, new Codec()).load()).isEmpty();
    }
}
