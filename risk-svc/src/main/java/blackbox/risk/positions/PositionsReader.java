package blackbox.risk.positions;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.risk.core.Scope;
import java.util.List;

/**
 * The port to positions-svc's positions, for a flatten and for the drawdown breaker. Called from risk-svc's halt
 * and breaker threads; may block for one round trip.
 */
public interface PositionsReader {
    /**
     * One account's position in one instrument.
     *
     * @param quantity signed shares or contracts (+ long)
     * @param pnl the day's realized plus the unrealized P&amp;L at the last mark, money at {@code Money.SCALE} (BRL)
     */
    record Holding(AccountId account, InstrumentId instrument, long quantity, long pnl) {
    }

    /**
     * Positions as of oms-svc's order event {@code omsSequence}: every event up to it is reflected.
     */
    record Snapshot(long omsSequence, List<Holding> holdings) {
    }

    /**
     * The positions of the accounts and instruments of {@code scope} (the desk: all) that are open or traded today.
     * A strategy scope is not kept by positions-svc and is refused.
     *
     * @throws IllegalArgumentException for a strategy scope
     * @throws PositionsUnavailableException when positions-svc does not answer
     */
    Snapshot positions(Scope scope);

    /** positions-svc did not answer. */
    final class PositionsUnavailableException extends RuntimeException {
        public PositionsUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
