package blackbox.oms.algo;

import blackbox.platform.domain.AccountId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One slice of a schedule as PreviewBlock shows it before anything is sent.
 *
 * @param slice from 1
 * @param atNanos when it is due, UTC epoch ns
 * @param quantities each account's planned quantity in this slice (accounts planned 0 in it are absent), allocation order
 */
public record PlannedSlice(int slice, long atNanos, Map<AccountId, Long> quantities) {
    public PlannedSlice {
        quantities = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(quantities));
    }

    public long qty() {
        long t = 0;
        for (long q : quantities.values()) t += q;
        return t;
    }

    /** A TWAP's slices as planned (before any roll-over: what does not fill moves to later slices). */
    public static List<PlannedSlice> twap(ParentOrder parent) {
        TwapSchedule s = TwapSchedule.of(parent);
        List<PlannedSlice> out = new ArrayList<>(s.slices());
        for (int k = 1; k <= s.slices(); k++) {
            Map<AccountId, Long> q = new LinkedHashMap<>();
            for (AccountTarget a : parent.accounts()) {
                long qty = s.plannedSlice(a.quantity(), k);
                if (qty > 0) q.put(a.account(), qty);
            }
            out.add(new PlannedSlice(k, s.dueAt(k), q));
        }
        return out;
    }

    /** A VWAP's slices as planned from its profile (before roll-over and the participation cap). */
    public static List<PlannedSlice> vwap(ParentOrder parent) {
        VwapSchedule s = VwapSchedule.of(parent);
        List<PlannedSlice> out = new ArrayList<>(s.slices());
        for (int k = 1; k <= s.slices(); k++) {
            Map<AccountId, Long> q = new LinkedHashMap<>();
            for (AccountTarget a : parent.accounts()) {
                long qty = s.plannedSlice(a.quantity(), k);
                if (qty > 0) q.put(a.account(), qty);
            }
            out.add(new PlannedSlice(k, s.dueAt(k), q));
        }
        return out;
    }
}
