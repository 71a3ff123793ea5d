package blackbox.marketdata.core;

import blackbox.platform.domain.InstrumentId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds holes in an instrument's trade numbers, per trading day.
 *
 * <p>The first trade seen for an (instrument, day) sets the baseline: nothing before it is a hole, and numbers
 * below it are ignored. A trade numbered above the highest seen + 1 reveals a hole, reported once. A trade
 * arriving late whose number lies in a hole still open fills that number (it never makes a new hole); later
 * asking {@link #openHoles} tells what is still missing, which is how a caller tolerates slight reordering:
 * wait a moment after a report, then repair only what is still open. Duplicates and edits are ignored.
 *
 * <p>Memory per (instrument, day): the highest number and its time, and at most {@link #MAX_OPEN_HOLES} open
 * hole ranges (a partly filled hole is split); beyond that the lowest are forgotten, and late trades in them
 * are then treated as duplicates. Days are dropped by {@link #forgetBefore}.
 *
 * <p>Thread-safe (one lock); meant to be fed by the single thread that receives trades.
 */
public final class SequenceTracker {
    /** Open hole ranges remembered per (instrument, day). */
    public static final int MAX_OPEN_HOLES = 1024;

    /**
     * Trade numbers missing between two trades seen.
     *
     * @param firstMissing first missing trade number, inclusive
     * @param lastMissing last missing trade number, inclusive
     * @param afterNanos UTC epoch ns of the trade just before the hole (the missing trades are no earlier)
     * @param beforeNanos UTC epoch ns of the trade just after the hole (the missing trades are no later)
     */
    public record Hole(InstrumentId instrument, LocalDate tradingDay, long firstMissing, long lastMissing,
                       long afterNanos, long beforeNanos) {
        public Hole {
            Objects.requireNonNull(instrument, "instrument");
            Objects.requireNonNull(tradingDay, "tradingDay");
            if (lastMissing < firstMissing) {
                throw new IllegalArgumentException("must be >= firstMissing " + firstMissing
                        + ": lastMissing=" + lastMissing);
            }
        }

        /** How many trade numbers are missing. */
        public long size() {
            return lastMissing - firstMissing + 1;
        }

        Hole withRange(long first, long last) {
            return new Hole(instrument, tradingDay, first, last, afterNanos, beforeNanos);
        }
    }

    private record Key(InstrumentId instrument, LocalDate tradingDay) {
    }

    private static final class Day {
        long highest;
        long highestNanos;
        /** Open holes by first missing number; disjoint, all below highest. */
        final TreeMap<Long, Hole> open = new TreeMap<>();
    }

    private final Map<Key, Day> days = new HashMap<>();

    /**
     * Takes note of a trade.
     *
     * @return the hole this trade reveals (between the highest number seen and this one), or empty
     */
    public synchronized Optional<Hole> observe(TradeRow trade) {
        if (trade.edit()) {
            return Optional.empty();
        }
        Key key = new Key(trade.instrument(), trade.tradingDay());
        long n = trade.tradeNumber();
        Day day = days.get(key);
        if (day == null) {
            day = new Day();
            day.highest = n;
            day.highestNanos = trade.timeNanos();
            days.put(key, day);
            return Optional.empty();
        }
        if (n <= day.highest) {
            fill(day, n);
            return Optional.empty();
        }
        Optional<Hole> hole = Optional.empty();
        if (n > day.highest + 1) {
            Hole h = new Hole(key.instrument(), key.tradingDay(), day.highest + 1, n - 1, day.highestNanos,
                    trade.timeNanos());
            day.open.put(h.firstMissing(), h);
            if (day.open.size() > MAX_OPEN_HOLES) {
                day.open.pollFirstEntry();
            }
            hole = Optional.of(h);
        }
        day.highest = n;
        day.highestNanos = trade.timeNanos();
        return hole;
    }

    private static void fill(Day day, long n) {
        Map.Entry<Long, Hole> e = day.open.floorEntry(n);
        if (e == null || e.getValue().lastMissing() < n) {
            return; // a duplicate, or below the baseline, or a forgotten hole
        }
        Hole h = e.getValue();
        day.open.remove(e.getKey());
        if (h.firstMissing() < n) {
            day.open.put(h.firstMissing(), h.withRange(h.firstMissing(), n - 1));
        }
        if (n < h.lastMissing()) {
            day.open.put(n + 1, h.withRange(n + 1, h.lastMissing()));
        }
    }

    /**
     * The holes of an (instrument, day) not filled yet, by trade number; a partly filled hole appears as its
     * remaining ranges, each with the times of the original hole.
     */
    public synchronized List<Hole> openHoles(InstrumentId instrument, LocalDate tradingDay) {
        Day day = days.get(new Key(instrument, tradingDay));
        return day == null ? List.of() : new ArrayList<>(day.open.values());
    }

    /** Highest trade number seen for an (instrument, day), or -1 when none. */
    public synchronized long highest(InstrumentId instrument, LocalDate tradingDay) {
        Day day = days.get(new Key(instrument, tradingDay));
        return day == null ? -1 : day.highest;
    }

    /** Forgets every trading day before {@code day} (all instruments). */
    public synchronized void forgetBefore(LocalDate day) {
        days.keySet().removeIf(k -> k.tradingDay().isBefore(day));
    }
}
