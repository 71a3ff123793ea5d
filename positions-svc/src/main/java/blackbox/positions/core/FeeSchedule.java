package blackbox.positions.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One version of the fee table, valid from a date: its lines by segment. Immutable.
 *
 * @param version the version's label (recorded with costs)
 * @param validFrom the first trade date it applies to
 */
public record FeeSchedule(String version, LocalDate validFrom, List<FeeLine> lines) {
    public FeeSchedule {
        lines = List.copyOf(lines);
    }

    /** The lines of a segment, in file order. */
    public List<FeeLine> linesOf(Segment segment) {
        return bySegment().get(segment);
    }

    private Map<Segment, List<FeeLine>> bySegment() {
        Map<Segment, List<FeeLine>> map = new EnumMap<>(Segment.class);
        for (Segment s : Segment.values()) map.put(s, new ArrayList<>());
        for (FeeLine line : lines) map.get(line.segment()).add(line);
        return map;
    }

    /** The distinct line names of a segment, in file order (the cost breakdown's columns). */
    public List<String> namesOf(Segment segment) {
        List<String> names = new ArrayList<>();
        for (FeeLine line : linesOf(segment)) if (!names.contains(line.name())) names.add(line.name());
        return names;
    }
}
