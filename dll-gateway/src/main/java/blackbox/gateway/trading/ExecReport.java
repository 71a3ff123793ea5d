package blackbox.gateway.trading;

import blackbox.platform.domain.InstrumentId;
import java.math.BigDecimal;

/**
 * One execution report, before the report log gives it a sequence number (trading.proto {@code ExecutionReport}).
 * Quantities are shares or contracts, prices BRL decimals ({@code null}: none), times UTC epoch nanoseconds.
 *
 * @param execId unique and stable: the same DLL event always gets the same ExecID (see {@link OrderTracker})
 * @param idempotencyKey the caller's key when this gateway sent the order, else {@code null}
 * @param side the DLL's TConnectorOrderSide byte (1 buy, 2 sell; 0 unknown)
 * @param ordType the DLL's TConnectorOrderType byte (1 market, 2 limit, 4 stop-limit; 0 unknown)
 * @param lastQty the fill's quantity, TRADE only (else 0)
 * @param lastPx the fill's price, TRADE only (else {@code null})
 * @param dllOrderStatus TConnectorOrderStatus of the snapshot behind the report, -1 when none
 * @param dllResultCode TConnectorTradingMessageResultCode when the report comes from a trading message, else 0
 * @param tsEvent the DLL's time of the event (LastUpdate, or the gateway's time when the DLL gave none)
 * @param tsInit when the gateway saw it
 */
public record ExecReport(String execId, ExecType execType, OrdStatus ordStatus, String idempotencyKey,
                         long localOrderId, String clOrderId, long messageId, AccountKey account, InstrumentId instrument,
                         int side, int ordType, long orderQty, BigDecimal price, BigDecimal stopPrice,
                         long cumQty, long leavesQty, BigDecimal avgPx, long lastQty, BigDecimal lastPx, String text,
                         int dllOrderStatus, int dllResultCode, long tsEvent, long tsInit) {
}
