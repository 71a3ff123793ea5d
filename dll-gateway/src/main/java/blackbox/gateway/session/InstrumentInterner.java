package blackbox.gateway.session;

import blackbox.platform.domain.InstrumentId;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Turns the (ticker, exchange) UTF-16 pointers of a callback into a shared {@link InstrumentId} without
 * allocating once an instrument has been seen: it reads the characters into scratch buffers and finds the
 * instrument in a small open-addressing table. A DLL may reuse or move its string buffers, so lookup is by
 * content, never by pointer.
 *
 * <p>Confined to the DLL's ConnectorThread.
 */
final class InstrumentInterner {
    private static final int MAX_LEN = 64;

    private final char[] ticker = new char[MAX_LEN];
    private final char[] exchange = new char[MAX_LEN];
    private Entry[] table = new Entry[64];
    private int size;
    private Entry last;

    private record Entry(char[] ticker, char[] exchange, int hash, InstrumentId id) {
        boolean matches(char[] t, int tl, char[] x, int xl) {
            return ticker.length == tl && exchange.length == xl && same(ticker, t, tl) && same(exchange, x, xl);
        }

        /** A plain loop: for a handful of characters it beats Arrays.equals' vectorized set-up (seen in JFR). */
        private static boolean same(char[] a, char[] b, int length) {
            for (int i = 0; i < length; i++) {
                if (a[i] != b[i]) return false;
            }
            return true;
        }
    }

    /**
     * The instrument named by two UTF-16 pointers.
     *
     * @return the interned id, or {@code null} when a pointer is NULL or the text is not a valid identifier
     */
    InstrumentId intern(MemorySegment tickerPointer, MemorySegment exchangePointer) {
        int tl = Utf16.readInto(tickerPointer, ticker);
        int xl = Utf16.readInto(exchangePointer, exchange);
        if (tl < 0 || xl < 0) return null;
        Entry l = last;
        if (l != null && l.matches(ticker, tl, exchange, xl)) return l.id;
        int hash = hash(ticker, tl, exchange, xl);
        int mask = table.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            Entry e = table[i];
            if (e == null) break;
            if (e.hash == hash && e.matches(ticker, tl, exchange, xl)) {
                last = e;
                return e.id;
            }
        }
        InstrumentId id;
        try {
            id = new InstrumentId(new String(ticker, 0, tl), new String(exchange, 0, xl));
        } catch (IllegalArgumentException e) {
            return null;
        }
        Entry entry = new Entry(Arrays.copyOf(ticker, tl), Arrays.copyOf(exchange, xl), hash, id);
        insert(entry);
        last = entry;
        return id;
    }

    private void insert(Entry entry) {
        if ((size + 1) * 2 > table.length) {
            Entry[] old = table;
            table = new Entry[old.length * 2];
            size = 0;
            for (Entry e : old) {
                if (e != null) insert(e);
            }
        }
        int mask = table.length - 1;
        int i = entry.hash & mask;
        while (table[i] != null) i = (i + 1) & mask;
        table[i] = entry;
        size++;
    }

    private static int hash(char[] t, int tl, char[] x, int xl) {
        int h = 1;
        for (int i = 0; i < tl; i++) h = 31 * h + t[i];
        h = 31 * h + ':';
        for (int i = 0; i < xl; i++) h = 31 * h + x[i];
        return h ^ (h >>> 16);
    }
}
