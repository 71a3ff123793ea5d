package blackbox.gateway.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance run over the real B3 tape in {@code ../shared/data/b3-btg-2025/trades} (not in the repository:
 * no redistribution licence). Skipped, saying so, when the folder is absent.
 */
class B3AcceptanceTest {

    @Test
    @Timeout(60)
    void importsAllPetr4MarchSessionsWithoutRejections(@TempDir Path dir) throws IOException {
        Path trades = Rows.repoRoot().resolve("../shared/data/b3-btg-2025/trades").normalize();
        Assumptions.assumeTrue(Files.isDirectory(trades),
                () -> "B3 acceptance skipped: the folder " + trades + " is absent");
        List<Path> inputs;
        try (Stream<Path> files = Files.list(trades)) {
            inputs = files.filter(p -> p.getFileName().toString().matches("PETR4_\\d{2}032025\\.csv")).sorted().toList();
        }
        long tradeRows = 0;
        long bookRows = 0;
        for (Path input : inputs) {
            for (String line : Files.readAllLines(input)) {
                tradeRows += line.contains(",trade,") ? 1 : 0;
                bookRows += line.contains(",book,") ? 1 : 0;
            }
        }
        Path out = dir.resolve("petr4-march.replay.csv");

        long start = System.nanoTime();
        ImportReport report = new ReplayImporter(new B3UmdfCsvSource(), ImportProgress.NONE).importFiles(inputs, out);
        long ms = Math.max(1, (System.nanoTime() - start) / 1_000_000);

        System.out.printf("PETR4 March: %d files, %d rows in %d ms (%d rows/s)%n", inputs.size(), report.rowsRead(), ms,
                report.rowsRead() * 1000 / ms);
        ImportMain.print(report, System.out);
        assertEquals(19, inputs.size());
        assertEquals(0, report.rowsRejected(), () -> report.firstErrors().toString());
        assertEquals(tradeRows + bookRows, report.rowsWritten());
        assertTrue(report.rowsWritten() > 0);

        Map<LocalDate, Long> lastNumber = new HashMap<>();
        long trades2 = 0;
        long previousTs = Long.MIN_VALUE;
        try (ReplayReader reader = ReplayReader.open(out)) {
            for (ReplayEvent next = reader.next(); next != null; next = reader.next()) {
                ReplayEvent e = next;
                assertTrue(e.tsNanos() >= previousTs);
                previousTs = e.tsNanos();
                if (e.kind() == EventKind.T) {
                    trades2++;
                    LocalDate session = SessionNumbering.sessionDate(e.tsNanos());
                    long expected = lastNumber.getOrDefault(session, 0L) + 1;
                    assertEquals(expected, e.tradeNumber(), () -> "trade numbers per session consecutive: " + e);
                    lastNumber.put(session, expected);
                    assertEquals(2, e.price().scale());
                }
            }
        }
        assertEquals(tradeRows, trades2);
        assertEquals(19, lastNumber.size());
    }
}
