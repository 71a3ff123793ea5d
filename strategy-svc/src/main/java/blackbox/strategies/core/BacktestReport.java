package blackbox.strategies.core;

import blackbox.candles.core.Candle;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * The result of a backtest. Money exact in BRL (scale 4); ratios as doubles (they are statistics, not money).
 *
 * <p>Definitions. The equity curve is cash plus the position marked at each candle's close. {@code years} is the
 * time from the first to the last candle's bucket start over 365.25 days (calendar time, so any timeframe and
 * session length annualizes the same way).
 * <ul>
 *   <li>total return = final equity / initial capital − 1; annualized = (1 + total)^(1/years) − 1;</li>
 *   <li>per-candle returns r<sub>i</sub> = E<sub>i</sub> / E<sub>i−1</sub> − 1 (E<sub>−1</sub> = initial capital);
 *       Sharpe = mean(r) / sd(r) × √(candles per year), sd the sample standard deviation (n − 1), risk-free rate 0;
 *       Sortino = mean(r) / √(mean(min(r, 0)²)) × √(candles per year); candles per year = candles / years;
 *       NaN when undefined (no variation, under two candles, zero years);</li>
 *   <li>maximum drawdown = the largest (peak − E) / peak over the curve (the initial capital is the first peak), with
 *       its BRL amount at that point; its duration = the most consecutive candles below a previous peak, and in UTC
 *       ns from the peak's candle to the candle after the last one below it (or to the last candle);</li>
 *   <li>win rate = trades with profit &gt; 0 / trades; profit factor = Σ profits / |Σ losses| (NaN without losses);
 *       expectancy = net profit of the trades / trades (BRL); exposure = candles ending in a position / candles.</li>
 * </ul>
 *
 * @param equityUnits equity at each candle's close in units of 10^-4 BRL (a scaled long, so that a year of 1m candles
 *                    costs no allocation per candle; {@link #equityCurve()} gives BRL)
 * @param trades closed round trips, in order; a position still open at the end is in {@code openPosition} only
 * @param openPosition signed shares or contracts at the end
 */
public record BacktestReport(BigDecimal initialCapital, BigDecimal finalEquity, BigDecimal netProfit,
                             double totalReturn, double annualizedReturn, double sharpe, double sortino,
                             double maxDrawdown, BigDecimal maxDrawdownAmount, int maxDrawdownCandles,
                             long maxDrawdownNanos, double winRate, double profitFactor, BigDecimal expectancy,
                             int numberOfTrades, double exposure, long[] equityUnits, List<Trade> trades,
                             long openPosition) {
    private static final double YEAR_NANOS = 365.25 * 86_400e9;

    static BacktestReport of(BigDecimal initialCapital, List<Candle> candles, long[] equity, List<Trade> trades,
                             int barsInPosition, long openPosition) {
        long initial = Money.units(initialCapital);
        int n = equity.length;
        long last = n == 0 ? initial : equity[n - 1];
        double years = n < 2 ? 0 : (candles.get(n - 1).bucketStart() - candles.getFirst().bucketStart()) / YEAR_NANOS;
        double total = (double) (last - initial) / initial;
        double annualized = years > 0 ? Math.pow(1 + total, 1 / years) - 1 : Double.NaN;

        double sum = 0;
        double downSq = 0;
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            long prev = i == 0 ? initial : equity[i - 1];
            r[i] = (double) (equity[i] - prev) / prev;
            sum += r[i];
            downSq += r[i] < 0 ? r[i] * r[i] : 0;
        }
        double mean = n == 0 ? Double.NaN : sum / n;
        double var = 0;
        for (double x : r) {
            var += (x - mean) * (x - mean);
        }
        double sd = n < 2 ? Double.NaN : Math.sqrt(var / (n - 1));
        double perYear = years > 0 ? Math.sqrt(n / years) : Double.NaN;
        double sharpe = sd > 0 ? mean / sd * perYear : Double.NaN;
        double downside = n == 0 ? Double.NaN : Math.sqrt(downSq / n);
        double sortino = downside > 0 ? mean / downside * perYear : Double.NaN;

        long peak = initial;
        int peakIndex = -1; // the candle the peak was reached at (-1: the initial capital, before the first candle)
        double mdd = 0;
        long mddAmount = 0;
        int mddCandles = 0;
        long mddNanos = 0;
        for (int i = 0; i < n; i++) {
            if (equity[i] >= peak) {
                peak = equity[i];
                peakIndex = i;
                continue;
            }
            double dd = (double) (peak - equity[i]) / peak;
            if (dd > mdd) {
                mdd = dd;
                mddAmount = peak - equity[i];
            }
            int below = i - peakIndex;
            if (below > mddCandles) {
                mddCandles = below;
                int end = i + 1 < n ? i + 1 : i; // the candle back at the peak, or the last one
                mddNanos = candles.get(end).bucketStart() - candles.get(Math.max(peakIndex, 0)).bucketStart();
            }
        }

        int wins = 0;
        BigDecimal gains = BigDecimal.ZERO;
        BigDecimal losses = BigDecimal.ZERO;
        for (Trade t : trades) {
            if (t.profit().signum() > 0) {
                wins++;
                gains = gains.add(t.profit());
            } else {
                losses = losses.add(t.profit());
            }
        }
        BigDecimal net = gains.add(losses);
        int count = trades.size();
        return new BacktestReport(initialCapital, Money.brl(last), Money.brl(last - initial), total, annualized,
                sharpe, sortino, mdd, Money.brl(mddAmount), mddCandles, mddNanos,
                count == 0 ? Double.NaN : (double) wins / count,
                losses.signum() == 0 ? Double.NaN : gains.divide(losses.abs(), MathContext.DECIMAL64).doubleValue(),
                count == 0 ? BigDecimal.ZERO : net.divide(BigDecimal.valueOf(count), Money.SCALE, RoundingMode.HALF_EVEN),
                count, n == 0 ? 0 : (double) barsInPosition / n,
                equity, List.copyOf(trades), openPosition);
    }

    /** @return the equity curve in BRL (scale 4), one value per candle */
    public List<BigDecimal> equityCurve() {
        return java.util.Arrays.stream(equityUnits).mapToObj(Money::brl).toList();
    }
}
