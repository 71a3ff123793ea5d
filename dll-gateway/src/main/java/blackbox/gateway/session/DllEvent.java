package blackbox.gateway.session;

/**
 * One slot of the hand-off ring between the DLL's ConnectorThread and the gateway: a mutable, reused
 * record of whatever a callback reported. Written only by the ConnectorThread between claim and publish,
 * read only by the consumer after publish (the ring's sequence gives the happens-before).
 *
 * <p>Fields by {@link #kind}:
 * <ul>
 *   <li>{@link #TRADE}, {@link #HISTORY_TRADE}: instrument, timeNanos (UTC epoch ns), price, quantity, volume,
 *       tradeNumber (uint32 as long), buyAgent, sellAgent, tradeType, flags (TC_IS_EDIT, TC_LAST_PACKET);</li>
 *   <li>{@link #STATE}: a = nConnStateType, b = nResult;</li>
 *   <li>{@link #PROGRESS}: instrument, a = percent;</li>
 *   <li>{@link #INVALID_TICKER}: instrument;</li>
 *   <li>{@link #PRICE_DEPTH}: instrument, a = side, b = position, flags = update type, price, quantity
 *       (read with GetPriceGroup inside the callback; price NaN when the level is gone);</li>
 *   <li>{@link #TICKER_STATE}: instrument, a = nState (TCS_*), timeNanos;</li>
 *   <li>{@link #HEALTH}: a = TSystemHealthState.</li>
 * </ul>
 * receivedNanos is when the callback ran (UTC epoch ns, gateway clock).
 */
public final class DllEvent {
    public static final int TRADE = 1;
    public static final int HISTORY_TRADE = 2;
    public static final int STATE = 3;
    public static final int PROGRESS = 4;
    public static final int INVALID_TICKER = 5;
    public static final int PRICE_DEPTH = 6;
    public static final int TICKER_STATE = 7;
    public static final int HEALTH = 8;
    /** A callback failed half-way; the slot carries nothing. */
    public static final int NONE = 0;

    public int kind;
    public InstrumentId instrument;
    public long timeNanos;
    public long receivedNanos;
    public double price;
    public long quantity;
    public double volume;
    public long tradeNumber;
    public int buyAgent;
    public int sellAgent;
    public int tradeType;
    public int flags;
    public int a;
    public int b;

    void clear() {
        kind = NONE;
        instrument = null;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case TRADE, HISTORY_TRADE -> (kind == TRADE ? "Trade[" : "HistoryTrade[") + instrument + " #" + tradeNumber
                    + " " + quantity + "@" + price + " t=" + timeNanos + " type=" + tradeType + " flags=" + flags + "]";
            case STATE -> "State[" + a + "," + b + "]";
            case PROGRESS -> "Progress[" + instrument + " " + a + "%]";
            case INVALID_TICKER -> "InvalidTicker[" + instrument + "]";
            case PRICE_DEPTH -> "PriceDepth[" + instrument + " side=" + a + " pos=" + b + " ut=" + flags + " " + price + "]";
            case TICKER_STATE -> "TickerState[" + instrument + " " + a + "]";
            case HEALTH -> "Health[" + a + "]";
            default -> "None";
        };
    }
}
