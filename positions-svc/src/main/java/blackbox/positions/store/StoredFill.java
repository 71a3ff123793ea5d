package blackbox.positions.store;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;
import blackbox.positions.core.ExecType;
import blackbox.positions.core.Fill;
import java.time.LocalDate;

/**
 * One row of {@code positions.fills}: one effect of an execution on a position.
 *
 * @param seq the application order (0 before it is stored)
 * @param reverse true for a 'reverse' row (it carries the reversed trade's values), false for 'apply'
 */
public record StoredFill(long seq, String execId, boolean reverse, ExecType execType, String execRefId,
                         AccountId account, InstrumentId instrument, Side side, long quantity, long priceE4,
                         long tsEventNanos, LocalDate tradeDate, String orderId) {

    /** The 'apply' row of a trade or correction. */
    public static StoredFill applying(Fill fill) {
        return new StoredFill(0, fill.execId(), false, fill.execType(), fill.execRefId(), fill.account(),
                fill.instrument(), fill.side(), fill.quantity(), fill.priceE4(), fill.tsEventNanos(), fill.tradeDate(),
                fill.orderId());
    }

    /** The 'reverse' row of a cancel or correction {@code fill}, with the values of the {@code trade} it reverses. */
    public static StoredFill reversing(Fill fill, Fill trade) {
        return new StoredFill(0, fill.execId(), true, fill.execType(), fill.execRefId(), trade.account(),
                trade.instrument(), trade.side(), trade.quantity(), trade.priceE4(), fill.tsEventNanos(),
                trade.tradeDate(), trade.orderId());
    }
}
