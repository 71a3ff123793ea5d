package blackbox.candles.core;

import static blackbox.candles.core.BucketsTest.iso;
import static blackbox.candles.core.BucketsTest.ns;
import static org.junit.jupiter.api.Assertions.assertEquals;

import blackbox.candles.core.CandleAggregatorPropertyTest.Trade;
import blackbox.platform.domain.InstrumentId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Synthetic B3 sessions around the calendar's edges (rules from ../shared/docs/b3-market.md): the close and the
 * after-market, a Carnival week, and sessions in the daylight-saving era. Candles exist only where trades are; the
 * daily candle is the local session date; the weekly one starts Monday 00:00 local even when Monday is a holiday.
 */
class SessionCalendarCandlesTest {
    static final InstrumentId PETR4 = new InstrumentId("PETR4", "B");
    final Buckets buckets = new Buckets();
    long number;

    Trade trade(String utc, double price) {
        return new Trade(PETR4, ns(utc), price, 100, ++number, 2);
    }

    List<Candle> aggregate(List<Trade> trades, Timeframe tf) {
        CandleAggregator a = new CandleAggregator(buckets);
        int i = a.register(PETR4);
        for (Trade t : trades) a.onTrade(i, t.time(), t.price(), t.quantity(), t.number(), t.type());
        List<Candle> got = a.candles(PETR4, tf);
        assertEquals(List.copyOf(CandleAggregatorPropertyTest.naive(buckets, PETR4, tf, trades).values()), got, tf.label());
        return got;
    }

    static List<String> starts(List<Candle> candles) {
        return candles.stream().map(c -> iso(c.bucketStart())).toList();
    }

    @Test
    void theCloseTheAfterMarketAndTheNextOpenFallInTheirOwnBucketsAndNothingIsInventedOvernight() {
        // 2025-04-07 (UTC-3): last trade of the regular session 17:54:59, leilão de fechamento 17:55-18:00, after-market
        // 18:25; next session opens 10:00 on 04-08
        List<Trade> trades = List.of(trade("2025-04-07T20:54:59Z", 36.10), trade("2025-04-07T20:59:30Z", 36.20),
                trade("2025-04-07T21:25:00Z", 36.15), trade("2025-04-08T13:00:00Z", 36.50));
        assertEquals(List.of("2025-04-07T20:54:00Z", "2025-04-07T20:59:00Z", "2025-04-07T21:25:00Z",
                "2025-04-08T13:00:00Z"), starts(aggregate(trades, Timeframe.M1)));
        assertEquals(List.of("2025-04-07T20:00:00Z", "2025-04-07T21:00:00Z", "2025-04-08T13:00:00Z"),
                starts(aggregate(trades, Timeframe.M60)));
        List<Candle> days = aggregate(trades, Timeframe.D1);
        assertEquals(List.of("2025-04-07T03:00:00Z", "2025-04-08T03:00:00Z"), starts(days));
        assertEquals(36.15, days.getFirst().close(), "the after-market belongs to the session's date");
        assertEquals(1, aggregate(trades, Timeframe.W1).size());
    }

    @Test
    void aCarnivalWeekHasNoCandlesOnTheHolidaysAndItsWeekStillStartsOnMonday() {
        // Carnival 2025: B3 closed Mon 03-03 and Tue 03-04; Wednesday opened at 13:00 local
        List<Trade> trades = new ArrayList<>();
        trades.add(trade("2025-02-28T20:50:00Z", 38.00)); // Friday before
        trades.add(trade("2025-03-05T16:00:00Z", 37.00));
        trades.add(trade("2025-03-05T20:00:00Z", 37.40));
        trades.add(trade("2025-03-06T13:05:00Z", 37.10));
        trades.add(trade("2025-03-07T20:54:00Z", 36.90));
        List<Candle> days = aggregate(trades, Timeframe.D1);
        assertEquals(List.of("2025-02-28T03:00:00Z", "2025-03-05T03:00:00Z", "2025-03-06T03:00:00Z",
                "2025-03-07T03:00:00Z"), starts(days));
        List<Candle> weeks = aggregate(trades, Timeframe.W1);
        assertEquals(List.of("2025-02-24T03:00:00Z", "2025-03-03T03:00:00Z"), starts(weeks));
        Candle carnivalWeek = weeks.getLast();
        assertEquals(37.00, carnivalWeek.open());
        assertEquals(36.90, carnivalWeek.close());
        assertEquals(4, carnivalWeek.tradeCount());

        // filling the gaps is the reader's explicit choice: Monday and Tuesday flat at Friday's close
        List<Candle> filled = GapFill.fill(buckets, PETR4, Timeframe.D1, ns("2025-03-03T03:00:00Z"),
                ns("2025-03-08T03:00:00Z"), days, 38.00);
        assertEquals(List.of("2025-03-03T03:00:00Z", "2025-03-04T03:00:00Z", "2025-03-05T03:00:00Z",
                "2025-03-06T03:00:00Z", "2025-03-07T03:00:00Z"), starts(filled));
        assertEquals(38.00, filled.get(1).close());
        assertEquals(0, filled.get(1).volume());
    }

    @Test
    void sessionsOfTheDaylightSavingEraHaveTheirDayAndWeekAtLocalMidnight() {
        // Mon 2018-11-05, the first session after DST began (UTC-2): 10:00 local = 12:00 UTC
        // Mon 2019-02-18, the first session after DST ended (UTC-3): 10:00 local = 13:00 UTC
        List<Trade> trades = List.of(trade("2018-11-05T12:00:00Z", 27.00), trade("2018-11-05T19:54:00Z", 27.50),
                trade("2019-02-15T19:54:00Z", 29.00), trade("2019-02-18T13:00:00Z", 29.20));
        assertEquals(List.of("2018-11-05T02:00:00Z", "2019-02-15T02:00:00Z", "2019-02-18T03:00:00Z"),
                starts(aggregate(trades, Timeframe.D1)));
        assertEquals(List.of("2018-11-05T02:00:00Z", "2019-02-11T02:00:00Z", "2019-02-18T03:00:00Z"),
                starts(aggregate(trades, Timeframe.W1)));
        assertEquals(List.of("2018-11-05T12:00:00Z", "2018-11-05T19:00:00Z", "2019-02-15T19:00:00Z",
                "2019-02-18T13:00:00Z"), starts(aggregate(trades, Timeframe.M60)));
    }

    @Test
    void anExchangeInUtcHasItsOwnDays() {
        ExchangeBuckets zones = new ExchangeBuckets(Buckets.SAO_PAULO, java.util.Map.of("SPOT", ZoneOffset.UTC));
        long t = ns("2024-08-09T00:30:00Z"); // 21:30 on 08-08 in São Paulo
        assertEquals("2024-08-09T00:00:00Z", iso(zones.of("SPOT").bucketStart(Timeframe.D1, t)));
        assertEquals("2024-08-08T03:00:00Z", iso(zones.of("B").bucketStart(Timeframe.D1, t)));
    }
}
