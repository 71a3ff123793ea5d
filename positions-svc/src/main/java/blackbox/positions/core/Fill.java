package blackbox.positions.core;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One execution the core applies: a fill, or the cancel or correction of an earlier one (FIX names).
 *
 * @param execId ExecID (17): unique and stable; applying the same ExecID twice has no effect
 * @param execType TRADE, TRADE_CANCEL or TRADE_CORRECT
 * @param execRefId ExecRefID (19): the ExecID of the trade a cancel or correction acts on; empty for a trade
 * @param account the client account
 * @param instrument the instrument
 * @param side buy or sell (of a cancel: the side of the busted trade, as the report carries it; not used)
 * @param quantity LastQty, shares or contracts, > 0 (of a cancel: not used, may be 0)
 * @param priceE4 LastPx at 1e-4 BRL (points for futures), > 0 (of a cancel: not used, may be 0)
 * @param tsEventNanos when the trade happened at the venue, UTC epoch nanoseconds
 * @param tradeDate the B3 session date of the trade (America/Sao_Paulo); of a correction, the corrected trade's
 * @param orderId OrderID (37) of the order the fill belongs to (per-order brokerage counts distinct ids)
 * @throws IllegalArgumentException naming the field and value when a field is impossible
 */
public record Fill(String execId, ExecType execType, String execRefId, AccountId account, InstrumentId instrument,
                   Side side, long quantity, long priceE4, long tsEventNanos, LocalDate tradeDate, String orderId) {
    public Fill {
        if (execId == null || execId.isEmpty() || execId.length() > 64) {
            throw new IllegalArgumentException("exec_id must be 1..64 characters: exec_id=\"" + execId + "\"");
        }
        Objects.requireNonNull(execType, "exec_type");
        execRefId = execRefId == null ? "" : execRefId;
        orderId = orderId == null ? "" : orderId;
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(tradeDate, "trade_date");
        if (execType == ExecType.TRADE && !execRefId.isEmpty()) {
            throw new IllegalArgumentException("exec_ref_id must be empty for a trade: exec_ref_id=\"" + execRefId + "\"");
        }
        if (execType != ExecType.TRADE && execRefId.isEmpty()) {
            throw new IllegalArgumentException("exec_ref_id must name the trade of a " + execType + ": exec_ref_id=\"\"");
        }
        if (execType == ExecType.TRADE_CANCEL) {
            if (quantity < 0) throw new IllegalArgumentException("quantity must be >= 0: quantity=" + quantity);
        } else {
            if (quantity <= 0) throw new IllegalArgumentException("quantity must be > 0: quantity=" + quantity);
            if (priceE4 <= 0) throw new IllegalArgumentException("price must be > 0: price=" + Scaled.price(priceE4));
        }
    }

    /** A plain trade (ExecType F). */
    public static Fill trade(String execId, AccountId account, InstrumentId instrument, Side side, long quantity,
                             long priceE4, long tsEventNanos, LocalDate tradeDate, String orderId) {
        return new Fill(execId, ExecType.TRADE, "", account, instrument, side, quantity, priceE4, tsEventNanos,
                tradeDate, orderId);
    }

    /** The bust of {@code trade}: {@code execId} is the cancel's own ExecID. */
    public static Fill cancelOf(String execId, Fill trade, long tsEventNanos) {
        return new Fill(execId, ExecType.TRADE_CANCEL, trade.execId(), trade.account(), trade.instrument(),
                trade.side(), trade.quantity(), trade.priceE4(), tsEventNanos, trade.tradeDate(), trade.orderId());
    }

    /** The correction of {@code trade} to a new quantity and price. */
    public static Fill correctionOf(String execId, Fill trade, long quantity, long priceE4, long tsEventNanos) {
        return new Fill(execId, ExecType.TRADE_CORRECT, trade.execId(), trade.account(), trade.instrument(),
                trade.side(), quantity, priceE4, tsEventNanos, trade.tradeDate(), trade.orderId());
    }
}
