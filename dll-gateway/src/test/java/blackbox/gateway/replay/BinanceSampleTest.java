package blackbox.gateway.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped sample {@code samples/replay/binance-spot-sample.replay.csv} is exactly what the importer makes
 * of the raw slice in {@code samples/binance/}. Regenerate it with
 * {@code ImportMain --format binance --out samples/replay/binance-spot-sample.replay.csv samples/binance/spot_*.csv}
 * (files in name order).
 */
class BinanceSampleTest {
    static final List<String> RAW = List.of("spot_btcusdt_20240808_trades.csv", "spot_btcusdt_20240809_trades.csv",
            "spot_ethusdt_20240808_trades.csv", "spot_ethusdt_20240809_trades.csv");

    @Test
    void theCommittedSampleIsWhatTheImporterMakesOfTheRawSlice(@TempDir Path dir) throws IOException {
        Path samples = Rows.repoRoot().resolve("samples");
        List<Path> inputs = RAW.stream().map(name -> samples.resolve("binance").resolve(name)).toList();
        Path out = dir.resolve("sample.replay.csv");

        ImportReport report = new ReplayImporter(new BinanceTradeCsvSource(), ImportProgress.NONE)
                .importFiles(inputs, out);

        assertEquals(0, report.rowsRejected());
        assertEquals(6000, report.rowsWritten());
        assertEquals(Files.readString(samples.resolve("replay/binance-spot-sample.replay.csv")), Files.readString(out));
        assertEquals(-1, Files.mismatch(samples.resolve("replay/binance-spot-sample.replay.csv"), out));
    }

    @Test
    void theSampleReadsBackAndCrossesMidnightUtc() throws IOException {
        Path sample = Rows.repoRoot().resolve("samples/replay/binance-spot-sample.replay.csv");
        long count;
        long first;
        long last;
        try (ReplayReader reader = ReplayReader.open(sample)) {
            List<ReplayEvent> events = reader.stream().toList();
            count = events.size();
            first = events.getFirst().tsNanos();
            last = events.getLast().tsNanos();
        }
        long midnight = 1_723_161_600_000_000_000L; // 2024-08-09T00:00Z
        assertEquals(6000, count);
        assertEquals(true, first < midnight && last > midnight, first + " .. " + last);
    }
}
