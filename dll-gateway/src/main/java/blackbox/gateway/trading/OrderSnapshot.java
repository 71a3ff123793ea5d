package blackbox.gateway.trading;

import blackbox.platform.domain.InstrumentId;

/**
 * One order as the DLL reported it at one moment: the copy of {@code TConnectorOrderOut} taken inside the order
 * callback (GetOrderDetails), or of {@code TConnectorOrder} handed to an order enumerator (history). Values are the
 * DLL's own, unconverted: prices are its doubles (-1 or 0 for "none"), side, type and status its bytes.
 *
 * @param localOrderId LocalOrderID, per DLL session (0 when the DLL gave none)
 * @param clOrderId ClOrderID, permanent ({@code ""} when the DLL gave none)
 * @param orderQty Quantity (shares or contracts)
 * @param cumQty TradedQuantity
 * @param leavesQty LeavesQuantity
 * @param price Price (BRL for B3)
 * @param stopPrice StopPrice
 * @param avgPrice AveragePrice
 * @param text TextMessage ({@code ""} when empty)
 * @param createdNanos Date, UTC epoch ns (0 when unset)
 * @param updatedNanos LastUpdate, UTC epoch ns
 * @param closedNanos CloseDate, UTC epoch ns (0 while open)
 * @param eventId EventID (V1 records; 0 when the DLL gave none)
 */
public record OrderSnapshot(long localOrderId, String clOrderId, AccountKey account, InstrumentId instrument,
                            int side, int orderType, int status, long orderQty, long cumQty, long leavesQty,
                            double price, double stopPrice, double avgPrice, String text,
                            long createdNanos, long updatedNanos, long closedNanos, long eventId) {
    public OrderSnapshot {
        clOrderId = clOrderId == null ? "" : clOrderId;
        text = text == null ? "" : text;
    }

    /** Same observable state (everything but the text, times and EventID). */
    boolean sameStateAs(OrderSnapshot o) {
        return status == o.status && orderQty == o.orderQty && cumQty == o.cumQty && leavesQty == o.leavesQty
                && Double.compare(price, o.price) == 0 && Double.compare(stopPrice, o.stopPrice) == 0
                && Double.compare(avgPrice, o.avgPrice) == 0;
    }

    /** Price, stop or quantity differ: the order was amended. */
    boolean amendedFrom(OrderSnapshot o) {
        return orderQty != o.orderQty || Double.compare(price, o.price) != 0 || Double.compare(stopPrice, o.stopPrice) != 0;
    }
}
