package blackbox.strategies.core;

import blackbox.candles.core.Candle;
import blackbox.candles.core.Timeframe;
import blackbox.platform.domain.InstrumentId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Candles for the tests: a seeded random walk on the 0.01 tick, and PETR4 1m candles from the real B3 tape. */
final class TestCandles {
    static final InstrumentId PETR4 = new InstrumentId("PETR4", "B");
    private static final long MINUTE = 60_000_000_000L;
    // 2025-03-10 13:00 UTC, a B3 trading day: fixed, never today
    private static final long START = 1_741_611_600_000_000_000L;

    private TestCandles() {
    }

    /** @return the seed of {@code -Dblackbox.seed=}, else a fresh one; printed so a failure can be re-run */
    static long seed(String test) {
        String given = System.getProperty("blackbox.seed");
        long seed = given != null && !given.isBlank() ? Long.parseLong(given.strip()) : System.nanoTime();
        System.out.println(test + ": random-walk seed " + seed + " (re-run with -Dblackbox.seed=" + seed + ")");
        return seed;
    }

    /** A 1m random walk of {@code n} candles from 30.00 BRL, every price on the 0.01 tick. */
    static List<Candle> randomWalk(long seed, int n) {
        Random r = new Random(seed);
        List<Candle> out = new ArrayList<>(n);
        long price = 3000; // cents
        for (int i = 0; i < n; i++) {
            long open = price;
            long high = open;
            long low = open;
            long close = open;
            for (int t = 0; t < 8; t++) {
                close = Math.max(100, close + r.nextInt(7) - 3);
                high = Math.max(high, close);
                low = Math.min(low, close);
            }
            price = Math.max(100, close + r.nextInt(3) - 1); // the next open may gap a tick
            out.add(candle(START + i * MINUTE, open, high, low, close, 100 + r.nextInt(1000)));
        }
        return out;
    }

    /** 1m candles of the trades in the PETR4 files of {@code ../shared/data}, or empty when the folder is absent. */
    static List<Candle> petr4() {
        Path dir = Path.of(System.getProperty("blackbox.repo.root", "."), "..", "shared", "data", "b3-btg-2025", "trades");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        TreeMap<Long, long[]> buckets = new TreeMap<>(); // open high low close volume (cents, shares)
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("PETR4_")).sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    String[] c = line.split(",", -1);
                    if (c.length < 6 || !c[3].equals("trade")) {
                        continue;
                    }
                    OffsetDateTime t = OffsetDateTime.parse(c[2].replace(' ', 'T')); // ISO, 0..9 fraction digits
                    long ns = t.toEpochSecond() * 1_000_000_000L + t.getNano();
                    long bucket = Math.floorDiv(ns, MINUTE) * MINUTE;
                    long cents = Math.round(Double.parseDouble(c[4]) * 100);
                    long qty = Math.round(Double.parseDouble(c[5]));
                    long[] b = buckets.get(bucket);
                    if (b == null) {
                        buckets.put(bucket, new long[] {cents, cents, cents, cents, qty});
                    } else {
                        b[1] = Math.max(b[1], cents);
                        b[2] = Math.min(b[2], cents);
                        b[3] = cents;
                        b[4] += qty;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Candle> out = new ArrayList<>(buckets.size());
        buckets.forEach((bucket, b) -> out.add(candle(bucket, b[0], b[1], b[2], b[3], b[4])));
        return out;
    }

    private static Candle candle(long bucket, long open, long high, long low, long close, long volume) {
        return new Candle(PETR4, Timeframe.M1, bucket, open / 100.0, high / 100.0, low / 100.0, close / 100.0, volume,
                close * 100 * volume, 1, 0, 0, bucket, 1, bucket, 1);
    }
}
