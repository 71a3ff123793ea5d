package blackbox.oms.algo;

import java.util.ArrayList;
import java.util.List;

/** A parent's children grouped by account index, with each account's filled quantity. */
final class Children {
    private final ParentOrder parent;
    private final List<List<ChildState>> byIndex;
    private final long[] filled;

    private Children(ParentOrder parent, List<List<ChildState>> byIndex, long[] filled) {
        this.parent = parent;
        this.byIndex = byIndex;
        this.filled = filled;
    }

    static Children of(ParentOrder parent, List<ChildState> children) {
        int n = parent.accounts().size();
        List<List<ChildState>> by = new ArrayList<>(n + 1);
        for (int i = 0; i <= n; i++) by.add(new ArrayList<>(2));
        long[] filled = new long[n + 1];
        for (ChildState c : children) {
            if (c.accountIndex() < 1 || c.accountIndex() > n) throw new IllegalArgumentException("child of no account of " + parent.id() + ": " + c);
            by.get(c.accountIndex()).add(c);
            filled[c.accountIndex()] += c.cumQty();
        }
        return new Children(parent, by, filled);
    }

    List<ChildState> of(int index) {
        return byIndex.get(index);
    }

    long filled(int index) {
        return filled[index];
    }

    long filled() {
        long t = 0;
        for (long f : filled) t += f;
        return t;
    }

    boolean filledAll() {
        for (AccountTarget a : parent.accounts()) if (filled[a.index()] < a.quantity()) return false;
        return true;
    }
}
