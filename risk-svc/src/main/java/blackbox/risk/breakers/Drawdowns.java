package blackbox.risk.breakers;

import blackbox.risk.core.Scope;
import java.util.HashMap;
import java.util.Map;

/**
 * A scope's drawdown, pure: the fall of its P&amp;L from the highest it has been since this tracker started (the
 * day's P&amp;L starts at 0, so the peak is at least 0). Money at {@code Money.SCALE}. Not thread-safe.
 */
public final class Drawdowns {
    private final Map<Scope, Long> peaks = new HashMap<>();

    /**
     * Records the scope's P&amp;L now.
     *
     * @return its drawdown now (≥ 0)
     */
    public long update(Scope scope, long pnl) {
        long peak = Math.max(peaks.getOrDefault(scope, 0L), pnl);
        peaks.put(scope, peak);
        return peak - pnl;
    }
}
