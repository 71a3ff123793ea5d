package blackbox.candles.core;

import blackbox.platform.domain.InstrumentId;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One candle, immutable.
 *
 * <p>Prices are the trades' doubles as they arrived (already on the tick); high and low are exact (max/min of
 * those doubles). Money is exact: {@code financialVolumeUnits} is Σ price × quantity in units of
 * 10<sup>-{@value #FINANCIAL_SCALE}</sup> BRL as a {@code long} — each trade contributes
 * {@code round(price × 10^4) × quantity}, exact for any price on a 0.0001 grid (every B3 tick: equities 0.01, DI1
 * 0.001, WIN 5, WDO 0.5), with overflow checked, and room for ±9.2 × 10<sup>14</sup> BRL per candle (a week of
 * WIN at ~130,000 points × millions of contracts is ~10<sup>12</sup>). A {@code long} keeps the hot path free of
 * allocation; {@link #financialVolume()} gives the {@link BigDecimal}.
 *
 * <p>Open and close are the trades first and last by (trade time, trade number), whatever order they arrived in;
 * their times and numbers are kept so candles merge associatively.
 *
 * <p>A candle with {@code tradeCount == 0} is a gap filler ({@code GapFill} (candle-svc)): flat at the previous close,
 * volume 0.
 *
 * @param bucketStart UTC epoch ns (see {@link Buckets})
 * @param volume shares or contracts
 * @param buyVolume volume of trades whose aggressor was the buyer (trade type 2)
 * @param sellVolume volume of trades whose aggressor was the seller (trade type 3)
 * @param openTime UTC epoch ns of the opening trade
 * @param closeTime UTC epoch ns of the closing trade
 */
public record Candle(InstrumentId instrument, Timeframe timeframe, long bucketStart,
                     double open, double high, double low, double close,
                     long volume, long financialVolumeUnits, long tradeCount, long buyVolume, long sellVolume,
                     long openTime, long openTradeNumber, long closeTime, long closeTradeNumber) {
    /** Decimal places of {@link #financialVolumeUnits}. */
    public static final int FINANCIAL_SCALE = 4;
    /** 10^{@link #FINANCIAL_SCALE}. */
    public static final double FINANCIAL_UNIT = 1e4;

    public Candle {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(timeframe, "timeframe");
        positive("open", open);
        positive("high", high);
        positive("low", low);
        positive("close", close);
        if (high < low) {
            throw new IllegalArgumentException("must be >= low=" + low + ": high=" + high);
        }
        if (open < low || open > high) {
            throw new IllegalArgumentException("must be within [low, high]=[" + low + ", " + high + "]: open=" + open);
        }
        if (close < low || close > high) {
            throw new IllegalArgumentException("must be within [low, high]=[" + low + ", " + high + "]: close=" + close);
        }
        if (tradeCount < 0) {
            throw new IllegalArgumentException("must be >= 0: tradeCount=" + tradeCount);
        }
        if (tradeCount == 0 ? volume != 0 || financialVolumeUnits != 0 : volume <= 0 || financialVolumeUnits <= 0) {
            throw new IllegalArgumentException((tradeCount == 0 ? "must be 0 without trades" : "must be > 0")
                    + ": volume=" + volume + ", financialVolumeUnits=" + financialVolumeUnits);
        }
        if (buyVolume < 0 || sellVolume < 0 || buyVolume + sellVolume > volume) {
            throw new IllegalArgumentException("must be >= 0 and sum to at most volume=" + volume
                    + ": buyVolume=" + buyVolume + ", sellVolume=" + sellVolume);
        }
        if (openTime > closeTime || (openTime == closeTime && openTradeNumber > closeTradeNumber)) {
            throw new IllegalArgumentException("open trade must not follow close trade: openTime=" + openTime
                    + ", openTradeNumber=" + openTradeNumber + ", closeTime=" + closeTime
                    + ", closeTradeNumber=" + closeTradeNumber);
        }
    }

    /** A gap filler: flat at {@code price}, no trades; open/close time = bucket start, trade numbers 0. */
    public static Candle flat(InstrumentId instrument, Timeframe timeframe, long bucketStart, double price) {
        return new Candle(instrument, timeframe, bucketStart, price, price, price, price, 0, 0, 0, 0, 0,
                bucketStart, 0, bucketStart, 0);
    }

    /** @return Σ price × quantity in BRL, exact (scale {@value #FINANCIAL_SCALE}) */
    public BigDecimal financialVolume() {
        return BigDecimal.valueOf(financialVolumeUnits, FINANCIAL_SCALE);
    }

    /** @return financial volume / volume, for display (NaN for a gap filler) */
    public double vwap() {
        return volume == 0 ? Double.NaN : financialVolumeUnits / FINANCIAL_UNIT / volume;
    }

    /** @return true for a gap filler (no trades) */
    public boolean filled() {
        return tradeCount == 0;
    }

    /** @return a trade's contribution to {@link #financialVolumeUnits}; overflow throws ArithmeticException */
    public static long financialUnits(double price, long quantity) {
        return Math.multiplyExact(Math.round(price * FINANCIAL_UNIT), quantity);
    }

    private static void positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("must be > 0 and finite: " + name + "=" + value);
        }
    }
}
