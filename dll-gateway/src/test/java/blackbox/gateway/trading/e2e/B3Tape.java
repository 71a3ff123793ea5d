package blackbox.gateway.trading.e2e;

import blackbox.gateway.TestPaths;
import blackbox.gateway.replay.B3UmdfCsvSource;
import blackbox.gateway.replay.EventKind;
import blackbox.gateway.replay.ImportProgress;
import blackbox.gateway.replay.ImportReport;
import blackbox.gateway.replay.ReplayEvent;
import blackbox.gateway.replay.ReplayImporter;
import blackbox.gateway.replay.ReplayReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * PETR4 on 2025-04-07, the real B3 tape of {@code ../shared/data} imported with the project's {@link ReplayImporter}
 * (B3 UMDF format). Tests on it skip, saying why, where the folder is absent.
 */
final class B3Tape {
    static final String FILE = "b3-btg-2025/trades/2_PETR4_07042025.csv";
    /** B3 local time on that day (UTC-3, no daylight saving since 2019). */
    static final ZoneOffset LOCAL = ZoneOffset.ofHours(-3);
    static final java.time.LocalDate DAY = java.time.LocalDate.of(2025, 4, 7);

    final Path replay;
    final List<ReplayEvent> events;

    private B3Tape(Path replay, List<ReplayEvent> events) {
        this.replay = replay;
        this.events = events;
    }

    /** Imports the tape into {@code dir}; skips the calling test when the shared data is absent. */
    static B3Tape load(Path dir) {
        Path source = TestPaths.sharedData().resolve(FILE);
        Assumptions.assumeTrue(Files.isRegularFile(source), "B3 tape absent (" + source + "): trading acceptance run skipped");
        try {
            Path replay = dir.resolve("petr4-20250407.replay.csv");
            ImportReport report = new ReplayImporter(new B3UmdfCsvSource(), ImportProgress.NONE).importFiles(List.of(source), replay);
            if (report.rowsRejected() != 0) throw new AssertionError(report.toString());
            try (ReplayReader reader = ReplayReader.open(replay)) {
                return new B3Tape(replay, reader.stream().toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** UTC epoch ns of a local time of the day. */
    static long at(int hour, int minute, int second) {
        return DAY.atTime(LocalTime.of(hour, minute, second)).toEpochSecond(LOCAL) * 1_000_000_000L;
    }

    List<ReplayEvent> trades() {
        return events.stream().filter(e -> e.kind() == EventKind.T).toList();
    }
}
