package blackbox.oms.algo.engine;

import blackbox.oms.algo.TwapSchedule;
import blackbox.oms.algo.VwapSchedule;
import blackbox.oms.core.Algorithm;
import java.util.List;

/**
 * A parent with its children and released slices, as GetOrder shows it.
 *
 * @param children every child as committed, oldest first
 */
public record ParentView(StoredParent stored, List<ParentStore.StoredChild> children, List<ParentStore.Slice> slices) {
    public long filledQty() {
        long t = 0;
        for (ParentStore.StoredChild c : children) t += c.state().cumQty();
        return t;
    }

    /** Σ LastQty × LastPx over the children, 10⁻⁴ BRL. */
    public long notional() {
        long t = 0;
        for (ParentStore.StoredChild c : children) t += c.notional();
        return t;
    }

    /** The slices of the schedule (0 without one). */
    public int sliceCount() {
        return switch (stored.parent().algorithm()) {
            case Algorithm.Twap t -> TwapSchedule.of(stored.parent()).slices();
            case Algorithm.Vwap v -> VwapSchedule.of(stored.parent()).slices();
            default -> 0;
        };
    }

    /** What the schedule planned up to the released slice (every account's planned cumulative quantity). */
    public long scheduledQty() {
        var p = stored.parent();
        if (p.algorithm() instanceof Algorithm.Vwap) {
            VwapSchedule s = VwapSchedule.of(p);
            long t = 0;
            for (var a : p.accounts()) t += s.plannedCum(a.quantity(), stored.releasedSlice());
            return t;
        }
        if (!(p.algorithm() instanceof Algorithm.Twap)) {
            // released to the venue: what is shown now plus what filled before
            long t = 0;
            for (ParentStore.StoredChild c : children) t += c.state().open() ? c.state().orderQty() : c.state().cumQty();
            return t;
        }
        TwapSchedule s = TwapSchedule.of(p);
        long t = 0;
        for (var a : p.accounts()) t += s.plannedCum(a.quantity(), stored.releasedSlice());
        return t;
    }
}
