package blackbox.candles.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import blackbox.platform.domain.InstrumentId;
import java.util.List;
import org.junit.jupiter.api.Test;

class GapFillTest {
    static final InstrumentId PETR4 = new InstrumentId("PETR4", "B");
    static final long MINUTE = 60_000_000_000L;
    static final long T0 = BucketsTest.ns("2025-04-07T13:00:00Z");
    final Buckets buckets = ExchangeBuckets.saoPaulo().of("B");

    static Candle m1(int minute, double close) {
        long start = T0 + minute * MINUTE;
        return new Candle(PETR4, Timeframe.M1, start, close, close, close, close, 100,
                Candle.financialUnits(close, 100), 1, 0, 0, start, 1, start, 1);
    }

    private static String show(List<Candle> candles) {
        return candles.stream().map(c -> (c.bucketStart() - T0) / MINUTE + (c.tradeCount() == 0 ? "~" : "") + "@" + c.close())
                .toList().toString();
    }

    @Test
    void theNewestBucketsAreKeptAndGapsFlatAtThePreviousClose() {
        List<Candle> real = List.of(m1(0, 10), m1(3, 13), m1(4, 14), m1(8, 18));
        assertEquals("[3@13.0, 4@14.0, 5~@14.0, 6~@14.0, 7~@14.0, 8@18.0]",
                show(GapFill.fillLatest(buckets, PETR4, Timeframe.M1, real, T0 + 9 * MINUTE, 6)));
        assertEquals("[0@10.0, 1~@10.0, 2~@10.0, 3@13.0, 4@14.0, 5~@14.0, 6~@14.0, 7~@14.0, 8@18.0]",
                show(GapFill.fillLatest(buckets, PETR4, Timeframe.M1, real, T0 + 9 * MINUTE, 100)), "fewer than the limit: all");
    }

    @Test
    void bucketsUpToTheEndAreFilledAfterTheNewestCandle() {
        List<Candle> real = List.of(m1(0, 10), m1(1, 11));
        assertEquals("[1@11.0, 2~@11.0, 3~@11.0]", show(GapFill.fillLatest(buckets, PETR4, Timeframe.M1, real, T0 + 4 * MINUTE, 3)));
        assertEquals("[]", show(GapFill.fillLatest(buckets, PETR4, Timeframe.M1, List.of(), T0 + 4 * MINUTE, 3)));
    }

    @Test
    void theNewestBucketsEqualTheTailOfTheForwardFill() {
        List<Candle> real = List.of(m1(0, 10), m1(2, 12), m1(7, 17), m1(9, 19));
        List<Candle> forward = GapFill.fill(buckets, PETR4, Timeframe.M1, T0, T0 + 10 * MINUTE, real, Double.NaN);
        for (int limit = 1; limit <= forward.size(); limit++) {
            assertEquals(show(forward.subList(forward.size() - limit, forward.size())),
                    show(GapFill.fillLatest(buckets, PETR4, Timeframe.M1, real, T0 + 10 * MINUTE, limit)), "limit " + limit);
        }
    }
}
