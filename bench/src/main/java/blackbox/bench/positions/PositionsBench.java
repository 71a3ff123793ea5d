package blackbox.bench.positions;

import blackbox.platform.db.Database;
import blackbox.platform.db.DatabaseConfig;
import blackbox.platform.db.EmbeddedPostgresServer;
import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;
import blackbox.platform.redis.EmbeddedRedisServer;
import blackbox.platform.domain.B3Calendar;
import blackbox.positions.config.FeeTableFile;
import blackbox.positions.config.InstrumentMasterFile;
import blackbox.positions.core.AccountGroups;
import blackbox.positions.core.ConsolidatedView;
import blackbox.positions.core.Fill;
import blackbox.positions.core.PositionBook;
import blackbox.positions.core.Scaled;
import blackbox.positions.redis.RedisPositions;
import blackbox.positions.service.PositionsEngine;
import blackbox.positions.service.StoreReplay;
import blackbox.positions.store.PositionsSchema;
import blackbox.positions.store.PositionsStore;
import blackbox.positions.store.StoredFill;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;
import org.redisson.Redisson;
import org.redisson.api.RBucket;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * positions-svc (issue 16), three measurements, each against its baseline in the same run:
 * <ol>
 *   <li>{@code core}: fills/s applied by {@link PositionBook} on one thread, vs the same rules in
 *       {@link NaiveBigDecimalBook} (BigDecimal everywhere), same fills (goal ≥ 1M fills/s);</li>
 *   <li>{@code redis}: fill → visible in Redis (the subscriber of {@code positions:changes} receives it, published
 *       after the write in the same script) under 1,000 accounts at an offered rate, through the whole engine
 *       (PostgreSQL commit, core, Redis); vs a plain SET then PUBLISH per fill with the same Redisson client at the
 *       same rate, the transport's floor (goal p99 ≤ 5 ms);</li>
 *   <li>{@code rebuild}: the book rebuilt from 1M stored fills ({@link StoreReplay}), and the engine's start
 *       (rebuild plus the Redis rewrite), vs a plain {@code SELECT} of the same rows, the read's floor
 *       (goal ≤ 10 s).</li>
 * </ol>
 * Options: {@code --mode core|redis|rebuild|all --fills 1000000 --accounts 1000 --instruments 20 --runs 3
 * --warmups 2 --rate 2000 --seconds 20 --batch 256}.
 */
public final class PositionsBench {
    static final LocalDate DAY = LocalDate.of(2025, 4, 7);

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        String mode = args.getOrDefault("mode", "all");
        int fills = Integer.parseInt(args.getOrDefault("fills", "1000000").replace("_", ""));
        int accounts = Integer.parseInt(args.getOrDefault("accounts", "1000"));
        int instruments = Integer.parseInt(args.getOrDefault("instruments", "20"));
        int runs = Integer.parseInt(args.getOrDefault("runs", "3"));
        int warmups = Integer.parseInt(args.getOrDefault("warmups", "2"));
        System.out.printf("positions bench: %s, %,d fills, %,d accounts, %d instruments, JDK %s, %d cores%n", mode, fills,
                accounts, instruments, Runtime.version(), Runtime.getRuntime().availableProcessors());
        if (mode.equals("core") || mode.equals("all")) core(fills(fills, accounts, instruments, 1), runs, warmups);
        if (mode.equals("redis") || mode.equals("all")) {
            redis(accounts, instruments, Integer.parseInt(args.getOrDefault("rate", "2000")),
                    Integer.parseInt(args.getOrDefault("seconds", "20")), Integer.parseInt(args.getOrDefault("batch", "256")));
        }
        if (mode.equals("rebuild") || mode.equals("all")) rebuild(fills, accounts, instruments, runs);
    }

    static PositionBook book() {
        return new PositionBook(InstrumentMasterFile.defaults(), FeeTableFile.defaults(), B3Calendar.instance(),
                AccountGroups.none());
    }

    /** Random equity trades of one session: prices 10.00–60.00 on the 0,01 grid, 100–1,000 shares. */
    static List<Fill> fills(int n, int accounts, int instruments, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        AccountId[] a = new AccountId[accounts];
        for (int i = 0; i < accounts; i++) a[i] = new AccountId("A" + (100_000 + i));
        InstrumentId[] ins = new InstrumentId[instruments];
        for (int i = 0; i < instruments; i++) ins[i] = new InstrumentId("T" + (10 + i) + "3", "B");
        List<Fill> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Fill.trade("E" + i, a[random.nextInt(accounts)], ins[random.nextInt(instruments)],
                    random.nextBoolean() ? Side.BUY : Side.SELL, 100L * (1 + random.nextInt(10)),
                    100_000 + 100L * random.nextInt(5_000), i, DAY, "O" + (i / 4)));
        }
        return out;
    }

    // ------------------------------------------------------------------ core

    static void core(List<Fill> fills, int runs, int warmups) {
        System.out.println("\n== core: fills/s on one thread (PositionBook vs NaiveBigDecimalBook) ==");
        List<Double> ours = new ArrayList<>();
        List<Double> naive = new ArrayList<>();
        long realized = 0;
        BigDecimal naiveRealized = null;
        for (int r = 0; r < warmups + runs; r++) {
            PositionBook book = book();
            long t0 = System.nanoTime();
            for (Fill f : fills) book.apply(f);
            double s1 = (System.nanoTime() - t0) / 1e9;
            long sum = 0;
            for (ConsolidatedView v : book.consolidated()) sum += v.realized();
            realized = sum;
            NaiveBigDecimalBook slow = new NaiveBigDecimalBook();
            t0 = System.nanoTime();
            for (Fill f : fills) slow.apply(f);
            double s2 = (System.nanoTime() - t0) / 1e9;
            naiveRealized = slow.deskRealized();
            String tag = r < warmups ? "warm-up" : "run";
            System.out.printf("  %s %d: PositionBook %s fills/s (%.2f s), naive BigDecimal %s fills/s (%.2f s)%n", tag, r + 1,
                    rate(fills.size() / s1), s1, rate(fills.size() / s2), s2);
            if (r >= warmups) {
                ours.add(fills.size() / s1);
                naive.add(fills.size() / s2);
            }
        }
        System.out.printf("  median: PositionBook %s fills/s, naive %s fills/s, ratio %.1fx%n", rate(median(ours)),
                rate(median(naive)), median(ours) / median(naive));
        System.out.printf("  check: desk realized P&L %s (PositionBook) vs %s (naive)%n", Scaled.money(realized).toPlainString(),
                naiveRealized.setScale(6).toPlainString());
    }

    // ------------------------------------------------------------------ redis latency

    record Servers(EmbeddedPostgresServer postgres, Database db, EmbeddedRedisServer redis, RedissonClient redisson)
            implements AutoCloseable {
        static Servers start() throws Exception {
            EmbeddedPostgresServer pg = EmbeddedPostgresServer.startTemporary();
            Database db = Database.connect(DatabaseConfig.external(pg.jdbcUrl(), "postgres", "", 4));
            PositionsSchema.migrate(db);
            EmbeddedRedisServer redis = EmbeddedRedisServer.start(Files.createTempDirectory("positions-bench"), 0, 512);
            Config config = new Config();
            config.useSingleServer().setAddress(redis.url());
            return new Servers(pg, db, redis, Redisson.create(config));
        }

        @Override
        public void close() throws Exception {
            redisson.shutdown();
            redis.close();
            db.close();
            postgres.close();
        }
    }

    static void redis(int accounts, int instruments, int rate, int seconds, int batch) throws Exception {
        System.out.printf("%n== redis: fill -> visible in Redis, %,d accounts, %,d fills/s offered for %d s, writer batches "
                + "up to %d ==%n", accounts, rate, seconds, batch);
        int n = rate * seconds;
        List<Fill> fills = fills(n, accounts, instruments, 2);
        try (Servers s = Servers.start()) {
            PositionsEngine engine = new PositionsEngine(new PositionsStore(s.db().dataSource()),
                    new RedisPositions(s.redisson(), "positions"), PositionsBench::book);
            engine.start();
            Phases phases = new Phases();
            engine.observeBatches(phases);
            long[] sent = new long[n];
            java.util.function.ToIntFunction<String> execIndex = msg -> {
                int at = msg.indexOf("\"exec_id\":\"E") + 12;
                return Integer.parseInt(msg.substring(at, msg.indexOf('"', at)));
            };
            // the engine as ApplyFills calls it: one durable commit per batch (fsync)
            Histogram durable = openLoop("engine, durable commit (ApplyFills: PostgreSQL fsync + core + Redis script)", fills,
                    sent, rate, batch, s.redisson(), "positions:changes", execIndex, chunk -> engine.apply(chunk));
            // the engine as oms-svc's feed calls it: the cursor in the same transaction, asynchronous commit. The same
            // fills again would be duplicates: the second pass uses other ExecIDs
            List<Fill> again = new ArrayList<>(n);
            for (Fill f : fills) {
                again.add(Fill.trade("E" + (n + Integer.parseInt(f.execId().substring(1))), f.account(), f.instrument(), f.side(),
                        f.quantity(), f.priceE4(), f.tsEventNanos(), f.tradeDate(), f.orderId()));
            }
            System.out.println("    where a batch's time went: " + phases.report());
            phases.reset();
            long[] cursor = {0};
            Histogram engineLatency = openLoop("engine, feed (cursor in the transaction, asynchronous commit)", again, sent,
                    rate, batch, s.redisson(), "positions:changes", msg -> execIndex.applyAsInt(msg) - n,
                    chunk -> engine.applyFeed(chunk, "bench", cursor[0] += chunk.size()));
            System.out.println("    where a batch's time went: " + phases.report());
            // the floor: the same client, SET then PUBLISH per fill
            RBucket<String> bucket = s.redisson().getBucket("bench:last", StringCodec.INSTANCE);
            RTopic topic = s.redisson().getTopic("bench:changes", StringCodec.INSTANCE);
            Histogram floor = openLoop("baseline (Redis SET + PUBLISH per fill, same client)", fills, sent, rate, batch,
                    s.redisson(), "bench:changes", Integer::parseInt, chunk -> {
                        for (Fill f : chunk) {
                            String id = f.execId().substring(1);
                            bucket.set(id);
                            topic.publish(id);
                        }
                    });
            System.out.printf("  p99 ratio feed/baseline: %.1fx, durable/baseline: %.1fx%n",
                    engineLatency.getValueAtPercentile(99) / (double) Math.max(1, floor.getValueAtPercentile(99)),
                    durable.getValueAtPercentile(99) / (double) Math.max(1, floor.getValueAtPercentile(99)));
        }
    }

    /** Each batch's phases inside the engine: the core, the PostgreSQL transaction, Redis and the listeners. */
    static final class Phases implements PositionsEngine.BatchObserver {
        private final Histogram core = new Histogram(3);
        private final Histogram store = new Histogram(3);
        private final Histogram publish = new Histogram(3);
        private final Histogram size = new Histogram(3);

        @Override
        public synchronized void batch(int fills, long c, long s, long p) {
            core.recordValue(c);
            store.recordValue(s);
            publish.recordValue(p);
            size.recordValue(fills);
        }

        synchronized String report() {
            return String.format("%,d batches of p50 %d, p99 %d fills; core p50 %.2f ms, p99 %.2f ms; PostgreSQL p50 %.2f ms, "
                            + "p99 %.2f ms; Redis + listeners p50 %.2f ms, p99 %.2f ms", size.getTotalCount(),
                    size.getValueAtPercentile(50), size.getValueAtPercentile(99), core.getValueAtPercentile(50) / 1e6,
                    core.getValueAtPercentile(99) / 1e6, store.getValueAtPercentile(50) / 1e6, store.getValueAtPercentile(99) / 1e6,
                    publish.getValueAtPercentile(50) / 1e6, publish.getValueAtPercentile(99) / 1e6);
        }

        synchronized void reset() {
            core.reset();
            store.reset();
            publish.reset();
            size.reset();
        }
    }

    /** Offers fills at {@code rate}; one writer applies them in batches; latency = subscriber receipt − offer. */
    static Histogram openLoop(String name, List<Fill> fills, long[] sent, int rate, int batch, RedissonClient redisson,
                              String channel, java.util.function.ToIntFunction<String> indexOf,
                              Consumer<List<Fill>> writer) throws Exception {
        int n = fills.size();
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        Histogram warm = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        AtomicLong received = new AtomicLong();
        int warmup = Math.min(n / 10, rate * 2); // the first 2 s (or 10%) warm the JIT and are not counted
        RTopic topic = redisson.getTopic(channel, StringCodec.INSTANCE);
        int listener = topic.addListener(String.class, (c, msg) -> {
            long now = System.nanoTime();
            int i = indexOf.applyAsInt(msg);
            synchronized (histogram) {
                (i < warmup ? warm : histogram).recordValue(Math.max(0, now - sent[i]));
            }
            received.incrementAndGet();
        });
        BlockingQueue<Integer> queue = new ArrayBlockingQueue<>(n);
        Thread writerThread = Thread.ofPlatform().name("bench-writer").start(() -> {
            List<Fill> chunk = new ArrayList<>(batch);
            List<Integer> drained = new ArrayList<>(batch);
            int done = 0;
            try {
                while (done < n) {
                    drained.add(queue.take());
                    queue.drainTo(drained, batch - 1);
                    for (int i : drained) chunk.add(fills.get(i));
                    writer.accept(chunk);
                    done += chunk.size();
                    chunk.clear();
                    drained.clear();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        for (int i = 0; i < n; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) java.util.concurrent.locks.LockSupport.parkNanos(wait); // no spinning: 2 cores are shared
            sent[i] = System.nanoTime();
            queue.add(i);
        }
        writerThread.join();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (received.get() < n && System.nanoTime() < deadline) Thread.sleep(5);
        topic.removeListener(listener);
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("  %s: %,d fills in %.1f s (%s/s), received %,d; latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, "
                        + "p99.9 %.2f ms, max %.2f ms%n", name, n, elapsed, rate(n / elapsed), received.get(),
                histogram.getValueAtPercentile(50) / 1e6, histogram.getValueAtPercentile(90) / 1e6,
                histogram.getValueAtPercentile(99) / 1e6, histogram.getValueAtPercentile(99.9) / 1e6,
                histogram.getMaxValue() / 1e6);
        return histogram;
    }

    // ------------------------------------------------------------------ rebuild

    static void rebuild(int n, int accounts, int instruments, int runs) throws Exception {
        System.out.printf("%n== rebuild: %,d stored fills, %,d accounts ==%n", n, accounts);
        try (Servers s = Servers.start()) {
            PositionsStore store = new PositionsStore(s.db().dataSource());
            List<Fill> fills = fills(n, accounts, instruments, 3);
            long t0 = System.nanoTime();
            List<StoredFill> rows = new ArrayList<>(10_000);
            for (Fill f : fills) {
                rows.add(StoredFill.applying(f));
                if (rows.size() == 10_000) {
                    store.insertFills(rows);
                    rows.clear();
                }
            }
            store.insertFills(rows);
            s.db().jdbi().useHandle(h -> h.execute("VACUUM ANALYZE positions.fills"));
            System.out.printf("  loaded in %.1f s (not measured against anything)%n", (System.nanoTime() - t0) / 1e9);
            fills = null;
            for (int r = 0; r < runs + 1; r++) {
                String tag = r == 0 ? "warm-up" : "run " + r;
                double select = timed(() -> plainSelect(s.db()));
                PositionBook book = book();
                double replay = timed(() -> StoreReplay.replay(store, book));
                PositionsEngine engine = new PositionsEngine(store, new RedisPositions(s.redisson(), "positions"),
                        PositionsBench::book);
                double start = timed(engine::start);
                System.out.printf("  %s: plain SELECT %.2f s; replay into the book %.2f s (%.1fx the SELECT); engine start "
                        + "(replay + Redis rewrite of %,d accounts) %.2f s%n", tag, select, replay, replay / select,
                        book.accounts().size(), start);
            }
        }
    }

    /** The floor: every column of every row read through the same JDBC cursor, summed so nothing is skipped. */
    static void plainSelect(Database db) {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, exec_id, effect, exec_type, exec_ref_id, account, "
                    + "ticker, exchange, side, quantity, price_e4, ts_event_nanos, trade_date, order_id FROM positions.fills "
                    + "WHERE trade_date >= ? ORDER BY seq")) {
                ps.setFetchSize(10_000);
                ps.setObject(1, LocalDate.of(1970, 1, 1));
                long sum = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sum += rs.getLong(1) + rs.getString(2).length() + rs.getString(3).length() + rs.getString(4).length()
                                + rs.getString(5).length() + rs.getString(6).length() + rs.getString(7).length()
                                + rs.getString(8).length() + rs.getString(9).length() + rs.getLong(10) + rs.getLong(11)
                                + rs.getLong(12) + rs.getDate(13).getTime() + rs.getString(14).length();
                    }
                }
                if (sum == 42) System.out.print("");
            }
            c.commit();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    interface Work {
        void run() throws Exception;
    }

    static double timed(Work work) throws Exception {
        long t0 = System.nanoTime();
        work.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    static double median(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    static String rate(double perSecond) {
        return perSecond >= 1e6 ? String.format("%.2fM", perSecond / 1e6) : String.format("%.1fk", perSecond / 1e3);
    }
}
