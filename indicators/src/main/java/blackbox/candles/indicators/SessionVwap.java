package blackbox.candles.indicators;

import blackbox.candles.core.Buckets;
import blackbox.candles.core.Candle;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The intraday VWAP anchored at each session: Σ financial volume / Σ volume of the session's candles so far,
 * from the candles' exact financial volume (so it is the VWAP of the trades themselves, not of a typical price).
 * A session is a trading day in the exchange's time zone (B3: one calendar day in America/Sao_Paulo, including
 * the closing leilão and the after-market). On 1d and 1w candles every candle is its own session. Ready from the
 * first candle.
 */
final class SessionVwap extends StreamingIndicator {
    private final ZoneId zone;
    private long sessionStart = Long.MAX_VALUE;
    private long sessionEnd = Long.MIN_VALUE;
    private long units;
    private long volume;

    SessionVwap(IndicatorSpec spec, ZoneId zone) {
        super(spec);
        this.zone = zone;
    }

    @Override
    protected boolean step(Candle candle, double[] out, boolean commit) {
        long bucket = candle.bucketStart();
        boolean sameSession = bucket >= sessionStart && bucket < sessionEnd;
        long u = (sameSession ? units : 0) + candle.financialVolumeUnits();
        long v = (sameSession ? volume : 0) + candle.volume();
        if (commit) {
            if (!sameSession) {
                LocalDate day = Instant.ofEpochSecond(Math.floorDiv(bucket, 1_000_000_000L)).atZone(zone).toLocalDate();
                sessionStart = Buckets.nanos(day.atStartOfDay(zone).toInstant());
                sessionEnd = Buckets.nanos(day.plusDays(1).atStartOfDay(zone).toInstant());
            }
            units = u;
            volume = v;
        }
        out[0] = u / Candle.FINANCIAL_UNIT / v;
        return v > 0;
    }

    @Override
    protected void save(IndicatorState.Out out) {
        out.putLong(sessionStart);
        out.putLong(sessionEnd);
        out.putLong(units);
        out.putLong(volume);
    }

    @Override
    protected void restore(IndicatorState.In in) {
        sessionStart = in.getLong();
        sessionEnd = in.getLong();
        units = in.getLong();
        volume = in.getLong();
    }
}
