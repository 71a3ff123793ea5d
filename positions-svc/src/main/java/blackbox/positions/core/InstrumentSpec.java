package blackbox.positions.core;

/**
 * What the core needs of an instrument (b3-trading.md §1–2, §5): from the instrument master, never from the
 * ticker's shape.
 *
 * @param segment equity, option or future
 * @param lot the round lot, shares or contracts (> 0)
 * @param tickE4 the price tick at 1e-4 (> 0)
 * @param multiplierE2 BRL per point at 1e-2 (equities and options 100 = 1 BRL; WIN 20 = 0,20; WDO 1000 = 10)
 * @param settlementDays the settlement cycle D+n in B3 business days (equities 2 until B3 moves to D+1)
 */
public record InstrumentSpec(Segment segment, long lot, long tickE4, long multiplierE2, int settlementDays) {
    public InstrumentSpec {
        if (segment == null) throw new IllegalArgumentException("segment must be set");
        if (lot <= 0) throw new IllegalArgumentException("lot must be > 0: lot=" + lot);
        if (tickE4 <= 0) throw new IllegalArgumentException("tick must be > 0: tick=" + tickE4);
        if (multiplierE2 <= 0) throw new IllegalArgumentException("multiplier must be > 0: multiplier=" + multiplierE2);
        if (settlementDays < 0 || settlementDays > 2) {
            throw new IllegalArgumentException("settlement_days must be between 0 and 2 (the ledger projects D+0..D+2): settlement_days=" + settlementDays);
        }
    }
}
