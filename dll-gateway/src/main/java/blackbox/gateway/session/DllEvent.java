package blackbox.gateway.session;

import blackbox.platform.domain.InstrumentId;

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
 *   <li>{@link #ORDER}: instrument and {@link #order} — the copy of {@code TConnectorOrderOut} taken with
 *       GetOrderDetails inside the order callback (ids, account, quantities, prices, status, dates, text);</li>
 *   <li>{@link #TRADING_MESSAGE}: {@link #order} brokerId, localOrderId, clOrderId, messageId, resultCode, text
 *       (a {@code TConnectorTradingMessageResult});</li>
 *   <li>{@link #ORDER_HISTORY}: {@link #order} account — that account's order history finished loading;</li>
 *   <li>{@link #ACCOUNT_LIST}: a = broker id, b = the DLL's Changed flag;</li>
 *   <li>{@link #SUB_ACCOUNT_LIST}: {@link #order} account — that master account's sub-accounts changed.</li>
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
    public static final int ORDER = 9;
    public static final int TRADING_MESSAGE = 10;
    public static final int ORDER_HISTORY = 11;
    public static final int ACCOUNT_LIST = 12;
    public static final int SUB_ACCOUNT_LIST = 13;
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
    /** Order fields; created the first time this slot carries an order event, then reused. */
    public OrderFields order;

    void clear() {
        kind = NONE;
        instrument = null;
    }

    /** This slot's order fields, cleared (created on first use). */
    OrderFields orderFields() {
        OrderFields o = order;
        if (o == null) order = o = new OrderFields();
        o.clear();
        return o;
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
            case ORDER -> "Order[" + order.localOrderId + " " + order.clOrderId + " " + order.account + " " + instrument
                    + " status=" + order.status + " " + order.tradedQuantity + "/" + order.quantity + "]";
            case TRADING_MESSAGE -> "TradingMessage[" + order.localOrderId + " msg=" + order.messageId + " code=" + order.resultCode + "]";
            case ORDER_HISTORY -> "OrderHistory[" + order.account + "]";
            case ACCOUNT_LIST -> "AccountList[" + a + "]";
            case SUB_ACCOUNT_LIST -> "SubAccountList[" + order.account + "]";
            default -> "None";
        };
    }
}
