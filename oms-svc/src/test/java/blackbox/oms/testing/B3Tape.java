package blackbox.oms.testing;

import blackbox.gateway.replay.B3UmdfCsvSource;
import blackbox.gateway.replay.EventKind;
import blackbox.gateway.replay.ImportProgress;
import blackbox.gateway.replay.ImportReport;
import blackbox.gateway.replay.ReplayEvent;
import blackbox.gateway.replay.ReplayImporter;
import blackbox.gateway.replay.ReplayReader;
import blackbox.testkit.TestStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * PETR4 on 2025-04-07, the real B3 tape of {@code ../shared/data} imported with the gateway's importer (B3 UMDF
 * format), as the gateway's own acceptance tests do. A test on it skips, saying why, where the folder is absent.
 */
public final class B3Tape {
    public static final String FILE = "b3-btg-2025/trades/2_PETR4_07042025.csv";
    /** B3 local time on that day (UTC-3, no daylight saving since 2019). */
    public static final ZoneOffset LOCAL = ZoneOffset.ofHours(-3);
    public static final LocalDate DAY = LocalDate.of(2025, 4, 7);

    public final Path replay;
    public final List<ReplayEvent> events;

    private B3Tape(Path replay, List<ReplayEvent> events) {
        this.replay = replay;
        this.events = events;
    }

    /** Imports the tape into {@code dir}; skips the calling test when the shared data is absent. */
    public static B3Tape load(Path dir) {
        Path source = TestStack.skipUnlessSharedData(FILE);
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
    public static long at(int hour, int minute, int second) {
        return DAY.atTime(LocalTime.of(hour, minute, second)).toEpochSecond(LOCAL) * 1_000_000_000L;
    }

    /** The last trade's price at or before {@code tsNanos}. */
    public BigDecimal lastTradeAt(long tsNanos) {
        BigDecimal last = null;
        for (ReplayEvent e : events) {
            if (e.tsNanos() > tsNanos) break;
            if (e.kind() == EventKind.T) last = e.price();
        }
        if (last == null) throw new IllegalStateException("no trade before " + tsNanos);
        return last;
    }

    /**
     * Ten minutes of the tape that rise: from the first half hour from 10:30 whose next ten minutes trade at least
     * 5 ticks over its last price, the ten minutes' lowest and highest print (and when the highest printed).
     */
    public record RisingWindow(long start, BigDecimal low, BigDecimal high, long highAt) {
        public long end() {
            return start + 600_000_000_000L;
        }
    }

    /** The OCO tests' window ({@link RisingWindow}); empty-handed is a failure of the tape, not of the test. */
    public RisingWindow risingTenMinutes() {
        long halfHour = 1_800_000_000_000L;
        for (long candidate = at(10, 30, 0); candidate <= at(16, 0, 0); candidate += halfHour) {
            BigDecimal low = null;
            BigDecimal high = null;
            long highAt = 0;
            for (ReplayEvent e : events) {
                if (e.kind() != EventKind.T || e.tsNanos() <= candidate || e.tsNanos() > candidate + 600_000_000_000L) continue;
                if (low == null || e.price().compareTo(low) < 0) low = e.price();
                if (high == null || e.price().compareTo(high) > 0) {
                    high = e.price();
                    highAt = e.tsNanos();
                }
            }
            if (high != null && high.subtract(lastTradeAt(candidate)).compareTo(new BigDecimal("0.05")) >= 0) {
                return new RisingWindow(candidate, low, high, highAt);
            }
        }
        throw new IllegalStateException("no half hour of the tape rises 5 ticks in ten minutes");
    }

    /** The first trade after {@code afterNanos} at or above {@code price} (UTC ns), 0 when none. */
    public long firstTradeAtOrAbove(long afterNanos, BigDecimal price) {
        for (ReplayEvent e : events) {
            if (e.kind() == EventKind.T && e.tsNanos() > afterNanos && e.price().compareTo(price) >= 0) return e.tsNanos();
        }
        return 0;
    }

    /** The simulator's instrument master for PETR4 (lot 100, tick 0.01, at most 100,000 per order). */
    public static Path instruments(Path dir) throws IOException {
        Path file = dir.resolve("instruments.csv");
        Files.writeString(file, "# blackbox-sim-instruments v1\nticker,exchange,lot,tick,max_quantity,hours\nPETR4,B,100,0.01,100000,\n",
                StandardCharsets.UTF_8);
        return file;
    }
}
