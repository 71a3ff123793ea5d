package blackbox.oms.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The ExecIDs of the fills an order has counted: an immutable list where adding shares the rest (O(1), one
 * small node), so every {@link Order} value keeps its own set without copying. Each node also carries a 64-bit
 * Bloom filter of the whole set (two bits per id), so {@code contains} answers a new ExecID — the common case — from
 * the head node alone; only a duplicate (or a false positive, a few percent for a dozen fills) walks the list,
 * comparing cached hashes first: O(fills of this order), which stays small because execution algorithms work large
 * quantities as many child orders.
 */
public final class ExecIds {
    public static final ExecIds EMPTY = new ExecIds(null, 0, null, 0, 0L);

    private final ExecId head;
    private final int hash;
    private final ExecIds tail;
    private final int size;
    private final long bloom;

    private ExecIds(ExecId head, int hash, ExecIds tail, int size, long bloom) {
        this.head = head;
        this.hash = hash;
        this.tail = tail;
        this.size = size;
        this.bloom = bloom;
    }

    /** The filter bits of a hash: two of 64, from well-mixed bits. */
    private static long bits(int h) {
        int m = h * 0x9E3779B9;
        return (1L << (m >>> 26)) | (1L << ((m >>> 20) & 63));
    }

    public boolean contains(ExecId id) {
        int h = id.hashCode();
        long b = bits(h);
        if ((bloom & b) != b) return false;
        for (ExecIds node = this; node.size > 0; node = node.tail) {
            if (node.hash == h && node.head.equals(id)) return true;
        }
        return false;
    }

    /** This set plus {@code id} (the caller checked it is not in it). */
    public ExecIds with(ExecId id) {
        int h = id.hashCode();
        return new ExecIds(id, h, this, size + 1, bloom | bits(h));
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
