package blackbox.strategies.core;

import blackbox.candles.core.Candle;
import blackbox.candles.indicators.IndicatorSpec;
import java.util.List;

/**
 * A strategy: code that watches candles and its indicators and trades through {@link Orders}. The same instance
 * code runs in a backtest ({@link Backtester}) and, later, on paper and live. The declarative form
 * ({@link DeclarativeStrategy}) is one implementation; quants write others.
 *
 * <p>Callbacks come on one thread, in order: for each closed candle, first the fills of orders that filled in it
 * ({@link #onFill}), then {@link #onCandle}. Orders placed in {@code onCandle} work from the next candle on.
 */
public interface Strategy {
    /** @return the indicators the runtime keeps up to date for this strategy, read by position in {@link Indicators} */
    List<IndicatorSpec> indicators();

    /**
     * A candle closed.
     *
     * @param indicators every {@link #indicators()} value at this candle
     */
    void onCandle(Candle candle, Indicators indicators, Orders orders);

    /**
     * A trade on the instrument (live and paper). Backtests over candles deliver none; the default ignores trades.
     *
     * @param price BRL per share or the contract's points
     * @param quantity shares or contracts
     * @param time UTC epoch ns
     */
    default void onTrade(double price, long quantity, long time, Orders orders) {
    }

    /** One of this strategy's orders filled (wholly: backtest fills are whole). The default does nothing. */
    default void onFill(Fill fill, Orders orders) {
    }

    /** The strategy's indicator values at the current candle. */
    interface Indicators {
        /** @param index position in {@link Strategy#indicators()} @return false while the indicator warms up */
        boolean ready(int index);

        /** @return the output's value (instrument's price units; meaningless unless {@link #ready}) */
        double value(int index, int output);
    }

    /** What a strategy may do: read its position and equity, send market orders and an OCO bracket. */
    interface Orders {
        /** @return signed position in shares or contracts (negative = short) */
        long position();

        /** @return mark-to-market equity at the last close, BRL (scale 4) */
        java.math.BigDecimal equity();

        /** A market order for {@code quantity} (&gt; 0) on {@code side}; fills at the next candle's open. */
        void market(Side side, long quantity);

        /**
         * An OCO bracket closing the whole position: a take-profit limit and a stop (either may be NaN for none).
         * Replaces any previous bracket; cancelled when the position is flat.
         *
         * @param takeProfit price in the instrument's units
         * @param stop price in the instrument's units
         */
        void bracket(double takeProfit, double stop);
    }

    /** Buy or sell. */
    enum Side {
        BUY, SELL;

        /** @return +1 for BUY, -1 for SELL */
        public int sign() {
            return this == BUY ? 1 : -1;
        }
    }

    /**
     * A fill.
     *
     * @param candleIndex index of the candle it filled in
     * @param time UTC epoch ns (the candle's bucket start)
     * @param price instrument's price units
     * @param quantity shares or contracts, &gt; 0
     */
    record Fill(Side side, int candleIndex, long time, double price, long quantity) {
    }
}
