package blackbox.positions.feed;

import blackbox.oms.v1.OrderEvent;
import blackbox.oms.v1.OrderEventType;
import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;
import blackbox.positions.core.Fill;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * oms-svc's order events as the core's fills: a TRADE event is one {@link Fill} (ExecID, account, instrument, side,
 * LastQty, LastPx, ts_event, trade_date, OrderID); every other event type carries no fill. oms-svc has no busts or
 * corrections yet, so no TRADE_CANCEL or TRADE_CORRECT comes from it. Pure.
 *
 * <p>ExecIDs are positions-svc's idempotency key across all orders: the gateway's are its DLL order id plus the
 * event, oms-svc's reconciled ones {@code R:<ClOrdID>:<CumQty>}, both unique across orders.
 */
public final class OrderEventFills {
    private OrderEventFills() {
    }

    /** A TRADE event that cannot be a fill (a malformed field): the feed counts and logs it. */
    public static final class BadFillException extends RuntimeException {
        public BadFillException(String message) {
            super(message);
        }
    }

    /**
     * @return the fill of a TRADE event, empty for any other type
     * @throws BadFillException naming the field and value when a TRADE event's field is malformed
     */
    public static Optional<Fill> of(OrderEvent e) {
        if (e.getType() != OrderEventType.ORDER_EVENT_TYPE_TRADE) return Optional.empty();
        String where = " (order event " + e.getSequence() + ", ClOrdID " + e.getClOrdId() + ")";
        if (!AccountId.valid(e.getAccount())) throw new BadFillException("account is not an account id: account=\"" + e.getAccount() + "\"" + where);
        if (!InstrumentId.validTicker(e.getInstrument().getTicker()) || !InstrumentId.validExchange(e.getInstrument().getExchange())) {
            throw new BadFillException("instrument is malformed: instrument=" + e.getInstrument().getTicker() + ":"
                    + e.getInstrument().getExchange() + where);
        }
        Side side = switch (e.getSide()) {
            case SIDE_BUY -> Side.BUY;
            case SIDE_SELL -> Side.SELL;
            default -> throw new BadFillException("side must be BUY or SELL: side=" + e.getSide() + where);
        };
        long priceE4;
        try {
            BigDecimal px = new BigDecimal(e.getLastPx());
            if (px.stripTrailingZeros().scale() > 4) throw new BadFillException("last_px has more than 4 decimals: last_px=" + e.getLastPx() + where);
            priceE4 = px.movePointRight(4).longValueExact();
        } catch (NumberFormatException | ArithmeticException ex) {
            throw new BadFillException("last_px is not a decimal: last_px=\"" + e.getLastPx() + "\"" + where);
        }
        LocalDate tradeDate;
        try {
            tradeDate = LocalDate.parse(e.getTradeDate());
        } catch (DateTimeParseException ex) {
            throw new BadFillException("trade_date is not YYYY-MM-DD: trade_date=\"" + e.getTradeDate() + "\"" + where);
        }
        try {
            return Optional.of(Fill.trade(e.getExecId(), new AccountId(e.getAccount()),
                    new InstrumentId(e.getInstrument().getTicker(), e.getInstrument().getExchange()), side, e.getLastQty(),
                    priceE4, e.getTsEvent(), tradeDate, e.getOrderId()));
        } catch (IllegalArgumentException ex) {
            throw new BadFillException(ex.getMessage() + where);
        }
    }
}
