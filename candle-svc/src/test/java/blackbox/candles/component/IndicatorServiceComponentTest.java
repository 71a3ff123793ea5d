package blackbox.candles.component;

import static blackbox.candles.component.CandleServiceComponentTest.replayAll;
import static blackbox.candles.component.CandleServiceComponentTest.startLive;
import static blackbox.gateway.testing.GatewayPart.ETH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.candles.core.Candle;
import blackbox.candles.core.CandleAggregatorPropertyTest.Trade;
import blackbox.candles.core.CandleAggregatorPropertyTest;
import blackbox.candles.core.Timeframe;
import blackbox.candles.indicators.IndicatorSet;
import blackbox.candles.indicators.IndicatorSpec;
import blackbox.candles.testing.CandlePart;
import blackbox.indicators.v1.GetIndicatorRequest;
import blackbox.indicators.v1.GetIndicatorResponse;
import blackbox.indicators.v1.IndicatorDescription;
import blackbox.indicators.v1.IndicatorValue;
import blackbox.indicators.v1.IndicatorsGrpc;
import blackbox.indicators.v1.ListIndicatorsRequest;
import blackbox.indicators.v1.LiveIndicatorValue;
import blackbox.indicators.v1.StreamIndicatorsRequest;
import blackbox.testkit.StreamCollector;
import blackbox.testkit.TestStack;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Indicators service on the real stack (simulator, gateway, marketdata-svc, candle-svc, PostgreSQL), replaying
 * the Binance sample: history and live values equal the indicator core run over the file's candles aggregated
 * independently (the core itself is held to ta4j by {@code IndicatorOracleTest}).
 */
@Timeout(180)
class IndicatorServiceComponentTest {
    /** Short periods: the sample has only four minutes of ETHUSDT. */
    static final List<String> SPECS = List.of("sma(2)", "ema(1)", "wma(2)", "rsi(1)", "macd(1,2,1)", "obv", "vwap");

    TestStack stack;
    CandlePart candles;
    IndicatorsGrpc.IndicatorsBlockingStub blocking;
    IndicatorsGrpc.IndicatorsStub async;

    @BeforeEach
    void start() throws Exception {
        stack = new TestStack("candles-test");
        candles = CandlePart.on(stack);
        blocking = IndicatorsGrpc.newBlockingStub(candles.channel());
        async = IndicatorsGrpc.newStub(candles.channel());
    }

    @AfterEach
    void stop() throws Exception {
        stack.close();
    }

    /** The expected values of a spec at each candle of the file: {@code null} where not ready. */
    static List<double[]> expected(String spec, List<Candle> candles) {
        List<double[]> out = new ArrayList<>();
        IndicatorSet set = new IndicatorSet(List.of(IndicatorSpec.parse(spec)), ZoneOffset.UTC);
        for (Candle c : candles) {
            set.close(c, (i, s, bucket, values) -> out.add(values == null ? null : values.clone()));
        }
        return out;
    }

    static void assertValue(double[] expected, IndicatorValue got, String where) {
        assertEquals(expected != null, got.getReady(), where + ": ready");
        if (expected == null) {
            assertEquals(0, got.getValuesCount(), where + ": no values when not ready");
            return;
        }
        assertEquals(expected.length, got.getValuesCount(), where);
        for (int o = 0; o < expected.length; o++) {
            assertEquals(expected[o], got.getValues(o), Math.abs(expected[o]) * 1e-12, where + " output " + o);
        }
    }

    @Test
    void historyEqualsTheIndicatorsOverTheFilesCandlesWithTheFormingBarProvisional() throws Exception {
        startLive(candles, Map.of(), Map.of());
        replayAll(stack);
        for (Timeframe tf : List.of(Timeframe.M1, Timeframe.M5)) {
            List<Candle> candles = CandleServiceComponentTest.expected(ETH, tf);
            for (String spec : SPECS) {
                GetIndicatorResponse r = blocking.getIndicator(GetIndicatorRequest.newBuilder().setInstrument(ETH)
                        .setTimeframe(tf.label()).setSpec(spec).setFromNanos(0).setToNanos(Long.MAX_VALUE).build());
                assertEquals(IndicatorSpec.parse(spec).toString(), r.getSpec());
                assertEquals(IndicatorSpec.parse(spec).outputs(), r.getOutputsList());
                assertFalse(r.getTruncated());
                List<double[]> want = expected(spec, candles);
                assertEquals(candles.size(), r.getValuesCount(), spec + " " + tf);
                for (int i = 0; i < candles.size(); i++) {
                    IndicatorValue v = r.getValues(i);
                    assertEquals(candles.get(i).bucketStart(), v.getBucketStartNanos());
                    assertValue(want.get(i), v, spec + " " + tf + " bar " + i);
                    // the sample's last minute is still forming: nothing after it has traded yet
                    assertEquals(i == candles.size() - 1, v.getProvisional(), spec + " " + tf + " bar " + i);
                }
            }
        }
        assertTrue(CandleServiceComponentTest.expected(ETH, Timeframe.M1).size() >= 4, "the sample has 4 minutes of ETH");
    }

    @Test
    void aRangeIsWarmedUpOnTheCandlesBeforeItAndCutAtTheLimit() throws Exception {
        startLive(candles, Map.of(), Map.of());
        replayAll(stack);
        List<Candle> minutes = CandleServiceComponentTest.expected(ETH, Timeframe.M1);
        List<double[]> want = expected("macd(1,2,1)", minutes);
        GetIndicatorResponse r = blocking.getIndicator(GetIndicatorRequest.newBuilder().setInstrument(ETH)
                .setTimeframe("1m").setSpec("macd(1,2,1)").setFromNanos(minutes.get(2).bucketStart())
                .setToNanos(Long.MAX_VALUE).setLimit(1).build());
        assertEquals(1, r.getValuesCount());
        assertTrue(r.getTruncated());
        assertEquals(minutes.get(2).bucketStart(), r.getValues(0).getBucketStartNanos());
        assertValue(want.get(2), r.getValues(0), "macd at the range's first bar, warmed up before it");
        assertTrue(r.getValues(0).getReady());
    }

    @Test
    void badSpecsAndRequestsAreRejectedNamingTheFieldAndValue() throws Exception {
        startLive(candles, Map.of(), Map.of());
        replayAll(stack);
        GetIndicatorRequest good = GetIndicatorRequest.newBuilder().setInstrument(ETH).setTimeframe("1m")
                .setSpec("ema(9)").setFromNanos(0).setToNanos(Long.MAX_VALUE).build();
        assertInvalid(() -> blocking.getIndicator(good.toBuilder().setSpec("foo(3)").build()),
                "spec: unknown indicator \"foo\"");
        assertInvalid(() -> blocking.getIndicator(good.toBuilder().setSpec("ema(0)").build()), "period=0");
        assertInvalid(() -> blocking.getIndicator(good.toBuilder().setSpec("macd(26,12,9)").build()),
                "fast=26, slow=12");
        assertInvalid(() -> blocking.getIndicator(good.toBuilder().setTimeframe("7m").build()), "timeframe=\"7m\"");
        assertInvalid(() -> blocking.getIndicator(good.toBuilder().setLimit(-1).build()), "limit=-1");
        assertInvalid(() -> blocking.streamIndicators(StreamIndicatorsRequest.newBuilder().setInstrument(ETH)
                .setTimeframe("1m").build()).hasNext(), "specs must name 1..16 indicators");
        assertInvalid(() -> blocking.streamIndicators(StreamIndicatorsRequest.newBuilder().setInstrument(ETH)
                .setTimeframe("1m").addSpecs("ema(9)").addSpecs("bbands(20,99)").build()).hasNext(),
                "specs[1]: bbands parameter k must be in [0.1, 10]: k=99");
    }

    private static void assertInvalid(Executable call, String names) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call::run);
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), e.getStatus().toString());
        assertTrue(e.getStatus().getDescription().contains(names), e.getStatus().getDescription());
    }

    /** A call that throws. */
    @FunctionalInterface
    private interface Executable {
        void run() throws Exception;
    }

    @Test
    void liveStreamSendsEachFinalValueOnceProvisionalValuesForTheFormingBarAndResumes() throws Exception {
        startLive(candles, Map.of(), Map.of());
        List<String> specs = List.of("sma(2)", "obv");
        StreamCollector<LiveIndicatorValue> stream = new StreamCollector<>();
        async.streamIndicators(StreamIndicatorsRequest.newBuilder().setInstrument(ETH).setTimeframe("1m")
                .addAllSpecs(specs).build(), stream);
        TestStack.await(() -> candles.app().liveSubscribers() == 1, Duration.ofSeconds(5), "subscribed");
        replayAll(stack);
        List<Candle> minutes = CandleServiceComponentTest.expected(ETH, Timeframe.M1);
        int closed = minutes.size() - 1; // the last minute stays forming
        stream.await(v -> finals(v).size() == closed * specs.size(), Duration.ofSeconds(10),
                () -> "finals: " + finals(stream.items()).size() + " of " + closed * specs.size());
        List<LiveIndicatorValue> live = stream.items();
        for (String spec : specs) {
            List<double[]> want = expected(spec, minutes);
            List<LiveIndicatorValue> mine = finals(live).stream().filter(v -> v.getSpec().equals(spec)).toList();
            assertEquals(minutes.subList(0, closed).stream().map(Candle::bucketStart).toList(),
                    mine.stream().map(v -> v.getValue().getBucketStartNanos()).toList(), spec + ": each close once");
            for (int i = 0; i < closed; i++) {
                assertValue(want.get(i), mine.get(i).getValue(), spec + " final " + i);
            }
            LiveIndicatorValue lastProvisional = live.stream().filter(v -> v.getSpec().equals(spec)
                    && v.getKind() == LiveIndicatorValue.Kind.PROVISIONAL).reduce((a, b) -> b).orElseThrow();
            assertEquals(minutes.getLast().bucketStart(), lastProvisional.getValue().getBucketStartNanos());
            assertValue(want.getLast(), lastProvisional.getValue(), spec + " provisional on the forming bar");
            assertTrue(lastProvisional.getValue().getProvisional());
        }

        // a client that has the first close's values reconnects: every later FINAL once, then the forming bar
        long resumeAfter = minutes.get(0).bucketStart();
        StreamCollector<LiveIndicatorValue> resumedStream = new StreamCollector<>();
        async.streamIndicators(StreamIndicatorsRequest.newBuilder().setInstrument(ETH).setTimeframe("1m")
                .addAllSpecs(specs).setResumeAfterBucketNanos(resumeAfter).build(), resumedStream);
        List<LiveIndicatorValue> resumed = resumedStream.await(
                r -> r.stream().anyMatch(v -> v.getKind() == LiveIndicatorValue.Kind.PROVISIONAL),
                Duration.ofSeconds(10), "resumed stream reached the forming bar");
        assertEquals(minutes.subList(1, closed).stream().flatMap(c -> specs.stream().map(s -> s + "@" + c.bucketStart()))
                        .toList(),
                finals(resumed).stream().map(v -> v.getSpec() + "@" + v.getValue().getBucketStartNanos()).toList());

        // a fresh client starts with the current values: the last close's FINAL, then the forming bar's
        StreamCollector<LiveIndicatorValue> freshStream = new StreamCollector<>();
        async.streamIndicators(StreamIndicatorsRequest.newBuilder().setInstrument(ETH).setTimeframe("1m")
                .addSpecs("sma(2)").build(), freshStream);
        List<LiveIndicatorValue> fresh = freshStream.awaitCount(2, Duration.ofSeconds(10));
        assertEquals(LiveIndicatorValue.Kind.FINAL, fresh.get(0).getKind());
        assertEquals(minutes.get(closed - 1).bucketStart(), fresh.get(0).getValue().getBucketStartNanos());
        assertEquals(LiveIndicatorValue.Kind.PROVISIONAL, fresh.get(1).getKind());
    }

    @Test
    void aCorrectedCandleCorrectsTheValuesFromItOn() throws Exception {
        startLive(candles, Map.of(), Map.of());
        List<String> specs = List.of("sma(2)", "obv");
        StreamCollector<LiveIndicatorValue> stream = new StreamCollector<>();
        async.streamIndicators(StreamIndicatorsRequest.newBuilder().setInstrument(ETH).setTimeframe("1m")
                .addAllSpecs(specs).build(), stream);
        TestStack.await(() -> candles.app().liveSubscribers() == 1, Duration.ofSeconds(5), "subscribed");
        replayAll(stack);
        List<Trade> trades = new ArrayList<>(CandleServiceComponentTest.fileTrades(ETH));
        List<Candle> before = CandleServiceComponentTest.expected(ETH, Timeframe.M1);
        int closed = before.size() - 1;
        stream.await(v -> finals(v).size() == closed * specs.size(), Duration.ofSeconds(10), "finals");

        // a late trade in the second minute, inside the rectification window: its closed candle is corrected
        long minute = before.get(1).bucketStart();
        Trade late = new Trade(trades.getFirst().instrument(), minute + 1, before.get(1).high() + 1, 500_000,
                4_000_000_000L, 2);
        trades.add(late);
        candles.app().engine().submit(List.of(blackbox.gateway.v1.Trade.newBuilder().setInstrument(ETH)
                .setTimeNanos(late.time()).setPrice(late.price()).setQuantity(late.quantity())
                .setTradeNumber((int) late.number()).setTradeType(late.type()).build()));
        List<Candle> after = List.copyOf(CandleAggregatorPropertyTest.naive(CandleServiceComponentTest.UTC,
                late.instrument(), Timeframe.M1, trades).values());
        stream.await(v -> corrected(v).size() >= (closed - 1) * specs.size(), Duration.ofSeconds(10),
                () -> "corrections: " + corrected(stream.items()).size());
        List<LiveIndicatorValue> live = stream.items();
        for (String spec : specs) {
            List<double[]> want = expected(spec, after);
            List<LiveIndicatorValue> mine = corrected(live).stream().filter(v -> v.getSpec().equals(spec)).toList();
            assertEquals(after.subList(1, closed).stream().map(Candle::bucketStart).toList(),
                    mine.stream().map(v -> v.getValue().getBucketStartNanos()).toList(),
                    spec + ": corrected from the late trade's minute to the last close");
            for (int i = 0; i < mine.size(); i++) {
                assertValue(want.get(i + 1), mine.get(i).getValue(), spec + " corrected " + (i + 1));
            }
        }
        assertEquals(closed * specs.size(), finals(stream.items()).size(), "no FINAL twice");
    }

    static List<LiveIndicatorValue> corrected(List<LiveIndicatorValue> events) {
        return events.stream().filter(v -> v.getKind() == LiveIndicatorValue.Kind.CORRECTED).toList();
    }

    @Test
    void listIndicatorsDescribesEveryIndicator() throws Exception {
        startLive(candles, Map.of(), Map.of());
        List<IndicatorDescription> all = blocking.listIndicators(ListIndicatorsRequest.getDefaultInstance())
                .getIndicatorsList();
        assertEquals(List.of("sma", "ema", "wma", "rsi", "macd", "bbands", "atr", "stoch", "obv", "vwap"),
                all.stream().map(IndicatorDescription::getName).toList());
        IndicatorDescription macd = all.get(4);
        assertEquals(List.of("fast", "slow", "signal"), macd.getParametersList().stream().map(p -> p.getName()).toList());
        assertEquals(26, macd.getParameters(1).getDefaultValue());
        assertFalse(macd.getOverlay());
        assertTrue(all.get(5).getOverlay());
    }

    static List<LiveIndicatorValue> finals(List<LiveIndicatorValue> events) {
        return events.stream().filter(v -> v.getKind() == LiveIndicatorValue.Kind.FINAL).toList();
    }

}
