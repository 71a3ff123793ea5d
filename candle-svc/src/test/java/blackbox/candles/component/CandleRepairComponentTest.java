package blackbox.candles.component;

import static blackbox.candles.component.CandleServiceComponentTest.expected;
import static blackbox.candles.component.CandleServiceComponentTest.fileTrades;
import static blackbox.candles.component.CandleServiceComponentTest.startLive;
import static blackbox.gateway.testing.GatewayPart.BTC;
import static blackbox.gateway.testing.GatewayPart.ETH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.candles.core.Buckets;
import blackbox.candles.core.Candle;
import blackbox.candles.core.CandleAggregatorPropertyTest.Trade;
import blackbox.candles.core.CandleAggregatorPropertyTest;
import blackbox.candles.core.Timeframe;
import blackbox.candles.testing.CandlePart;
import blackbox.candles.v1.BackfillRequest;
import blackbox.candles.v1.GetCandlesRequest;
import blackbox.candles.v1.JobProgress;
import blackbox.candles.v1.ReprocessRequest;
import blackbox.gateway.GatewayConfig;
import blackbox.gateway.testing.GatewayPart;
import blackbox.gateway.v1.InstrumentId;
import blackbox.marketdata.core.TradeRow;
import blackbox.marketdata.testing.MarketDataPart;
import blackbox.testkit.TestStack;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Late data and recovery on the real stack: a restart mid-replay, a trade after the rectification window, edits
 * inside and after it, a hand-started reprocess and a backfill from the gateway's history.
 */
@Timeout(180)
class CandleRepairComponentTest {
    static final long TO = Long.MAX_VALUE;
    static final Buckets UTC = new Buckets(ZoneOffset.UTC);
    static final long FROM_2024_08_07 = Instant.parse("2024-08-07T00:00:00Z").getEpochSecond() * 1_000_000_000L;
    static final long TO_2024_08_10 = Instant.parse("2024-08-10T00:00:00Z").getEpochSecond() * 1_000_000_000L;

    TestStack stack;
    GatewayPart gateway;
    MarketDataPart marketdata;
    CandlePart candles;

    @BeforeEach
    void start() throws Exception {
        stack = new TestStack("candles-test");
        gateway = GatewayPart.on(stack);
        marketdata = MarketDataPart.on(stack);
        candles = CandlePart.on(stack);
    }

    @AfterEach
    void stop() throws Exception {
        stack.close();
    }

    List<String> stored(InstrumentId id, Timeframe tf) {
        return candles.blocking().getCandles(GetCandlesRequest.newBuilder().setInstrument(id).setTimeframe(tf.label())
                        .setFromNanos(0).setToNanos(TO).setLimit(50_000).build()).getCandlesList().stream()
                .map(CandleServiceComponentTest::key).toList();
    }

    static List<String> keys(List<Candle> candles) {
        return candles.stream().map(CandleServiceComponentTest::key).toList();
    }

    void assertEqualsFile(InstrumentId id, List<Trade> trades) {
        for (Timeframe tf : Timeframe.values()) {
            List<Candle> want = List.copyOf(CandleAggregatorPropertyTest.naive(UTC, trades.getFirst().instrument(), tf,
                    trades).values());
            assertEquals(keys(want), stored(id, tf), id.getTicker() + " " + tf);
        }
    }

    /** Waits until the reprocess job completed {@code ranges} recorded ranges in all and none is pending. */
    void awaitReprocessed(long ranges) throws InterruptedException {
        TestStack.await(() -> candles.app().job().rangesDone() >= ranges && candles.pendingReprocess() == 0,
                Duration.ofSeconds(30), () -> "reprocess job: " + candles.app().job().rangesDone() + " ranges done, "
                        + candles.pendingReprocess() + " pending");
        candles.app().engine().barrier().join();
    }

    @Test
    void aRestartedCandleServiceCatchesUpWithTheTradesStoredWhileItWasDown() throws Exception {
        startLive(candles, Map.of(GatewayConfig.SPEED, "20x"), Map.of());
        gateway.startReplay();
        TestStack.await(() -> candles.app().engine().tradesApplied() > 500, Duration.ofSeconds(30), "some trades applied");
        candles.app().engine().barrier().join();
        candles.stop();
        long storedWhenStopped = marketdata.storedTrades();
        TestStack.await(() -> marketdata.storedTrades() == 6000, Duration.ofSeconds(60), "the whole tape stored");
        assertTrue(storedWhenStopped < 6000, "trades arrived while candle-svc was down: " + storedWhenStopped);
        candles.restart();
        awaitReprocessed(2); // the catch-up of both instruments
        assertEqualsFile(BTC, fileTrades(BTC));
        assertEqualsFile(ETH, fileTrades(ETH));
    }

    /** Stores a trade (or edit) in marketdata-svc and hands it to the engine, as marketdata's stream would. */
    void deliver(InstrumentId id, Trade t, boolean edit) throws Exception {
        var instrument = new blackbox.platform.domain.InstrumentId(id.getTicker(), id.getExchange());
        LocalDate day = Instant.ofEpochSecond(0, t.time()).atZone(java.time.ZoneId.of("America/Sao_Paulo")).toLocalDate();
        marketdata.app().tradeStore().write(List.of(new TradeRow(instrument, day, t.number(), t.time(), t.price(),
                t.quantity(), t.price() * t.quantity(), 0, 0, t.type(), edit, t.time())));
        candles.app().engine().submit(List.of(blackbox.gateway.v1.Trade.newBuilder().setInstrument(id)
                .setTimeNanos(t.time()).setPrice(t.price()).setQuantity(t.quantity())
                .setTradeNumber((int) t.number()).setTradeType(t.type()).setEdit(edit).build()));
    }

    @Test
    void lateTradesAndEditsAfterTheWindowGoThroughTheReprocessJobAndInsideItApplyAtOnce() throws Exception {
        // the sample spans 4 minutes: with a 1-minute window its first minute is out of the window at the end
        startLive(candles, Map.of(), Map.of(blackbox.candles.CandleConfig.WINDOW, "1m"));
        gateway.startReplay();
        candles.awaitApplied(GatewayPart.SAMPLE_TRADES);
        List<Trade> trades = new ArrayList<>(fileTrades(BTC));
        Trade first = trades.getFirst();
        Trade last = trades.getLast();

        // a trade of the first minute, arriving minutes after it closed: recorded, then rebuilt from the store
        Trade late = new Trade(first.instrument(), first.time() + 1, Math.round(first.price() * 101) / 100.0, 7_000, 4_000_000_000L, 2);
        deliver(BTC, late, false);
        trades.add(late);
        // an edit of the first trade, also after the window
        Trade firstEdited = new Trade(first.instrument(), first.time(), first.price() - 10, first.quantity() * 2,
                first.number(), 3);
        deliver(BTC, firstEdited, true);
        trades.set(0, firstEdited);
        awaitReprocessed(1);
        assertTrue(candles.app().engine().tradesLate() >= 1);
        assertEqualsFile(BTC, trades);

        // an edit of the last trade, inside the window: applied in memory at once
        long recordedBefore = candles.app().engine().tradesLate();
        Trade lastEdited = new Trade(last.instrument(), last.time(), last.price() + 5, last.quantity() + 1, last.number(), 2);
        deliver(BTC, lastEdited, true);
        candles.app().engine().barrier().join();
        trades.set(trades.indexOf(last), lastEdited);
        assertEquals(recordedBefore, candles.app().engine().tradesLate(), "nothing recorded for the reprocess job");
        assertEqualsFile(BTC, trades);
    }

    @Test
    void aHandStartedReprocessRebuildsLostCandlesAndIsIdempotent() throws Exception {
        startLive(candles, Map.of(), Map.of());
        gateway.startReplay();
        candles.awaitApplied(GatewayPart.SAMPLE_TRADES);
        // candles lost (say, a bad restore): the store has no ETH candles any more
        stack.database().jdbi().useHandle(h -> h.execute("DELETE FROM candles.candles WHERE ticker = 'ETHUSDT'"));
        for (int round = 0; round < 2; round++) {
            List<JobProgress> progress = new ArrayList<>();
            candles.blocking().reprocess(ReprocessRequest.newBuilder().setInstrument(ETH).setFromNanos(FROM_2024_08_07)
                    .setToNanos(TO_2024_08_10).build()).forEachRemaining(progress::add);
            JobProgress done = progress.getLast();
            assertTrue(done.getDone());
            assertEquals(100, done.getPercent());
            assertEquals(expected(ETH, Timeframe.M1).size(), done.getCandlesWritten());
            assertTrue(progress.stream().allMatch(p -> p.getPhase().equals("candles")));
            assertEqualsFile(ETH, fileTrades(ETH));
        }
    }

    @Test
    void aBackfillFetchesTheHistoryAndBuildsItsCandlesWithProgress() throws Exception {
        startLive(candles, Map.of(), Map.of()); // the tape is never started: nothing live
        List<JobProgress> progress = new ArrayList<>();
        candles.blocking().backfill(BackfillRequest.newBuilder().setInstrument(BTC).setFromNanos(FROM_2024_08_07)
                .setToNanos(TO_2024_08_10).build()).forEachRemaining(progress::add);
        assertTrue(progress.getLast().getDone());
        assertTrue(progress.stream().anyMatch(p -> p.getPhase().equals("history")), "history progress reported");
        assertTrue(progress.stream().anyMatch(p -> p.getPhase().equals("candles") && p.getPercent() == 100));
        candles.app().engine().barrier().join();
        assertEqualsFile(BTC, fileTrades(BTC));
        // again: the same candles
        candles.blocking().backfill(BackfillRequest.newBuilder().setInstrument(BTC).setFromNanos(FROM_2024_08_07)
                .setToNanos(TO_2024_08_10).build()).forEachRemaining(p -> { });
        assertEqualsFile(BTC, fileTrades(BTC));
    }
}
