package blackbox.gateway.session;

import blackbox.gateway.trading.AccountKey;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * Turns the account of a DLL record into a shared {@link AccountKey} without allocating once the account has been
 * seen: the characters are read into scratch buffers and looked up by content in a small open-addressing table.
 * Reads both shapes the DLL uses: inline {@code TString0In} arrays with their lengths
 * ({@code TConnectorAccountIdentifierOut}) and UTF-16 pointers ({@code TConnectorAccountIdentifier}).
 *
 * <p>Confined to one thread (one instance for the DLL's ConnectorThread, others elsewhere).
 */
final class AccountInterner {
    private static final int MAX_LEN = 100;

    private final char[] account = new char[MAX_LEN];
    private final char[] sub = new char[MAX_LEN];
    private Entry[] table = new Entry[64];
    private int size;
    private Entry last;

    private record Entry(int broker, char[] account, char[] sub, int hash, AccountKey key) {
        boolean matches(int b, char[] a, int al, char[] s, int sl) {
            return broker == b && account.length == al && sub.length == sl
                    && Arrays.equals(account, 0, al, a, 0, al) && Arrays.equals(sub, 0, sl, s, 0, sl);
        }
    }

    /** From inline UTF-16 arrays ({@code AccountID[100]} at {@code accountOffset}, lengths given by the DLL). */
    AccountKey internInline(int broker, MemorySegment record, long accountOffset, int accountLength, long subOffset, int subLength) {
        int al = Math.min(Math.max(accountLength, 0), MAX_LEN);
        int sl = Math.min(Math.max(subLength, 0), MAX_LEN);
        for (int i = 0; i < al; i++) {
            char c = record.get(ValueLayout.JAVA_CHAR_UNALIGNED, accountOffset + 2L * i);
            if (c == 0) {
                al = i;
                break;
            }
            account[i] = c;
        }
        for (int i = 0; i < sl; i++) {
            char c = record.get(ValueLayout.JAVA_CHAR_UNALIGNED, subOffset + 2L * i);
            if (c == 0) {
                sl = i;
                break;
            }
            sub[i] = c;
        }
        return lookup(broker, al, sl);
    }

    /** From UTF-16 pointers (a NULL sub-account pointer is the master). */
    AccountKey internPointers(int broker, MemorySegment accountPointer, MemorySegment subPointer) {
        int al = Utf16.readInto(accountPointer, account);
        int sl = subPointer.address() == 0 ? 0 : Utf16.readInto(subPointer, sub);
        if (al < 0) return null;
        return lookup(broker, al, sl);
    }

    private AccountKey lookup(int broker, int al, int sl) {
        Entry l = last;
        if (l != null && l.matches(broker, account, al, sub, sl)) return l.key;
        int hash = hash(broker, al, sl);
        int mask = table.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            Entry e = table[i];
            if (e == null) break;
            if (e.hash == hash && e.matches(broker, account, al, sub, sl)) {
                last = e;
                return e.key;
            }
        }
        AccountKey key;
        try {
            key = new AccountKey(broker, new String(account, 0, al), new String(sub, 0, sl));
        } catch (IllegalArgumentException e) {
            return null;
        }
        Entry entry = new Entry(broker, Arrays.copyOf(account, al), Arrays.copyOf(sub, sl), hash, key);
        insert(entry);
        last = entry;
        return key;
    }

    private void insert(Entry entry) {
        if ((size + 1) * 2 > table.length) {
            Entry[] old = table;
            table = new Entry[old.length * 2];
            size = 0;
            for (Entry e : old) if (e != null) insert(e);
        }
        int mask = table.length - 1;
        int i = entry.hash & mask;
        while (table[i] != null) i = (i + 1) & mask;
        table[i] = entry;
        size++;
    }

    private int hash(int broker, int al, int sl) {
        int h = broker;
        for (int i = 0; i < al; i++) h = 31 * h + account[i];
        h = 31 * h + ':';
        for (int i = 0; i < sl; i++) h = 31 * h + sub[i];
        return h ^ (h >>> 16);
    }
}
