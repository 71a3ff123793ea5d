package blackbox.bench.candles;

import blackbox.candles.core.Buckets;
import blackbox.candles.core.CandleAggregator;
import blackbox.candles.core.Timeframe;
import blackbox.platform.db.EmbeddedPostgresServer;
import blackbox.platform.domain.InstrumentId;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.postgresql.PGConnection;

/**
 * Single-threaded in-memory aggregation of trades into all six timeframes ({@link CandleAggregator}), against the
 * SQL baseline of the issue: the same 1-minute candles with {@code GROUP BY date_bin('1 minute', ...)} over the
 * stored trades in an embedded PostgreSQL, same run.
 *
 * <p>Trades are pre-generated into primitive arrays: 5 instruments (weights 4:3:2:1:1), B3 session hours
 * (10:00–17:55 local) over consecutive weekdays of March/April 2025, prices a random walk on the 0.01 tick,
 * quantities in lots of 100, 1–3 % of trades a few seconds late, trade type 2/3/1 (buy/sell/none).
 *
 * <p>Then, in the same run, {@link CandleReadLatencyBench}: one year of history read through gRPC.
 *
 * <p>Options: {@code --trades 10000000 --runs 5 --warmups 2 --sql-trades 2000000 (0 skips SQL) --sql-runs 3
 * --read-requests 300 (0 skips the read latency) --read-warmups 100}.
 */
public final class CandleAggregationBench {
    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    record Tape(int[] instrument, long[] time, double[] price, long[] quantity, long[] number, int[] type,
                InstrumentId[] ids, long days) {
        int size() {
            return time.length;
        }
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        int n = Integer.parseInt(args.getOrDefault("trades", "10000000").replace("_", ""));
        int runs = Integer.parseInt(args.getOrDefault("runs", "5"));
        int warmups = Integer.parseInt(args.getOrDefault("warmups", "2"));
        int sqlTrades = Integer.parseInt(args.getOrDefault("sql-trades", "2000000").replace("_", ""));
        int sqlRuns = Integer.parseInt(args.getOrDefault("sql-runs", "3"));

        System.out.printf("load average: %s (%d cpus), java %s%n", loadAverage(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        Tape tape = generate(n, 42);
        System.out.printf("%,d synthetic trades: %d instruments, %d sessions%n", n, tape.ids().length, tape.days());

        List<Double> rates = new ArrayList<>();
        long candles = 0;
        for (int r = 0; r < warmups + runs; r++) {
            CandleAggregator aggregator = new CandleAggregator(new Buckets());
            int[] index = new int[tape.ids().length];
            for (int i = 0; i < index.length; i++) index[i] = aggregator.register(tape.ids()[i]);
            long start = System.nanoTime();
            feed(aggregator, tape, index);
            double seconds = (System.nanoTime() - start) / 1e9;
            candles = aggregator.drainChanges(new CountingListener());
            String label = r < warmups ? "warm-up" : "run";
            System.out.printf("  %-8s %,d trades %.3f s %,.0f trades/s (%,d candles in 6 timeframes)%n", label, n,
                    seconds, n / seconds, candles);
            if (r >= warmups) rates.add(n / seconds);
        }
        double[] sorted = rates.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = sorted[sorted.length / 2];
        System.out.printf("CandleAggregator, 6 timeframes, 1 thread: median %,.0f trades/s (min %,.0f, max %,.0f)%n",
                median, sorted[0], sorted[sorted.length - 1]);

        if (sqlTrades > 0) {
            sqlBaseline(tape, Math.min(sqlTrades, n), sqlRuns);
        }
        int readRequests = Integer.parseInt(args.getOrDefault("read-requests", "300"));
        if (readRequests > 0) {
            System.out.println();
            CandleReadLatencyBench.run(readRequests, Integer.parseInt(args.getOrDefault("read-warmups", "100")));
        }
        System.out.printf("load average at the end: %s%n", loadAverage());
    }

    private static void feed(CandleAggregator aggregator, Tape tape, int[] index) {
        int[] instrument = tape.instrument();
        long[] time = tape.time();
        double[] price = tape.price();
        long[] quantity = tape.quantity();
        long[] number = tape.number();
        int[] type = tape.type();
        for (int i = 0; i < time.length; i++) {
            aggregator.onTrade(index[instrument[i]], time[i], price[i], quantity[i], number[i], type[i]);
        }
    }

    /** Loads the first {@code m} trades into a plain table with COPY, then times the 1-minute GROUP BY. */
    private static void sqlBaseline(Tape tape, int m, int runs) throws Exception {
        String query = """
                SELECT ticker, date_bin('1 minute', ts, timestamptz '2000-01-01 00:00:00+00') AS bucket,
                       (array_agg(price ORDER BY ts, n))[1] AS open, max(price) AS high, min(price) AS low,
                       (array_agg(price ORDER BY ts DESC, n DESC))[1] AS close, sum(qty) AS volume,
                       sum(price * qty) AS financial, count(*) AS trades,
                       sum(qty) FILTER (WHERE side = 2) AS buy, sum(qty) FILTER (WHERE side = 3) AS sell
                FROM trades GROUP BY 1, 2""";
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startTemporary();
             Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE trades (ticker text NOT NULL, ts timestamptz NOT NULL, n bigint NOT NULL,"
                        + " price numeric NOT NULL, qty bigint NOT NULL, side smallint NOT NULL)");
            }
            long loadStart = System.nanoTime();
            StringBuilder sb = new StringBuilder(1 << 22);
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (int from = 0; from < m; from += 200_000) {
                sb.setLength(0);
                for (int i = from; i < Math.min(m, from + 200_000); i++) {
                    sb.append(tape.ids()[tape.instrument()[i]].ticker()).append('\t')
                            .append(Instant.ofEpochSecond(0, tape.time()[i])).append('\t')
                            .append(tape.number()[i]).append('\t')
                            .append(String.format("%.2f", tape.price()[i])).append('\t')
                            .append(tape.quantity()[i]).append('\t').append(tape.type()[i]).append('\n');
                }
                copy.copyIn("COPY trades FROM STDIN", new StringReader(sb.toString()));
            }
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE trades");
            }
            System.out.printf("SQL baseline: %,d trades loaded with COPY in %.1f s (embedded PostgreSQL, default settings)%n",
                    m, (System.nanoTime() - loadStart) / 1e9);
            List<Double> rates = new ArrayList<>();
            for (int r = 0; r < runs + 1; r++) {
                long start = System.nanoTime();
                long rows = 0;
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
                    while (rs.next()) rows++;
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("  %-8s GROUP BY date_bin: %,d 1m candles from %,d trades in %.2f s, %,.0f trades/s%n",
                        r == 0 ? "warm-up" : "run", rows, m, seconds, m / seconds);
                if (r > 0) rates.add(m / seconds);
            }
            double[] sorted = rates.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("SQL GROUP BY date_bin (1m only): median %,.0f trades/s%n", sorted[sorted.length / 2]);
        }
    }

    static Tape generate(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        InstrumentId[] ids = {new InstrumentId("PETR4", "B"), new InstrumentId("VALE3", "B"),
                new InstrumentId("ITUB4", "B"), new InstrumentId("BBDC4", "B"), new InstrumentId("WINJ25", "F")};
        int[] weights = {4, 3, 2, 1, 1};
        int[] pick = new int[11];
        for (int i = 0, k = 0; i < weights.length; i++) for (int w = 0; w < weights[i]; w++) pick[k++] = i;
        double[] last = {35.00, 55.00, 32.00, 13.00, 130_000.0};
        double[] tick = {0.01, 0.01, 0.01, 0.01, 5};
        int perDay = 2_000_000;
        long days = Math.max(1, (n + perDay - 1) / perDay);
        int[] instrument = new int[n];
        long[] time = new long[n];
        double[] price = new double[n];
        long[] quantity = new long[n];
        long[] number = new long[n];
        int[] type = new int[n];
        LocalDate day = LocalDate.of(2025, 3, 10);
        long sessionNanos = (7 * 3600 + 55 * 60) * 1_000_000_000L;
        int i = 0;
        for (long d = 0; d < days; d++) {
            while (day.getDayOfWeek().getValue() > 5) day = day.plusDays(1);
            long open = Instant.from(day.atTime(LocalTime.of(10, 0)).atZone(SAO_PAULO)).getEpochSecond() * 1_000_000_000L;
            int count = (int) Math.min(perDay, n - i);
            long step = sessionNanos / Math.max(1, count);
            for (int k = 0; k < count; k++, i++) {
                int in = pick[random.nextInt(pick.length)];
                double t = tick[in];
                last[in] = Math.max(t, Math.round(last[in] / t + random.nextInt(-1, 2)) * t);
                instrument[i] = in;
                long nominal = open + k * step + random.nextLong(step);
                time[i] = random.nextInt(50) == 0 ? nominal - random.nextLong(5_000_000_000L) : nominal; // ~2 % late
                price[i] = Math.round(last[in] * 100) / 100.0;
                quantity[i] = in == 4 ? random.nextLong(1, 20) : 100L * random.nextLong(1, 10);
                number[i] = i + 1;
                int r = random.nextInt(10);
                type[i] = r < 5 ? 2 : r < 9 ? 3 : 1;
            }
            day = day.plusDays(1);
        }
        return new Tape(instrument, time, price, quantity, number, type, ids, days);
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static final class CountingListener implements CandleAggregator.ChangeListener {
        @Override
        public void changed(blackbox.candles.core.Candle candle) {
        }

        @Override
        public void removed(InstrumentId instrument, Timeframe timeframe, long bucketStart) {
        }
    }
}
