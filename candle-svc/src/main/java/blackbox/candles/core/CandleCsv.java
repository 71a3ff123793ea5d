package blackbox.candles.core;

import java.time.Instant;

/**
 * Candles as CSV for offline work and backtests: one header line, then one line per candle, comma-separated,
 * {@code \n} line ends, no quoting needed (no field holds a comma). Columns: symbol, exchange, timeframe,
 * open_time (ISO-8601 UTC, e.g. {@code 2024-08-08T13:05:00Z}), open, high, low, close (the trades' prices, shortest
 * decimal form), volume (shares or contracts), financial_volume (BRL, exact, 4 decimals), trades, vwap (BRL,
 * financial volume / volume, empty for a gap filler), buy_volume, sell_volume.
 */
public final class CandleCsv {
    /** The header line, with its line end. */
    public static final String HEADER = "symbol,exchange,timeframe,open_time,open,high,low,close,volume,"
            + "financial_volume,trades,vwap,buy_volume,sell_volume\n";

    private CandleCsv() {
    }

    /** Appends one candle's line, with its line end. */
    public static void append(StringBuilder out, Candle c) {
        out.append(c.instrument().ticker()).append(',')
                .append(c.instrument().exchange()).append(',')
                .append(c.timeframe().label()).append(',')
                .append(Instant.ofEpochSecond(0, c.bucketStart())).append(',')
                .append(c.open()).append(',')
                .append(c.high()).append(',')
                .append(c.low()).append(',')
                .append(c.close()).append(',')
                .append(c.volume()).append(',')
                .append(c.financialVolume().toPlainString()).append(',')
                .append(c.tradeCount()).append(',');
        if (c.volume() > 0) {
            out.append(c.vwap());
        }
        out.append(',').append(c.buyVolume()).append(',').append(c.sellVolume()).append('\n');
    }
}
