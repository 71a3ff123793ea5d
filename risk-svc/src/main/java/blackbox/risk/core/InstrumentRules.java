package blackbox.risk.core;

/**
 * What the instrument master says about one instrument, as the check needs it (b3-trading.md §1, §2, §8). The
 * caller takes it from the instrument data (never from the ticker's shape).
 *
 * @param lot the round lot (shares 100, fractional/BDR/ETF/FII 1, WIN/WDO 1 contract), > 0
 * @param tick the price increment at {@link Money#SCALE} (R$ 0,01 = 100; WIN 5 points = 50_000), > 0
 * @param pointValue reais per 1.0 of price at {@link Money#SCALE}: {@link Money#ONE} for shares, WIN 2_000 (R$ 0,20),
 *     WDO 100_000 (R$ 10); notional = quantity × price × pointValue
 * @param sessionOpenNanoOfDay start of the continuous session, exchange-local nanoseconds of day (inclusive)
 * @param sessionCloseNanoOfDay its end, exchange-local nanoseconds of day (exclusive)
 * @param saleNeedsCover a sale must be covered by the position plus borrow (spot equities: SPVD, §4-§5); false
 *     for futures, which may be sold short
 * @param debitsCash a buy debits cash at settlement, so buying power applies (spot equities: SDP); false for
 *     futures (margin and daily adjustment instead)
 */
public record InstrumentRules(long lot, long tick, long pointValue, long sessionOpenNanoOfDay,
                              long sessionCloseNanoOfDay, boolean saleNeedsCover, boolean debitsCash) {
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    public InstrumentRules {
        if (lot <= 0) throw new IllegalArgumentException("lot must be > 0: lot=" + lot);
        if (tick <= 0) throw new IllegalArgumentException("tick must be > 0: tick=" + tick);
        if (pointValue <= 0) throw new IllegalArgumentException("pointValue must be > 0: pointValue=" + pointValue);
        if (sessionOpenNanoOfDay < 0 || sessionCloseNanoOfDay > NANOS_PER_DAY || sessionOpenNanoOfDay >= sessionCloseNanoOfDay) {
            throw new IllegalArgumentException("session must be open < close within the day: open=" + sessionOpenNanoOfDay
                    + " close=" + sessionCloseNanoOfDay);
        }
    }

    /** Spot shares: lot 100, tick R$ 0,01, covered sales, cash debited; session {@code open}–{@code close} local. */
    public static InstrumentRules equity(java.time.LocalTime open, java.time.LocalTime close) {
        return new InstrumentRules(100, 100, Money.ONE, open.toNanoOfDay(), close.toNanoOfDay(), true, true);
    }

    /** A future: lot 1, the given tick and point value, short sales allowed, no cash debit. */
    public static InstrumentRules future(long tick, long pointValue, java.time.LocalTime open, java.time.LocalTime close) {
        return new InstrumentRules(1, tick, pointValue, open.toNanoOfDay(), close.toNanoOfDay(), false, false);
    }
}
