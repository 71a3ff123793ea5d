package blackbox.positions.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The versioned, dated fee table (b3-trading.md §6): the schedule for a trade date is the one with the latest
 * {@code validFrom} on or before it. Immutable; per-segment lines are precomputed for the hot path.
 */
public final class FeeTable {
    private final List<FeeSchedule> schedules;
    private final List<Map<Segment, FeeLine[]>> lines = new ArrayList<>();

    /** @throws IllegalArgumentException when two versions share a valid-from date or there is none */
    public FeeTable(List<FeeSchedule> schedules) {
        if (schedules.isEmpty()) throw new IllegalArgumentException("the fee table must have at least one version");
        List<FeeSchedule> sorted = new ArrayList<>(schedules);
        sorted.sort(Comparator.comparing(FeeSchedule::validFrom));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).validFrom().equals(sorted.get(i - 1).validFrom())) {
                throw new IllegalArgumentException("two fee table versions are valid from the same date: valid_from="
                        + sorted.get(i).validFrom() + " (versions " + sorted.get(i - 1).version() + ", "
                        + sorted.get(i).version() + ")");
            }
        }
        this.schedules = List.copyOf(sorted);
        for (FeeSchedule s : this.schedules) {
            Map<Segment, FeeLine[]> bySegment = new EnumMap<>(Segment.class);
            for (Segment seg : Segment.values()) bySegment.put(seg, s.linesOf(seg).toArray(FeeLine[]::new));
            lines.add(bySegment);
        }
    }

    /** The schedule in force on {@code tradeDate}, or null before the first version. */
    public FeeSchedule scheduleOn(LocalDate tradeDate) {
        int i = indexOn(tradeDate);
        return i < 0 ? null : schedules.get(i);
    }

    /** The lines of {@code segment} in force on {@code tradeDate}; empty before the first version. */
    public FeeLine[] linesOn(LocalDate tradeDate, Segment segment) {
        int i = indexOn(tradeDate);
        return i < 0 ? new FeeLine[0] : lines.get(i).get(segment);
    }

    public List<FeeSchedule> schedules() {
        return schedules;
    }

    private int indexOn(LocalDate tradeDate) {
        for (int i = schedules.size() - 1; i >= 0; i--) {
            if (!schedules.get(i).validFrom().isAfter(tradeDate)) return i;
        }
        return -1;
    }
}
