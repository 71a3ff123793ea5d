package blackbox.bench.candles;

import blackbox.candles.CandleApp;
import blackbox.candles.CandleConfig;
import blackbox.candles.core.Buckets;
import blackbox.candles.core.Candle;
import blackbox.candles.core.CandleAggregator;
import blackbox.candles.core.Timeframe;
import blackbox.candles.store.CandleSchema;
import blackbox.candles.store.PgCandleStore;
import blackbox.candles.v1.CandlesGrpc;
import blackbox.candles.v1.GetCandlesRequest;
import blackbox.candles.v1.GetCandlesResponse;
import blackbox.platform.config.Config;
import blackbox.platform.db.Database;
import blackbox.platform.db.DatabaseConfig;
import blackbox.platform.db.EmbeddedPostgresServer;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.telemetry.Telemetry;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * Latency of reading one year of one instrument's history as 5m, 60m and 1d candles through candle-svc's gRPC
 * {@code GetCandles} over loopback TCP (Netty), one request for the whole year, against the database floor in the
 * same run: the same rows read with plain JDBC ({@code SELECT ... ORDER BY bucket LIMIT}) on the same connection
 * pool, without gRPC or the service.
 *
 * <p>The year: 250 B3 sessions (10:00–17:55 São Paulo, weekdays of 2024), 20 trades a minute on the 0.01 tick, built
 * into all six timeframes by {@link CandleAggregator} and written with {@link PgCandleStore}, the service's code.
 *
 * <p>Options: {@code --requests 300 --warmups 100}.
 */
public final class CandleReadLatencyBench {
    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    static final InstrumentId PETR4 = new InstrumentId("PETR4", "B");

    private CandleReadLatencyBench() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new java.util.HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        run(Integer.parseInt(args.getOrDefault("requests", "300")), Integer.parseInt(args.getOrDefault("warmups", "100")));
    }

    static void run(int requests, int warmups) throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startTemporary();
             Database database = Database.connect(DatabaseConfig.external(server.jdbcUrl(), "postgres", "", 8));
             Telemetry telemetry = Telemetry.create("bench", Config.of(Map.of()))) {
            CandleSchema.migrate(database);
            long[] range = loadYear(database);
            try (var conn = database.dataSource().getConnection(); var s = conn.createStatement()) {
                s.execute("VACUUM ANALYZE candles.candles");
            }
            ManagedChannel nowhere = InProcessChannelBuilder.forName("no-marketdata-in-this-bench").build();
            CandleApp app = CandleApp.start(CandleConfig.from(Config.of(Map.of())), database, nowhere,
                    NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)), telemetry);
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", app.port()).usePlaintext()
                    .flowControlWindow(8 * 1024 * 1024)
                    .maxInboundMessageSize(64 * 1024 * 1024).build();
            try {
                var stub = CandlesGrpc.newBlockingStub(channel);
                System.out.printf("%-4s %8s | %-34s | %-34s%n", "tf", "candles", "gRPC GetCandles p50/p99/max ms",
                        "JDBC floor p50/p99/max ms");
                for (Timeframe tf : List.of(Timeframe.M5, Timeframe.M60, Timeframe.D1)) {
                    GetCandlesRequest request = GetCandlesRequest.newBuilder()
                            .setInstrument(blackbox.gateway.v1.InstrumentId.newBuilder().setTicker("PETR4").setExchange("B"))
                            .setTimeframe(tf.label()).setFromNanos(range[0]).setToNanos(range[1]).setLimit(50_000).build();
                    Histogram grpc = new Histogram(3_600_000_000_000L, 3);
                    Histogram jdbc = new Histogram(3_600_000_000_000L, 3);
                    int candles = 0;
                    // each path timed in its own loop: neither pays for the other's garbage
                    for (int i = 0; i < warmups + requests; i++) {
                        long t0 = System.nanoTime();
                        GetCandlesResponse r = stub.getCandles(request);
                        long t1 = System.nanoTime();
                        if (!r.getNextPageToken().isEmpty()) throw new AssertionError("one page expected");
                        candles = r.getCandlesCount();
                        if (i >= warmups) grpc.recordValue(t1 - t0);
                    }
                    for (int i = 0; i < warmups + requests; i++) {
                        long t0 = System.nanoTime();
                        int rows = jdbcRead(database, tf, range);
                        long t1 = System.nanoTime();
                        if (rows != candles) throw new AssertionError("gRPC gave " + candles + " candles, JDBC " + rows);
                        if (i >= warmups) jdbc.recordValue(t1 - t0);
                    }
                    System.out.printf("%-4s %,8d | %8.2f %8.2f %8.2f            | %8.2f %8.2f %8.2f%n", tf.label(), candles,
                            ms(grpc, 50), ms(grpc, 99), grpc.getMaxValue() / 1e6, ms(jdbc, 50), ms(jdbc, 99),
                            jdbc.getMaxValue() / 1e6);
                }
            } finally {
                channel.shutdownNow();
                app.close();
                nowhere.shutdownNow();
            }
        }
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1e6;
    }

    /** The floor: the same rows with the same columns, decoded to the same values, without the service. */
    private static int jdbcRead(Database database, Timeframe tf, long[] range) throws Exception {
        String sql = "SELECT bucket_start_nanos, open, high, low, close, volume, financial_volume_units, trades, buy_volume,"
                + " sell_volume, open_time_nanos, open_trade_number, close_time_nanos, close_trade_number"
                + " FROM candles.candles WHERE exchange = 'B' AND ticker = 'PETR4' AND timeframe = ?"
                + " AND bucket_start_nanos >= ? AND bucket_start_nanos < ? ORDER BY bucket_start_nanos LIMIT 50001";
        int rows = 0;
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, tf.label());
            s.setLong(2, range[0]);
            s.setLong(3, range[1]);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    for (int col = 1; col <= 14; col++) {
                        if (col >= 2 && col <= 5) rs.getDouble(col); else rs.getLong(col);
                    }
                    rows++;
                }
            }
        }
        return rows;
    }

    /** @return [first bucket, end] of the year written, UTC epoch ns */
    private static long[] loadYear(Database database) throws Exception {
        long start = System.nanoTime();
        CandleAggregator aggregator = new CandleAggregator(new Buckets());
        int index = aggregator.register(PETR4);
        SplittableRandom random = new SplittableRandom(42);
        double last = 35.00;
        LocalDate day = LocalDate.of(2024, 1, 2);
        long number = 0;
        long first = Long.MAX_VALUE;
        long end = 0;
        int sessions = 0;
        while (sessions < 250) {
            if (day.getDayOfWeek().getValue() <= 5) {
                long open = Instant.from(day.atTime(LocalTime.of(10, 0)).atZone(SAO_PAULO)).getEpochSecond() * 1_000_000_000L;
                first = Math.min(first, open);
                for (int minute = 0; minute < 475; minute++) {
                    for (int k = 0; k < 20; k++) {
                        last = Math.max(0.01, Math.round(last * 100 + random.nextInt(-2, 3)) / 100.0);
                        long t = open + minute * 60_000_000_000L + k * 3_000_000_000L + random.nextLong(3_000_000_000L);
                        aggregator.onTrade(index, t, last, 100L * random.nextLong(1, 10), ++number, 2 + random.nextInt(2));
                        end = Math.max(end, t + 1);
                    }
                }
                sessions++;
            }
            day = day.plusDays(1);
        }
        List<Candle> all = new ArrayList<>();
        aggregator.drainChanges(new CandleAggregator.ChangeListener() {
            @Override
            public void changed(Candle candle) {
                all.add(candle);
            }

            @Override
            public void removed(InstrumentId instrument, Timeframe timeframe, long bucketStart) {
            }
        });
        PgCandleStore store = new PgCandleStore(database);
        for (int from = 0; from < all.size(); from += 20_000) {
            store.upsert(all.subList(from, Math.min(all.size(), from + 20_000)));
        }
        System.out.printf("one year of PETR4: %,d trades -> %,d candles in 6 timeframes, stored in %.1f s%n", number,
                all.size(), (System.nanoTime() - start) / 1e9);
        return new long[]{new Buckets().bucketStart(Timeframe.W1, first), end};
    }
}
