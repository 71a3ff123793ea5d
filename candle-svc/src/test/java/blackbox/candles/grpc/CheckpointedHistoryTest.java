package blackbox.candles.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.candles.core.Buckets;
import blackbox.candles.core.Candle;
import blackbox.candles.core.ExchangeBuckets;
import blackbox.candles.core.Timeframe;
import blackbox.candles.indicators.IndicatorSet;
import blackbox.candles.indicators.IndicatorSpec;
import blackbox.candles.indicators.RandomCandles;
import blackbox.candles.store.CandleSchema;
import blackbox.candles.store.IndicatorCheckpoints.Checkpoint;
import blackbox.candles.store.PgCandleStore;
import blackbox.candles.store.PgIndicatorCheckpoints;
import blackbox.candles.store.StoreUnavailableException;
import blackbox.platform.db.Database;
import blackbox.platform.db.DatabaseConfig;
import blackbox.platform.db.EmbeddedPostgresServer;
import blackbox.platform.domain.InstrumentId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Indicator history from per-day checkpoints on the real database: values equal to the full computation bit for bit,
 * the second read starting at the wanted day, a candle written before a checkpoint (through the store) deleting it,
 * and a write between open and save keeping a computation's checkpoints out.
 */
@Timeout(120)
class CheckpointedHistoryTest {
    static final InstrumentId PETR4 = new InstrumentId("PETR4", "B");
    // obv never forgets a candle: a change anywhere before shows in its values at the end
    static final List<String> SPECS = List.of("ema(9)", "macd(12,26,9)", "vwap", "stoch(14,3)", "bbands(20,2)", "obv");
    static final long SEED = 11;

    static EmbeddedPostgresServer server;
    static Database db;

    final ExchangeBuckets buckets = ExchangeBuckets.saoPaulo();
    final Buckets days = buckets.of("B");
    PgCandleStore store;
    PgIndicatorCheckpoints checkpoints;
    CheckpointedHistory history;

    @BeforeAll
    static void startDatabase() throws Exception {
        server = EmbeddedPostgresServer.startTemporary();
        db = Database.connect(DatabaseConfig.external(server.jdbcUrl(), "postgres", "", 4));
        CandleSchema.migrate(db);
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        if (db != null) db.close();
        if (server != null) server.close();
    }

    @BeforeEach
    void emptyTables() throws Exception {
        db.jdbi().useHandle(h -> h.execute("TRUNCATE candles.candles, candles.indicator_checkpoints, candles.indicator_series"));
        store = new PgCandleStore(db);
        checkpoints = new PgIndicatorCheckpoints(db);
        history = new CheckpointedHistory(store, checkpoints, buckets);
        System.out.println("random candles seed " + SEED);
        store.upsert(RandomCandles.walk(new SplittableRandom(SEED), 4000));
    }

    List<Candle> stored() throws StoreUnavailableException {
        return store.read(PETR4, Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE, 1_000_000, Long.MIN_VALUE);
    }

    static IndicatorSet set() {
        return new IndicatorSet(SPECS.stream().map(IndicatorSpec::parse).toList(), Buckets.SAO_PAULO);
    }

    /** Each candle's values as raw bits ("-" not ready), from the series' first candle. */
    static Map<Long, String> full(List<Candle> candles) {
        Map<Long, String> out = new HashMap<>();
        IndicatorSet set = set();
        for (Candle c : candles) {
            StringBuilder row = new StringBuilder();
            set.close(c, (i, spec, bucket, values) -> row.append(text(values)));
            out.put(c.bucketStart(), row.toString());
        }
        return out;
    }

    static String text(double[] values) {
        if (values == null) return "- ";
        StringBuilder b = new StringBuilder();
        for (double v : values) b.append(Long.toHexString(Double.doubleToRawLongBits(v))).append(',');
        return b.append(' ').toString();
    }

    record Read(List<Long> visited, Map<Long, String> values) {
    }

    /** The values from {@code firstWanted} on, through the checkpoints, and the buckets the read visited. */
    Read replay(long firstWanted, long historyEnd) throws StoreUnavailableException {
        IndicatorSet set = set();
        List<Long> visited = new ArrayList<>();
        Map<Long, String> values = new HashMap<>();
        history.replay(PETR4, Timeframe.M1, set, firstWanted, Long.MAX_VALUE, historyEnd, c -> {
            visited.add(c.bucketStart());
            StringBuilder row = new StringBuilder();
            set.close(c, c.bucketStart() < firstWanted ? null : (i, spec, bucket, v) -> row.append(text(v)));
            if (c.bucketStart() >= firstWanted) values.put(c.bucketStart(), row.toString());
            return true;
        });
        return new Read(visited, values);
    }

    long dayStart(long nanos) {
        return days.startOf(days.sessionDate(nanos));
    }

    long checkpointRows() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM candles.indicator_checkpoints").mapTo(Long.class).one());
    }

    static void assertValuesFrom(Map<Long, String> want, long firstWanted, Map<Long, String> got, String what) {
        int compared = 0;
        for (Map.Entry<Long, String> e : want.entrySet()) {
            if (e.getKey() < firstWanted) continue;
            assertEquals(e.getValue(), got.get(e.getKey()), what + ": bucket " + e.getKey());
            compared++;
        }
        assertEquals(compared, got.size(), what + ": one value per candle from the first wanted");
        assertTrue(compared > 0, what);
    }

    @Test
    void historyFromACheckpointEqualsTheFullComputationAndReadsOnlyFromItsDay() throws Exception {
        List<Candle> all = stored();
        TreeSet<LocalDate> sessions = new TreeSet<>();
        all.forEach(c -> sessions.add(days.sessionDate(c.bucketStart())));
        assertTrue(sessions.size() >= 3, "the series spans days: " + sessions);
        long historyEnd = all.getLast().bucketStart() + 60_000_000_000L;
        long lastDay = days.startOf(sessions.last());
        long firstWanted = all.stream().mapToLong(Candle::bucketStart).filter(b -> b >= lastDay).skip(5).findFirst().orElseThrow();
        Map<Long, String> want = full(all);

        Read first = replay(firstWanted, historyEnd);
        assertEquals(all.size(), first.visited().size(), "no checkpoint yet: from the series' first candle");
        assertValuesFrom(want, firstWanted, first.values(), "first read");
        assertEquals((long) (sessions.size() - 1) * SPECS.size(), checkpointRows(), "one checkpoint per spec and day start passed");

        Read second = replay(firstWanted, historyEnd);
        assertTrue(second.visited().getFirst() >= lastDay, "read from the wanted day's checkpoint on");
        assertEquals(all.stream().filter(c -> c.bucketStart() >= lastDay).count(), second.visited().size());
        assertValuesFrom(want, firstWanted, second.values(), "from the checkpoint");

        // changed behind the store's back (no invalidation): the checkpoint, not the first candle, is what is read
        // (the volume of a candle whose close moved: obv carries it to the end)
        Candle c0 = java.util.stream.IntStream.range(1, all.size()).filter(i -> all.get(i).close() != all.get(i - 1).close())
                .mapToObj(all::get).findFirst().orElseThrow();
        String set = "UPDATE candles.candles SET volume = ? WHERE bucket_start_nanos = ?";
        db.jdbi().useHandle(h -> h.execute(set, c0.volume() + 1000, c0.bucketStart()));
        assertFalse(full(stored()).get(firstWanted).equals(want.get(firstWanted)), "the change matters to the full computation");
        assertValuesFrom(want, firstWanted, replay(firstWanted, historyEnd).values(), "stale on purpose");
        db.jdbi().useHandle(h -> h.execute(set, c0.volume(), c0.bucketStart()));

        // a correction written through the store deletes the checkpoints after it: the values follow the new candles
        Candle second2 = all.stream().filter(c -> c.bucketStart() >= days.startOf(sessions.first().plusDays(1)))
                .findFirst().orElseThrow();
        Candle corrected = new Candle(PETR4, Timeframe.M1, second2.bucketStart(), second2.open(), second2.high() + 1,
                second2.low(), second2.high() + 1, second2.volume() + 100, second2.financialVolumeUnits(),
                second2.tradeCount(), second2.buyVolume(), second2.sellVolume(), second2.openTime(),
                second2.openTradeNumber(), second2.closeTime(), second2.closeTradeNumber());
        store.upsert(List.of(corrected));
        long after = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM candles.indicator_checkpoints"
                + " WHERE day_start_nanos > ?").bind(0, corrected.bucketStart()).mapTo(Long.class).one());
        assertEquals(0, after, "no checkpoint after the corrected candle");
        Map<Long, String> wantNow = full(stored());
        assertFalse(wantNow.get(firstWanted).equals(want.get(firstWanted)), "the correction changes the values wanted");
        Read recomputed = replay(firstWanted, historyEnd);
        assertValuesFrom(wantNow, firstWanted, recomputed.values(), "after the correction");
        assertValuesFrom(wantNow, firstWanted, replay(firstWanted, historyEnd).values(), "from the new checkpoints");
    }

    @Test
    void nothingClosedYetIsAnEmptyWarmUp() throws Exception {
        // a live stream warming up before the first close asks from Long.MIN_VALUE: no day of its own
        assertEquals(Long.MIN_VALUE, CheckpointedHistory.dayStart(days, Long.MIN_VALUE));
        List<Long> visited = new ArrayList<>();
        history.replay(PETR4, Timeframe.M1, set(), Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MIN_VALUE + 1, c -> visited.add(c.bucketStart()));
        assertEquals(List.of(), visited);
        Read all = replay(Long.MIN_VALUE, stored().getLast().bucketStart() + 60_000_000_000L);
        assertEquals(stored().size(), all.visited().size());
    }

    @Test
    void aCandleWrittenBeforeTheHorizonBetweenOpenAndSaveKeepsTheComputationOut() throws Exception {
        List<Candle> all = stored();
        long horizon = dayStart(all.getLast().bucketStart());
        Checkpoint cp = new Checkpoint(horizon, all.getLast().bucketStart(), set().checkpoints());
        long epoch = checkpoints.open(PETR4, Timeframe.M1, horizon);
        store.upsert(List.of(all.get(10))); // before the horizon: the computation may not have seen it
        assertFalse(checkpoints.save(PETR4, Timeframe.M1, epoch, SPECS, List.of(cp)));
        assertEquals(0, checkpointRows());

        long again = checkpoints.open(PETR4, Timeframe.M1, horizon);
        store.upsert(List.of(all.getLast())); // at the horizon's day or later: no checkpoint includes it
        assertTrue(checkpoints.save(PETR4, Timeframe.M1, again, SPECS, List.of(cp)));
        assertEquals(SPECS.size(), checkpointRows());
        store.delete(PETR4, Timeframe.M1, all.get(10).bucketStart());
        assertEquals(0, checkpointRows(), "a deleted candle before it deletes it too");
    }
}
