package blackbox.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic canonical replay file ({@code dll-gateway/docs/replay-format.md}): {@code trades} {@code T} rows
 * alternating irregularly between {@link #TICKERS}, 1 µs apart, trade numbers per ticker from 1, prices a
 * random walk on the 0.01 tick, no bid/ask (so no book callbacks) and no auction trades (so no ticker-state
 * callbacks): every callback of the tape is a trade callback. Deterministic (fixed seed); written once to
 * {@code dir} and reused while the file is there.
 */
final class SyntheticReplay {
    /** The instruments of the tape, as TICKER:EXCHANGE. */
    static final List<String> TICKERS = List.of("PETR4:B", "VALE3:B");
    private static final long START_NANOS = 1_741_180_000_000_000_000L; // 2025-03-05T13:06:40Z

    private SyntheticReplay() {
    }

    /** The file for {@code trades} trades in {@code dir}, generated if absent. */
    static Path ensure(Path dir, long trades) {
        Path file = dir.resolve("synthetic-" + trades + ".replay.csv");
        if (Files.isRegularFile(file)) return file;
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "synthetic-", ".tmp");
            long t0 = System.nanoTime();
            write(tmp, trades);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            System.out.printf("generated %s (%,d trades, %,d MB) in %.1f s%n", file, trades, Files.size(file) >> 20,
                    (System.nanoTime() - t0) / 1e9);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, long trades) throws IOException {
        SplittableRandom random = new SplittableRandom(20250305L);
        String[] ticker = new String[TICKERS.size()];
        String[] exchange = new String[TICKERS.size()];
        long[] priceCents = {3_550, 6_120};
        long[] number = new long[TICKERS.size()];
        for (int i = 0; i < ticker.length; i++) {
            String[] parts = TICKERS.get(i).split(":");
            ticker[i] = parts[0];
            exchange[i] = parts[1];
        }
        StringBuilder row = new StringBuilder(96);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("# blackbox-replay v1\n");
            out.write("ts_nanos,ticker,exchange,event,trade_number,price,quantity,trade_type,buy_agent,sell_agent,bid,ask,source_seq\n");
            for (long n = 0; n < trades; n++) {
                int i = random.nextInt(4) == 0 ? 1 : 0; // 3:1 PETR4:VALE3
                long step = random.nextInt(3) - 1;
                priceCents[i] = Math.max(100, priceCents[i] + step);
                long cents = priceCents[i];
                row.setLength(0);
                row.append(START_NANOS + n * 1_000).append(',').append(ticker[i]).append(',').append(exchange[i]).append(",T,")
                        .append(++number[i]).append(',').append(cents / 100).append('.');
                long frac = cents % 100;
                if (frac < 10) row.append('0');
                row.append(frac).append(',').append(100L * (1 + random.nextInt(20))).append(',')
                        .append(random.nextBoolean() ? 2 : 3).append(',').append(random.nextInt(120)).append(',')
                        .append(random.nextInt(120)).append(",,,\n");
                out.append(row);
            }
        }
    }
}
