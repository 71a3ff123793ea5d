package blackbox.web.browser;

import blackbox.gateway.replay.B3UmdfCsvSource;
import blackbox.gateway.replay.ImportProgress;
import blackbox.gateway.replay.ReplayImporter;
import blackbox.testkit.TestStack;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * A PETR4 replay for the browser tests. With the shared B3 data beside the repository
 * ({@code ../shared/data/b3-btg-2025/trades/2_PETR4_07042025.csv}, not shipped: no redistribution licence) the real
 * session of 07/04/2025 through the project's importer; without it (CI) a synthetic PETR4 session generated here
 * from a printed seed: the same date and opening time, a random walk on the 0.01 BRL tick in round lots of 100.
 */
record Petr4Tape(Path file, String description) {
    static final String REAL_FILE = "b3-btg-2025/trades/2_PETR4_07042025.csv";
    /** 07/04/2025 10:00 in São Paulo (UTC-3), the synthetic session's opening. */
    static final Instant SYNTHETIC_OPEN = Instant.parse("2025-04-07T13:00:00Z");

    static Petr4Tape build(Path dir) throws IOException {
        Path real = TestStack.sharedData().resolve(REAL_FILE);
        Path out = dir.resolve("petr4.replay.csv");
        // -Dblackbox.browser.tape=synthetic runs the CI variant on a machine that has the shared data
        boolean forceSynthetic = "synthetic".equals(System.getProperty("blackbox.browser.tape"));
        if (Files.isReadable(real) && !forceSynthetic) {
            new ReplayImporter(new B3UmdfCsvSource(), ImportProgress.NONE).importFiles(List.of(real), out);
            return new Petr4Tape(out, "the real B3 PETR4 session of 07/04/2025 (" + real + ")");
        }
        long seed = System.nanoTime();
        synthetic(out, seed, 60 * 60 * 4);
        return new Petr4Tape(out, "a synthetic PETR4 session on 07/04/2025 from 10:00 (seed " + seed
                + (forceSynthetic ? "; asked for by -Dblackbox.browser.tape=synthetic)"
                        : "; ../shared/data/" + REAL_FILE + " is not present)"));
    }

    /** {@code trades} trades 250 ms apart from {@link #SYNTHETIC_OPEN}, in the canonical replay format. */
    static void synthetic(Path out, long seed, int trades) throws IOException {
        Random random = new Random(seed);
        long ts = SYNTHETIC_OPEN.getEpochSecond() * 1_000_000_000L;
        long cents = 3400;
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("# blackbox-replay v1\n");
            w.write("ts_nanos,ticker,exchange,event,trade_number,price,quantity,trade_type,buy_agent,sell_agent,bid,ask,source_seq\n");
            for (int n = 1; n <= trades; n++) {
                cents = Math.max(100, cents + random.nextInt(5) - 2);
                long quantity = 100L * (1 + random.nextInt(20));
                int type = random.nextBoolean() ? 2 : 3;
                w.write(ts + ",PETR4,B,T," + n + "," + (cents / 100) + "." + String.format("%02d", cents % 100) + ","
                        + quantity + "," + type + ",0,0,,,\n");
                ts += 250_000_000L;
            }
        }
    }
}
