package blackbox.candles.indicators;

import blackbox.candles.core.Candle;
import blackbox.candles.core.Timeframe;
import blackbox.platform.domain.InstrumentId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Random candle series for indicator tests and benchmarks. */
public final class RandomCandles {
    private static final InstrumentId PETR4 = new InstrumentId("PETR4", "B");

    private RandomCandles() {
    }

    /** 1-minute candles of a random walk on the 0.01 tick, with pauses and session changes (Sao Paulo days). */
    public static List<Candle> walk(SplittableRandom random, int count) {
        List<Candle> candles = new ArrayList<>(count);
        long minute = 60_000_000_000L;
        long t = 1_741_177_800_000_000_000L; // 2025-03-05 12:30 UTC
        double price = 20 + random.nextDouble() * 30;
        for (int i = 0; i < count; i++) {
            t += minute * (random.nextInt(10) == 0 ? 1 + random.nextInt(600) : 1);
            double open = tick(price);
            double close = tick(Math.max(0.05, open + (random.nextDouble() - 0.5) * 0.4));
            double high = tick(Math.max(open, close) + (random.nextInt(3) == 0 ? 0 : random.nextDouble() * 0.2));
            double low = tick(Math.max(0.01, Math.min(open, close) - (random.nextInt(3) == 0 ? 0 : random.nextDouble() * 0.2)));
            long volume = 100L * (1 + random.nextInt(500));
            long units = Math.round(tick((high + low) / 2) * Candle.FINANCIAL_UNIT) * volume;
            candles.add(new Candle(PETR4, Timeframe.M1, t, open, high, low, close, volume, units, 1 + random.nextInt(50),
                    0, 0, t, 1, t + 1, 2));
            price = close;
        }
        return candles;
    }

    private static double tick(double price) {
        return Math.round(price * 100) / 100.0;
    }
}
