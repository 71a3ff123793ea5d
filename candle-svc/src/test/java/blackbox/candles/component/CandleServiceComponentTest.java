package blackbox.candles.component;

import static blackbox.gateway.testing.GatewayPart.BTC;
import static blackbox.gateway.testing.GatewayPart.ETH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.candles.core.Buckets;
import blackbox.candles.core.Candle;
import blackbox.candles.core.CandleAggregatorPropertyTest.Trade;
import blackbox.candles.core.CandleAggregatorPropertyTest;
import blackbox.candles.core.Timeframe;
import blackbox.candles.testing.CandlePart;
import blackbox.candles.v1.CsvChunk;
import blackbox.candles.v1.ExportCandlesRequest;
import blackbox.candles.v1.GetCandlesRequest;
import blackbox.candles.v1.GetCandlesResponse;
import blackbox.candles.v1.LiveCandle;
import blackbox.candles.v1.StreamCandlesRequest;
import blackbox.gateway.testing.GatewayPart;
import blackbox.gateway.v1.InstrumentId;
import blackbox.marketdata.testing.MarketDataPart;
import blackbox.testkit.StreamCollector;
import blackbox.testkit.TestStack;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * candle-svc on the real stack: the simulator replays the Binance sample (6,000 trades of two instruments) through
 * the gateway and marketdata-svc; candle-svc's candles are compared with the file aggregated independently.
 * SPOT is configured in UTC, exercising the per-exchange time zone.
 */
@Timeout(180)
class CandleServiceComponentTest {
    static final Buckets UTC = new Buckets(ZoneOffset.UTC);
    static final long FROM = 0;
    static final long TO = Long.MAX_VALUE;

    TestStack stack;
    CandlePart candles;

    @BeforeEach
    void start() throws Exception {
        stack = new TestStack("candles-test");
        candles = CandlePart.on(stack);
    }

    @AfterEach
    void stop() throws Exception {
        stack.close();
    }

    /**
     * The gateway (tape held; {@code gatewayOverrides}), marketdata-svc and candle-svc ({@code candleOverrides}),
     * both sample instruments subscribed by user {@code desk}, ingestion live end to end.
     */
    static void startLive(CandlePart candles, Map<String, String> gatewayOverrides, Map<String, String> candleOverrides)
            throws Exception {
        candles.startWithUpstream(gatewayOverrides, candleOverrides);
        MarketDataPart.on(candles.stack()).subscribe("desk", BTC, ETH);
        candles.awaitLive(2);
    }

    /** Replays the whole sample and waits until its trades are stored, applied and their candles written. */
    static void replayAll(TestStack stack) throws InterruptedException {
        GatewayPart.on(stack).startReplay();
        CandlePart.on(stack).awaitApplied(GatewayPart.SAMPLE_TRADES);
    }

    /** The sample's trades of one instrument, parsed from the file on their own. */
    static List<Trade> fileTrades(InstrumentId id) throws IOException {
        List<Trade> out = new ArrayList<>();
        blackbox.platform.domain.InstrumentId core = new blackbox.platform.domain.InstrumentId(id.getTicker(), id.getExchange());
        for (String line : Files.readAllLines(GatewayPart.SAMPLE)) {
            if (line.startsWith("#") || line.startsWith("ts_nanos")) continue;
            String[] f = line.split(",", -1);
            if (!f[1].equals(id.getTicker()) || !f[3].equals("T")) continue;
            out.add(new Trade(core, Long.parseLong(f[0]), Double.parseDouble(f[5]), Long.parseLong(f[6]),
                    Long.parseLong(f[4]), Integer.parseInt(f[7])));
        }
        return out;
    }

    static List<Candle> expected(InstrumentId id, Timeframe tf) throws IOException {
        List<Trade> trades = fileTrades(id);
        return List.copyOf(CandleAggregatorPropertyTest.naive(UTC, trades.getFirst().instrument(), tf, trades).values());
    }

    static String key(Candle c) {
        return c.bucketStart() + " o=" + c.open() + " h=" + c.high() + " l=" + c.low() + " c=" + c.close() + " v="
                + c.volume() + " fv=" + c.financialVolume().toPlainString() + " n=" + c.tradeCount() + " b="
                + c.buyVolume() + " s=" + c.sellVolume();
    }

    static String key(blackbox.candles.v1.Candle c) {
        return c.getBucketStartNanos() + " o=" + c.getOpen() + " h=" + c.getHigh() + " l=" + c.getLow() + " c="
                + c.getClose() + " v=" + c.getVolume() + " fv="
                + BigDecimal.valueOf(c.getFinancialVolumeUnits(), Candle.FINANCIAL_SCALE).toPlainString() + " n=" + c.getTrades()
                + " b=" + c.getBuyVolume() + " s=" + c.getSellVolume();
    }

    List<blackbox.candles.v1.Candle> readAll(InstrumentId id, Timeframe tf, int limit) {
        List<blackbox.candles.v1.Candle> out = new ArrayList<>();
        String token = "";
        do {
            GetCandlesResponse page = candles.blocking().getCandles(GetCandlesRequest.newBuilder().setInstrument(id)
                    .setTimeframe(tf.label()).setFromNanos(FROM).setToNanos(TO).setLimit(limit).setPageToken(token).build());
            assertTrue(page.getCandlesCount() <= limit);
            out.addAll(page.getCandlesList());
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        return out;
    }

    void replayAll() throws InterruptedException {
        replayAll(stack);
    }

    @Test
    void replayedTradesBecomeCandlesEqualToTheFileAggregatedInEveryTimeframe() throws Exception {
        startLive(candles, Map.of(), Map.of());
        replayAll();
        for (InstrumentId id : List.of(BTC, ETH)) {
            for (Timeframe tf : Timeframe.values()) {
                List<String> want = expected(id, tf).stream().map(CandleServiceComponentTest::key).toList();
                List<String> got = readAll(id, tf, 2).stream().map(CandleServiceComponentTest::key).toList();
                assertEquals(want, got, id.getTicker() + " " + tf);
            }
        }
        assertEquals(0, candles.app().engine().tradesLate());
    }

    @Test
    void badRequestsAreRejectedNamingTheFieldAndValue() throws Exception {
        startLive(candles, Map.of(), Map.of());
        replayAll();
        GetCandlesRequest good = GetCandlesRequest.newBuilder().setInstrument(BTC).setTimeframe("1m").setFromNanos(0)
                .setToNanos(TO).build();
        assertInvalid(good.toBuilder().setTimeframe("7m").build(), "timeframe=\"7m\"");
        assertInvalid(good.toBuilder().setFromNanos(5).setToNanos(5).build(), "from_nanos=5");
        assertInvalid(good.toBuilder().setLimit(1_000_000).build(), "limit=1000000");
        assertInvalid(good.toBuilder().setLimit(-1).build(), "limit=-1");
        assertInvalid(good.toBuilder().setPageToken("abc").build(), "page_token=\"abc\"");
        assertInvalid(good.toBuilder().setInstrument(InstrumentId.newBuilder().setTicker("PETR9").setExchange("B")).build(),
                "instrument=PETR9:B");
        assertInvalid(good.toBuilder().setInstrument(InstrumentId.newBuilder().setTicker("pe tr").setExchange("B")).build(),
                "instrument.ticker=\"pe tr\"");
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> candles.blocking()
                .streamCandles(StreamCandlesRequest.newBuilder().setInstrument(BTC).setTimeframe("2h").build()).hasNext());
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertTrue(e.getStatus().getDescription().contains("timeframe=\"2h\""), e.getStatus().getDescription());
    }

    private void assertInvalid(GetCandlesRequest request, String names) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> candles.blocking().getCandles(request));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), e.getStatus().toString());
        assertTrue(e.getStatus().getDescription().contains(names), e.getStatus().getDescription());
    }

    @Test
    void aJustSubscribedInstrumentHasAnEmptyHistoryNotAnError() throws Exception {
        startLive(candles, Map.of(), Map.of()); // subscribed, the tape held: no trade yet
        for (boolean latest : new boolean[] {false, true}) {
            GetCandlesResponse none = candles.blocking().getCandles(GetCandlesRequest.newBuilder().setInstrument(BTC)
                    .setTimeframe("1m").setFromNanos(FROM).setToNanos(TO).setLatest(latest).build());
            assertEquals(0, none.getCandlesCount(), "latest=" + latest);
            assertEquals("", none.getNextPageToken());
        }
        blackbox.indicators.v1.GetIndicatorResponse values = blackbox.indicators.v1.IndicatorsGrpc
                .newBlockingStub(candles.channel()).getIndicator(blackbox.indicators.v1.GetIndicatorRequest.newBuilder()
                        .setInstrument(BTC).setTimeframe("1m").setSpec("ema(9)").setFromNanos(FROM).setToNanos(TO).build());
        assertEquals(0, values.getValuesCount());
        assertInvalid(GetCandlesRequest.newBuilder().setInstrument(InstrumentId.newBuilder().setTicker("PETR9").setExchange("B"))
                .setTimeframe("1m").setFromNanos(FROM).setToNanos(TO).build(), "instrument=PETR9:B"); // neither: still an error
    }

    @Test
    void latestGivesTheNewestCandlesFirstAndPagesBackwards() throws Exception {
        startLive(candles, Map.of(), Map.of());
        replayAll();
        for (InstrumentId id : List.of(BTC, ETH)) {
            for (Timeframe tf : Timeframe.values()) {
                List<String> all = readAll(id, tf, 5000).stream().map(CandleServiceComponentTest::key).toList();
                List<String> backwards = new ArrayList<>();
                String token = "";
                do {
                    GetCandlesResponse page = candles.blocking().getCandles(GetCandlesRequest.newBuilder().setInstrument(id)
                            .setTimeframe(tf.label()).setFromNanos(FROM).setToNanos(TO).setLimit(2).setLatest(true)
                            .setPageToken(token).build());
                    assertTrue(page.getCandlesCount() <= 2);
                    backwards.addAll(0, page.getCandlesList().stream().map(CandleServiceComponentTest::key).toList());
                    token = page.getNextPageToken();
                } while (!token.isEmpty());
                assertEquals(all, backwards, id.getTicker() + " " + tf + ": pages backwards hold the same candles");
                GetCandlesResponse newest = candles.blocking().getCandles(GetCandlesRequest.newBuilder().setInstrument(id)
                        .setTimeframe(tf.label()).setFromNanos(FROM).setToNanos(TO).setLimit(1).setLatest(true).build());
                assertEquals(List.of(all.getLast()), newest.getCandlesList().stream().map(CandleServiceComponentTest::key).toList(),
                        id.getTicker() + " " + tf + ": limit 1 is the newest candle");
                GetCandlesResponse filled = candles.blocking().getCandles(GetCandlesRequest.newBuilder().setInstrument(id)
                        .setTimeframe(tf.label()).setFromNanos(FROM).setToNanos(TO).setLimit(3).setLatest(true)
                        .setFillGaps(true).build());
                assertEquals(all.getLast(), key(filled.getCandles(filled.getCandlesCount() - 1)),
                        id.getTicker() + " " + tf + ": the newest filled page ends with the newest candle (nothing invented after it)");
            }
        }
    }

    @Test
    void gapsAreFilledWithThePreviousCloseOnlyWhenAsked() throws Exception {
        startLive(candles, Map.of(), Map.of());
        replayAll();
        List<Candle> minutes = expected(BTC, Timeframe.M1);
        long first = minutes.getFirst().bucketStart();
        long last = minutes.getLast().bucketStart();
        GetCandlesRequest request = GetCandlesRequest.newBuilder().setInstrument(BTC).setTimeframe("1m")
                .setFromNanos(first).setToNanos(last + 60_000_000_000L * 11).build();
        assertEquals(minutes.size(), candles.blocking().getCandles(request).getCandlesCount(), "no invented candles");
        GetCandlesResponse filled = candles.blocking().getCandles(request.toBuilder().setFillGaps(true).build());
        assertEquals(minutes.size() + 10, filled.getCandlesCount());
        blackbox.candles.v1.Candle flat = filled.getCandles(filled.getCandlesCount() - 1);
        assertEquals(0, flat.getTrades());
        assertEquals(minutes.getLast().close(), flat.getClose());
        assertEquals(0, flat.getVolume());
    }

    @Test
    void liveStreamSendsEachCloseOnceAndAResumedStreamMissesNothing() throws Exception {
        startLive(candles, Map.of(), Map.of());
        StreamCollector<LiveCandle> live = new StreamCollector<>();
        candles.async().streamCandles(StreamCandlesRequest.newBuilder().setInstrument(BTC).setTimeframe("1m").build(), live);
        TestStack.await(() -> liveSubscribers() == 1, Duration.ofSeconds(5), "subscribed");
        replayAll();
        List<Candle> minutes = expected(BTC, Timeframe.M1);
        // every minute but the last is closed by the next one's trades; the last stays forming
        live.await(events -> closes(events).size() == minutes.size() - 1, Duration.ofSeconds(10),
                () -> "closes: " + closes(live.items()).size() + " of " + (minutes.size() - 1));
        assertEquals(minutes.subList(0, minutes.size() - 1).stream().map(CandleServiceComponentTest::key).toList(),
                closes(live.items()).stream().map(c -> key(c.getCandle())).toList(), "each close once, with its final values");
        LiveCandle lastForming = live.items().stream().filter(c -> c.getState() == LiveCandle.State.FORMING)
                .reduce((a, b) -> b).orElseThrow();
        assertEquals(key(minutes.getLast()), key(lastForming.getCandle()));

        // a client that saw the first two closes reconnects: it gets every later close once, then the forming candle
        long resumeAfter = minutes.get(1).bucketStart();
        StreamCollector<LiveCandle> resumed = new StreamCollector<>();
        candles.async().streamCandles(StreamCandlesRequest.newBuilder().setInstrument(BTC).setTimeframe("1m")
                .setResumeAfterBucketNanos(resumeAfter).build(), resumed);
        resumed.awaitCount(minutes.size() - 2, Duration.ofSeconds(5));
        List<String> want = new ArrayList<>(minutes.subList(2, minutes.size() - 1).stream()
                .map(c -> "CLOSED " + key(c)).toList());
        want.add("FORMING " + key(minutes.getLast()));
        assertEquals(want, resumed.items().stream().map(c -> c.getState() + " " + key(c.getCandle())).toList());
    }

    @Test
    void aCachedSeriesServesLiveHistoryAndPagesAlike() throws Exception {
        startLive(candles, Map.of(), Map.of());
        replayAll();
        // the live stream's history and GetCandles read the same cached 5m series, in two forms
        StreamCollector<LiveCandle> resumed = new StreamCollector<>();
        candles.async().streamCandles(StreamCandlesRequest.newBuilder().setInstrument(ETH).setTimeframe("5m")
                .setResumeAfterBucketNanos(1).build(), resumed);
        List<Candle> fives = expected(ETH, Timeframe.M5);
        resumed.awaitCount(fives.size(), Duration.ofSeconds(5));
        for (int round = 0; round < 2; round++) {
            assertEquals(fives.stream().map(CandleServiceComponentTest::key).toList(),
                    readAll(ETH, Timeframe.M5, 50_000).stream().map(CandleServiceComponentTest::key).toList());
        }
        assertEquals(key(fives.getFirst()), key(resumed.items().getFirst().getCandle()));
    }

    private int liveSubscribers() {
        return candles.running() ? (int) candles.app().liveSubscribers() : 0;
    }

    static List<LiveCandle> closes(List<LiveCandle> events) {
        return events.stream().filter(c -> c.getState() == LiveCandle.State.CLOSED).toList();
    }

    @Test
    void exportGivesAHeaderAndOneLinePerCandle() throws Exception {
        startLive(candles, Map.of(), Map.of());
        replayAll();
        StringBuilder csv = new StringBuilder();
        Iterator<CsvChunk> chunks = candles.blocking().exportCandles(ExportCandlesRequest.newBuilder().setInstrument(ETH)
                .setTimeframe("1m").setFromNanos(0).setToNanos(TO).build());
        chunks.forEachRemaining(c -> csv.append(c.getData().toStringUtf8()));
        String[] lines = csv.toString().split("\n");
        List<Candle> minutes = expected(ETH, Timeframe.M1);
        assertEquals(minutes.size() + 1, lines.length);
        assertEquals(blackbox.candles.core.CandleCsv.HEADER.trim(), lines[0]);
        String[] first = lines[1].split(",", -1);
        Candle c = minutes.getFirst();
        assertEquals("ETHUSDT", first[0]);
        assertEquals(java.time.Instant.ofEpochSecond(0, c.bucketStart()).toString(), first[3]);
        assertEquals(c.open(), Double.parseDouble(first[4]));
        assertEquals(c.volume(), Long.parseLong(first[8]));
        assertEquals(0, c.financialVolume().compareTo(new BigDecimal(first[9])));
        assertEquals(c.tradeCount(), Long.parseLong(first[10]));
    }
}
