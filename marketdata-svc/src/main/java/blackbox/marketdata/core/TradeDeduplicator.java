package blackbox.marketdata.core;

import blackbox.platform.domain.InstrumentId;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * Says whether a trade is seen for the first time, so replays, backfills and reconnects do not reach the store
 * and the consumers twice.
 *
 * <p>Errs only one way: it may call a repeat "new" (the store's idempotent writes are the final guard), but never
 * calls a new trade a duplicate, which would lose it.
 *
 * <p><b>Memory bound.</b> Trades: per (instrument, trading day) a bitmap of trade numbers covering a window of at
 * most {@code windowBits} consecutive numbers (default 2<sup>22</sup> = 4,194,304, i.e. at most 512 KiB), a ring
 * that grows by doubling with the span of numbers seen, so an instrument with 50,000 trades a day costs about
 * 8 KiB. Guarantee: every number seen within {@code windowBits} below the highest number seen (to the
 * enclosing multiple of 64) is remembered exactly; a higher number slides the window and forgets the lowest; a
 * number below the window is answered "new" without being remembered. B3's busiest instruments number a few
 * million trades a day, inside one window. Edits: per (instrument, day) the last {@link #MAX_EDITS_PER_DAY} distinct edits; older ones are
 * forgotten (and would be "new" again).
 * Days are dropped by {@link #forgetBefore}.
 *
 * <p>Thread-safe (one lock); meant to be called by the single thread that receives trades.
 */
public final class TradeDeduplicator {
    /** Default span of trade numbers remembered per (instrument, day). */
    public static final int DEFAULT_WINDOW_BITS = 1 << 22;
    /** Distinct edits remembered per (instrument, day). */
    public static final int MAX_EDITS_PER_DAY = 65_536;

    private record Key(InstrumentId instrument, LocalDate tradingDay) {
    }

    private record EditKey(long tradeNumber, long timeNanos, double price, long quantity) {
    }

    /**
     * A ring of 64-bit words: word number w (trade numbers [64w, 64w + 64)) lives in slot floorMod(w, length).
     * Words lo..hi are remembered (hi - lo < length); every other slot is zero.
     */
    private static final class Bitmap {
        long[] words;
        long lo;
        long hi;
    }

    private final int windowWords;
    private final Map<Key, Bitmap> trades = new HashMap<>();
    private final Map<Key, LinkedHashSet<EditKey>> edits = new HashMap<>();

    /** With a window of {@link #DEFAULT_WINDOW_BITS}. */
    public TradeDeduplicator() {
        this(DEFAULT_WINDOW_BITS);
    }

    /**
     * @param windowBits trade numbers remembered per (instrument, day): a positive multiple of 64
     * @throws IllegalArgumentException otherwise
     */
    public TradeDeduplicator(int windowBits) {
        if (windowBits <= 0 || windowBits % 64 != 0) {
            throw new IllegalArgumentException("must be a positive multiple of 64: windowBits=" + windowBits);
        }
        this.windowWords = windowBits / 64;
    }

    /**
     * @return true the first time a trade (instrument, day, number) or an edit (instrument, day, number, time,
     *     price, quantity) is offered, false when it was seen before (and is still remembered)
     */
    public synchronized boolean firstTime(TradeRow trade) {
        Key key = new Key(trade.instrument(), trade.tradingDay());
        if (trade.edit()) {
            LinkedHashSet<EditKey> seen = edits.computeIfAbsent(key, k -> new LinkedHashSet<>());
            boolean added = seen.add(new EditKey(trade.tradeNumber(), trade.timeNanos(), trade.price(),
                    trade.quantity()));
            if (added && seen.size() > MAX_EDITS_PER_DAY) {
                Iterator<EditKey> oldest = seen.iterator();
                oldest.next();
                oldest.remove();
            }
            return added;
        }
        long n = trade.tradeNumber();
        long w = Math.floorDiv(n, 64);
        Bitmap bitmap = trades.get(key);
        if (bitmap == null) {
            bitmap = new Bitmap();
            bitmap.words = new long[Math.min(16, windowWords)];
            bitmap.lo = w;
            bitmap.hi = w;
            trades.put(key, bitmap);
        }
        if (!cover(bitmap, w)) {
            return true; // below the window: assume new
        }
        int slot = (int) Math.floorMod(w, (long) bitmap.words.length);
        long mask = 1L << Math.floorMod(n, 64);
        long word = bitmap.words[slot];
        if ((word & mask) != 0) {
            return false;
        }
        bitmap.words[slot] = word | mask;
        return true;
    }

    /**
     * Makes the ring hold word w if the window allows; false when w is more than a window below the highest word.
     * The ring doubles as it grows, and sliding clears only the words it drops, so the work per trade is O(1)
     * amortised.
     */
    private boolean cover(Bitmap b, long w) {
        if (w >= b.lo && w <= b.hi) {
            return true;
        }
        if (w > b.hi) {
            if (w - b.lo < windowWords) {
                grow(b, w - b.lo + 1);
            } else {
                grow(b, windowWords);
                long newLo = w - windowWords + 1;
                if (newLo > b.hi) {
                    Arrays.fill(b.words, 0L);
                } else {
                    for (long dropped = b.lo; dropped < newLo; dropped++) {
                        b.words[(int) Math.floorMod(dropped, (long) windowWords)] = 0L;
                    }
                }
                b.lo = newLo;
            }
            b.hi = w;
            return true;
        }
        if (b.hi - w >= windowWords) {
            return false;
        }
        grow(b, b.hi - w + 1);
        b.lo = w;
        return true;
    }

    /** Makes the ring at least {@code span} words long (span &lt;= windowWords), doubling. */
    private void grow(Bitmap b, long span) {
        int length = b.words.length;
        if (span <= length) {
            return;
        }
        int newLength = (int) Math.min(windowWords, Math.max(span, 2L * length));
        long[] words = new long[newLength];
        for (long w = b.lo; w <= b.hi; w++) {
            words[(int) Math.floorMod(w, (long) newLength)] = b.words[(int) Math.floorMod(w, (long) length)];
        }
        b.words = words;
    }

    /** Forgets one instrument's trading day, trades and edits (e.g. an old day just backfilled and persisted). */
    public synchronized void forget(InstrumentId instrument, LocalDate day) {
        Key key = new Key(instrument, day);
        trades.remove(key);
        edits.remove(key);
    }

    /** Forgets every trading day before {@code day} (all instruments), trades and edits. */
    public synchronized void forgetBefore(LocalDate day) {
        trades.keySet().removeIf(k -> k.tradingDay().isBefore(day));
        edits.keySet().removeIf(k -> k.tradingDay().isBefore(day));
    }

    /** Bytes held by trade bitmaps (an estimate, for a gauge). */
    public synchronized long bitmapBytes() {
        long bytes = 0;
        for (Bitmap b : trades.values()) {
            bytes += 8L * b.words.length;
        }
        return bytes;
    }
}
