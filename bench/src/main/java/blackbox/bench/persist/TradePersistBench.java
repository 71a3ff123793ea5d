package blackbox.bench.persist;

import blackbox.marketdata.core.TradeRow;
import blackbox.marketdata.store.MarketdataSchema;
import blackbox.marketdata.store.PartitionManager;
import blackbox.marketdata.store.PgTradeStore;
import blackbox.platform.db.Database;
import blackbox.platform.db.DatabaseConfig;
import blackbox.platform.db.EmbeddedPostgresServer;
import blackbox.platform.domain.InstrumentId;
import java.io.BufferedWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Sustained trades/s persisted into {@code marketdata.trades}, three ways, against one embedded PostgreSQL
 * (default durability: fsync on, synchronous_commit on) in one run, with the same synthetic trades:
 * <ol>
 *   <li>{@link PgTradeStore#write} in batches (COPY text; one transaction per batch);</li>
 *   <li>baseline: multi-row {@code INSERT ... VALUES} of 100 rows per prepared statement, commit per statement
 *       (how the desk's recorder writes today);</li>
 *   <li>ceiling: {@code psql \copy} of the same rows from a TSV file (only the psql run is timed).</li>
 *   <li>parallel: S {@link PgTradeStore}s, one thread and one connection each, every stream writing its own
 *       instruments (an instrument's trades stay in one stream, in order), against S {@code psql \copy}
 *       processes of the same split run at once (issue 19: can two COPY streams use both cores?).</li>
 * </ol>
 * Each method starts from an empty (truncated) table, partitions in place, after a CHECKPOINT.
 *
 * <p>Options: {@code --trades 2000000 --batches 10000,50000 --insert-trades 0 (0 = all) --psql psql
 * --streams 2 (comma list; empty = no parallel runs) --stream-batch 50000 --rounds 1 (the parallel runs
 * repeated, each beside its own ceiling)}.
 */
public final class TradePersistBench {
    private static final String COLUMNS = "exchange, ticker, trading_day, trade_number, time_nanos, price, quantity,"
            + " volume, buy_agent, sell_agent, trade_type, received_nanos";

    /** One method's run; {@code streams} is how many connections wrote at once (the ceiling it is compared with). */
    record Result(String method, long trades, double seconds, int streams) {
        Result(String method, long trades, double seconds) {
            this(method, trades, seconds, 1);
        }

        double rate() {
            return trades / seconds;
        }
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        int n = Integer.parseInt(args.getOrDefault("trades", "2000000").replace("_", ""));
        List<Integer> batches = new ArrayList<>();
        for (String b : args.getOrDefault("batches", "10000,50000").split(",")) batches.add(Integer.parseInt(b.trim()));
        int insertTrades = Integer.parseInt(args.getOrDefault("insert-trades", "0"));
        String psql = args.getOrDefault("psql", "psql");
        List<Integer> streams = new ArrayList<>();
        for (String b : args.getOrDefault("streams", "2").split(",")) if (!b.isBlank()) streams.add(Integer.parseInt(b.trim()));
        int streamBatch = Integer.parseInt(args.getOrDefault("stream-batch", "50000"));
        int rounds = Integer.parseInt(args.getOrDefault("rounds", "1"));

        List<TradeRow> trades = synthetic(n, 42);
        System.out.printf("%,d synthetic trades: 5 instruments x 2 days%n", n);
        List<Result> results = new ArrayList<>();
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startTemporary();
             Database db = Database.connect(DatabaseConfig.external(server.jdbcUrl(), "postgres", "",
                     Math.max(4, 1 + streams.stream().mapToInt(Integer::intValue).max().orElse(1))))) {
            MarketdataSchema.migrate(db);
            PartitionManager partitions = new PartitionManager(db.dataSource());
            partitions.ensure(trades.getFirst().tradingDay(), trades.getLast().tradingDay());
            PgTradeStore store = new PgTradeStore(db, partitions);

            // warm-up: JIT and server caches, then discarded
            reset(db);
            store.write(trades.subList(0, Math.min(n, 200_000)));

            for (int batch : batches) {
                reset(db);
                long start = System.nanoTime();
                for (int from = 0; from < n; from += batch) {
                    store.write(trades.subList(from, Math.min(n, from + batch)));
                }
                results.add(new Result("PgTradeStore.write, batch " + batch, n, seconds(start)));
                check(db, n);
                print(results.getLast());
            }

            int m = insertTrades > 0 ? Math.min(insertTrades, n) : n;
            reset(db);
            long start = System.nanoTime();
            multiRowInsert(db, trades.subList(0, m));
            results.add(new Result("INSERT 100 rows/statement, commit each", m, seconds(start)));
            check(db, m);
            print(results.getLast());

            Path tsv = Files.createTempFile("trades", ".tsv");
            Files.setPosixFilePermissions(tsv, PosixFilePermissions.fromString("rw-r--r--"));
            try {
                writeTsv(trades, tsv);
                reset(db);
                Result ceiling = psqlCopy(psql, server.port(), tsv, n);
                if (ceiling != null) {
                    results.add(ceiling);
                    check(db, n);
                    print(ceiling);
                }
            } finally {
                Files.deleteIfExists(tsv);
            }

            for (int round = 0; round < rounds; round++) for (int s : streams) {
                List<List<TradeRow>> split = splitByInstrument(trades, s);
                reset(db);
                results.add(parallelWrite(db, partitions, split, streamBatch, n));
                check(db, n);
                print(results.getLast());

                List<Path> files = new ArrayList<>();
                try {
                    for (List<TradeRow> part : split) {
                        Path file = Files.createTempFile("trades-stream", ".tsv");
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
                        writeTsv(part, file);
                        files.add(file);
                    }
                    reset(db);
                    Result parallelCeiling = parallelPsqlCopy(psql, server.port(), files, n);
                    if (parallelCeiling != null) {
                        results.add(parallelCeiling);
                        check(db, n);
                        print(parallelCeiling);
                    }
                } finally {
                    for (Path file : files) Files.deleteIfExists(file);
                }
            }
        }
        table(results);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void print(Result r) {
        System.out.printf("  %-42s %,12d trades %8.2f s %,12.0f trades/s%n", r.method(), r.trades(), r.seconds(), r.rate());
    }

    private static void table(List<Result> results) {
        System.out.println();
        System.out.println("| method | trades | seconds | trades/s | % of psql \\copy (same streams) |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            Result ceiling = ceilingFor(results, i);
            String pct = ceiling == null ? "n/a" : String.format("%.0f%%", 100 * r.rate() / ceiling.rate());
            System.out.printf("| %s | %,d | %.2f | %,.0f | %s |%n", r.method(), r.trades(), r.seconds(), r.rate(), pct);
        }
    }

    /**
     * The psql run a result is compared with: the nearest one with the same number of streams, looking forward first
     * (each method runs just before its ceiling, so the pair shares the machine's load at that moment).
     */
    private static Result ceilingFor(List<Result> results, int index) {
        int streams = results.get(index).streams();
        for (int d = 0; d < results.size(); d++) {
            for (int j : new int[] {index + d, index - d}) {
                if (j >= 0 && j < results.size() && results.get(j).method().startsWith("psql")
                        && results.get(j).streams() == streams) {
                    return results.get(j);
                }
            }
        }
        return null;
    }

    /** Empty table (partitions kept), dirty pages flushed so no method pays for another's checkpoint. */
    private static void reset(Database db) {
        db.jdbi().useHandle(h -> {
            h.execute("TRUNCATE marketdata.trades");
            h.execute("CHECKPOINT");
        });
    }

    private static void check(Database db, long expected) {
        long count = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM marketdata.trades").mapTo(Long.class).one());
        if (count != expected) throw new IllegalStateException("expected " + expected + " rows, found " + count);
    }

    private static void multiRowInsert(Database db, List<TradeRow> rows) throws Exception {
        int per = 100;
        StringBuilder sql = new StringBuilder("INSERT INTO marketdata.trades (" + COLUMNS + ") VALUES ");
        for (int i = 0; i < per; i++) sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?,?,?,?)");
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement full = c.prepareStatement(sql.toString())) {
                int i = 0;
                for (; i + per <= rows.size(); i += per) {
                    bind(full, rows.subList(i, i + per));
                    full.executeUpdate();
                    c.commit();
                }
                for (; i < rows.size(); i++) { // remainder one by one
                    try (PreparedStatement one = c.prepareStatement("INSERT INTO marketdata.trades (" + COLUMNS
                            + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
                        bind(one, rows.subList(i, i + 1));
                        one.executeUpdate();
                        c.commit();
                    }
                }
            }
        }
    }

    private static void bind(PreparedStatement s, List<TradeRow> rows) throws Exception {
        int p = 1;
        for (TradeRow r : rows) {
            s.setString(p++, r.instrument().exchange());
            s.setString(p++, r.instrument().ticker());
            s.setObject(p++, r.tradingDay());
            s.setLong(p++, r.tradeNumber());
            s.setLong(p++, r.timeNanos());
            s.setBigDecimal(p++, BigDecimal.valueOf(r.price()));
            s.setLong(p++, r.quantity());
            s.setBigDecimal(p++, BigDecimal.valueOf(r.volume()));
            s.setInt(p++, r.buyAgent());
            s.setInt(p++, r.sellAgent());
            s.setShort(p++, (short) r.tradeType());
            s.setLong(p++, r.receivedNanos());
        }
    }

    private static void writeTsv(List<TradeRow> rows, Path file) throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            for (TradeRow r : rows) {
                w.write(r.instrument().exchange() + "\t" + r.instrument().ticker() + "\t" + r.tradingDay() + "\t"
                        + r.tradeNumber() + "\t" + r.timeNanos() + "\t" + BigDecimal.valueOf(r.price()).toPlainString()
                        + "\t" + r.quantity() + "\t" + BigDecimal.valueOf(r.volume()).toPlainString() + "\t"
                        + r.buyAgent() + "\t" + r.sellAgent() + "\t" + r.tradeType() + "\t" + r.receivedNanos() + "\n");
            }
        }
    }

    private static Result psqlCopy(String psql, int port, Path tsv, int n) throws Exception {
        List<String> command = List.of(psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "localhost", "-p",
                String.valueOf(port), "-U", "postgres", "-d", "postgres",
                "-c", "\\copy marketdata.trades (" + COLUMNS + ") FROM '" + tsv + "'");
        long start = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(command).inheritIO().start();
        } catch (java.io.IOException e) {
            System.out.println("psql not found on PATH (" + e.getMessage() + "): no ceiling measured");
            return null;
        }
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("psql failed: " + command);
        }
        return new Result("psql \\copy (ceiling)", n, seconds(start));
    }

    /**
     * The trades split into {@code streams} lists by (instrument, trading day), round robin over the pairs met, order
     * kept: one instrument-day is always in one stream (as a writer per instrument group would run the service).
     */
    static List<List<TradeRow>> splitByInstrument(List<TradeRow> trades, int streams) {
        Map<String, Integer> streamOf = new HashMap<>();
        List<List<TradeRow>> split = new ArrayList<>();
        for (int i = 0; i < streams; i++) split.add(new ArrayList<>());
        for (TradeRow r : trades) {
            int stream = streamOf.computeIfAbsent(r.instrument() + "/" + r.tradingDay(), k -> streamOf.size() % streams);
            split.get(stream).add(r);
        }
        return split;
    }

    /** One {@link PgTradeStore} (it is single-writer) per stream, each on its own thread, all started together. */
    private static Result parallelWrite(Database db, PartitionManager partitions, List<List<TradeRow>> split, int batch,
                                        int n) throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        for (List<TradeRow> part : split) {
            PgTradeStore store = new PgTradeStore(db, partitions);
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                    for (int from = 0; from < part.size(); from += batch) {
                        store.write(part.subList(from, Math.min(part.size(), from + batch)));
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            }));
        }
        long start = System.nanoTime();
        go.countDown();
        for (Thread t : threads) t.join();
        double seconds = seconds(start);
        if (!failures.isEmpty()) throw new IllegalStateException("a stream failed", failures.getFirst());
        return new Result("PgTradeStore.write x " + split.size() + " streams, batch " + batch, n, seconds, split.size());
    }

    /** {@code psql \copy} of each file in its own psql process, all at once (the parallel ceiling). */
    private static Result parallelPsqlCopy(String psql, int port, List<Path> files, int n) throws Exception {
        List<Process> processes = new ArrayList<>();
        long start = System.nanoTime();
        for (Path file : files) {
            List<String> command = List.of(psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "localhost", "-p",
                    String.valueOf(port), "-U", "postgres", "-d", "postgres",
                    "-c", "\\copy marketdata.trades (" + COLUMNS + ") FROM '" + file + "'");
            try {
                processes.add(new ProcessBuilder(command).inheritIO().start());
            } catch (java.io.IOException e) {
                for (Process p : processes) p.destroyForcibly();
                System.out.println("psql not found on PATH (" + e.getMessage() + "): no parallel ceiling measured");
                return null;
            }
        }
        for (Process p : processes) {
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) throw new IllegalStateException("psql failed");
        }
        return new Result("psql \\copy x " + files.size() + " processes (ceiling)", n, seconds(start), files.size());
    }

    /**
     * N trades over 5 instruments and 2 trading days, in time order: B3-like prices (random walk in ticks of
     * 0.01 or 5 points for the index future), round-lot quantities, broker codes 1..300, aggressor side.
     */
    static List<TradeRow> synthetic(int n, long seed) {
        InstrumentId[] instruments = {new InstrumentId("PETR4", "B"), new InstrumentId("VALE3", "B"),
                new InstrumentId("ITUB4", "B"), new InstrumentId("BBDC4", "B"), new InstrumentId("WINM25", "F")};
        double[] start = {38.45, 61.20, 33.10, 14.87, 128_450};
        double[] tick = {0.01, 0.01, 0.01, 0.01, 5};
        long[] lot = {100, 100, 100, 100, 1};
        LocalDate[] days = {LocalDate.of(2025, 4, 7), LocalDate.of(2025, 4, 8)};
        SplittableRandom random = new SplittableRandom(seed);
        List<TradeRow> rows = new ArrayList<>(n);
        for (int d = 0; d < days.length; d++) {
            int count = d == 0 ? n / 2 : n - n / 2;
            long open = days[d].atTime(13, 0).toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L;
            long step = 7 * 3600L * 1_000_000_000L / Math.max(1, count);
            long[] number = new long[instruments.length];
            long[] ticks = new long[instruments.length];
            for (int i = 0; i < instruments.length; i++) ticks[i] = Math.round(start[i] / tick[i]);
            for (int k = 0; k < count; k++) {
                int i = random.nextInt(instruments.length);
                ticks[i] += random.nextInt(3) - 1;
                double price = BigDecimal.valueOf(ticks[i]).multiply(BigDecimal.valueOf(tick[i])).doubleValue();
                long quantity = lot[i] * (1 + random.nextInt(20));
                double volume = BigDecimal.valueOf(price).multiply(BigDecimal.valueOf(quantity)).doubleValue();
                long time = open + k * step;
                rows.add(new TradeRow(instruments[i], days[d], ++number[i], time, price, quantity, volume,
                        1 + random.nextInt(300), 1 + random.nextInt(300), 2 + random.nextInt(2), false,
                        time + 200_000 + random.nextInt(100_000)));
            }
        }
        return rows;
    }
}
