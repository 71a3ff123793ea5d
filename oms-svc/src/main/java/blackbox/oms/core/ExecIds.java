package blackbox.oms.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The ExecIDs of the fills an order has counted: an immutable list where adding shares the rest (O(1), one
 * small node), so every {@link Order} value keeps its own set without copying. {@code contains} walks the list
 * comparing cached hashes first: O(fills of this order), which stays small because execution algorithms work
 * large quantities as many child orders.
 */
public final class ExecIds {
    public static final ExecIds EMPTY = new ExecIds(null, 0, null, 0);

    private final ExecId head;
    private final int hash;
    private final ExecIds tail;
    private final int size;

    private ExecIds(ExecId head, int hash, ExecIds tail, int size) {
        this.head = head;
        this.hash = hash;
        this.tail = tail;
        this.size = size;
    }

    public boolean contains(ExecId id) {
        int h = id.hashCode();
        for (ExecIds node = this; node.size > 0; node = node.tail) {
            if (node.hash == h && node.head.equals(id)) return true;
        }
        return false;
    }

    /** This set plus {@code id} (the caller checked it is not in it). */
    public ExecIds with(ExecId id) {
        return new ExecIds(id, id.hashCode(), this, size + 1);
    }

    public int size() {
        return size;
    }

    /** In the order they were added. */
    public List<ExecId> toList() {
        List<ExecId> list = new ArrayList<>(size);
        for (ExecIds node = this; node.size > 0; node = node.tail) list.add(node.head);
        return list.reversed();
    }

    /** A set of these ids, in this order. */
    public static ExecIds of(Iterable<ExecId> ids) {
        ExecIds set = EMPTY;
        for (ExecId id : ids) if (!set.contains(id)) set = set.with(id);
        return set;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExecIds other && toList().equals(other.toList());
    }

    @Override
    public int hashCode() {
        return toList().hashCode();
    }

    @Override
    public String toString() {
        return toList().toString();
    }
}
