package blackbox.gateway.session;

import blackbox.gateway.trading.AccountKey;
import blackbox.gateway.trading.OrderSnapshot;
import blackbox.gateway.trading.TradingMessage;

/**
 * The order part of a hand-off slot ({@link DllEvent#ORDER}, {@link DllEvent#TRADING_MESSAGE},
 * {@link DllEvent#ORDER_HISTORY}, {@link DllEvent#SUB_ACCOUNT_LIST}): mutable and reused, created the first time a
 * slot carries an order event. Strings are shared (interned accounts, cached ClOrderIDs) or {@code ""}; a text is
 * a new string only when the DLL gave one. Times are UTC epoch nanoseconds (0 when the DLL left them zero).
 */
public final class OrderFields {
    public long localOrderId;
    public String clOrderId = "";
    public AccountKey account;
    public int side;
    public int orderType;
    public int status;
    public long quantity;
    public long tradedQuantity;
    public long leavesQuantity;
    public double price;
    public double stopPrice;
    public double averagePrice;
    public String text = "";
    public long createdNanos;
    public long updatedNanos;
    public long closedNanos;
    public long eventId;
    // trading messages
    public int brokerId;
    public long messageId;
    public int resultCode;

    void clear() {
        localOrderId = 0;
        clOrderId = "";
        account = null;
        text = "";
        messageId = 0;
        resultCode = 0;
        brokerId = 0;
    }

    /** The order event as the core's immutable snapshot (the consumer's copy; the slot is reused). */
    public OrderSnapshot snapshot(blackbox.platform.domain.InstrumentId instrument) {
        return new OrderSnapshot(localOrderId, clOrderId, account, instrument, side, orderType, status, quantity,
                tradedQuantity, leavesQuantity, price, stopPrice, averagePrice, text, createdNanos, updatedNanos,
                closedNanos, eventId);
    }

    /** The trading message as the core's record. */
    public TradingMessage message() {
        return new TradingMessage(brokerId, localOrderId, clOrderId, messageId, resultCode, text);
    }
}
