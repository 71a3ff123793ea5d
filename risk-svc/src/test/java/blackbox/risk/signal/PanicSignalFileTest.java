package blackbox.risk.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.risk.service.RiskDesk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PanicSignalFileTest {
    record Press(String who, boolean flatten, String why) {
    }

    final List<Press> presses = new ArrayList<>();
    final PanicSignalFile.PanicButton button = (actor, flatten, why) -> {
        presses.add(new Press(actor.user(), flatten, why));
        return new RiskDesk.Unchanged("recorded");
    };

    @Test
    void creatingTheFilePanicsOnceWithItsContentsAsTheReason(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("PANIC");
        PanicSignalFile signal = new PanicSignalFile(file, true, button);
        assertTrue(signal.poll().isEmpty());
        Files.writeString(file, "web app down, closing everything\n");
        assertTrue(signal.poll().isPresent());
        assertEquals(List.of(new Press("signal-file", true, "web app down, closing everything")), presses);
        assertFalse(Files.exists(file), "renamed so that it triggers once");
        try (var done = Files.list(dir)) {
            assertTrue(done.anyMatch(p -> p.getFileName().toString().startsWith("PANIC.done-")));
        }
        assertTrue(signal.poll().isEmpty());
        Files.writeString(file, "");
        signal.poll();
        assertEquals(new Press("signal-file", true, "(empty file)"), presses.get(1));
    }
}
