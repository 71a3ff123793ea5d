package blackbox.positions.config;

import blackbox.positions.core.FeeLine;
import blackbox.positions.core.FeeSchedule;
import blackbox.positions.core.FeeTable;
import blackbox.positions.core.Scaled;
import blackbox.positions.core.Segment;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fee table file ({@code fees.csv}; format in positions-svc/README.md):
 *
 * <pre>
 * version,valid_from,segment,day_trade,line,kind,value,rounding
 * b3-2021-02,2021-02-02,EQUITY,false,b3_trading,PERCENT,0.0050,HALF_UP
 * </pre>
 *
 * A version is the set of lines sharing a {@code version}, all with one {@code valid_from}; a trade date uses
 * the version with the latest {@code valid_from} on or before it. {@code kind}: PERCENT ({@code value} a
 * percentage of the traded value, at most 6 decimals: 0.0050 = 0,0050%), PER_ORDER or PER_CONTRACT
 * ({@code value} BRL, at most 6 decimals). {@code rounding} ({@link RoundingMode} name: HALF_UP, HALF_EVEN, DOWN,
 * UP...) rounds the line's total per account, instrument and day to centavos.
 */
public final class FeeTableFile {
    static final List<String> COLUMNS = List.of("version", "valid_from", "segment", "day_trade", "line", "kind",
            "value", "rounding");
    public static final String DEFAULT_RESOURCE = "blackbox/positions/fees.csv";

    private FeeTableFile() {
    }

    /** @throws ConfigFileException naming the file, line, field and value */
    public static FeeTable parse(String file, String content) {
        Map<String, LocalDate> validFrom = new LinkedHashMap<>();
        Map<String, List<FeeLine>> lines = new LinkedHashMap<>();
        Set<String> keys = new HashSet<>();
        for (CsvFile.Row row : CsvFile.read(file, content, COLUMNS)) {
            String version = row.required("version");
            LocalDate from = row.date("valid_from");
            LocalDate known = validFrom.putIfAbsent(version, from);
            if (known != null && !known.equals(from)) {
                throw row.fail("valid_from", row.text("valid_from"), "must be the same on every line of version "
                        + version + " (first " + known + ")");
            }
            Segment segment = row.choice("segment", Segment.class);
            boolean dayTrade = row.bool("day_trade");
            String name = row.required("line");
            if (!name.matches("[a-z0-9_]{1,32}")) throw row.fail("line", name, "must match [a-z0-9_]{1,32}");
            FeeLine.Kind kind = row.choice("kind", FeeLine.Kind.class);
            long value = kind == FeeLine.Kind.PERCENT
                    ? row.scaled("value", Scaled.RATE_SCALE - 2) // percent with 6 decimals = fraction with 8
                    : row.scaled("value", Scaled.MONEY_SCALE);
            if (value < 0) throw row.fail("value", row.text("value"), "must be >= 0");
            RoundingMode rounding = row.choice("rounding", RoundingMode.class);
            if (rounding == RoundingMode.UNNECESSARY) throw row.fail("rounding", "UNNECESSARY", "must round");
            if (!keys.add(version + "|" + segment + "|" + dayTrade + "|" + name)) {
                throw row.fail("line", name, "is listed twice in version " + version + " for " + segment
                        + " day_trade=" + dayTrade);
            }
            lines.computeIfAbsent(version, v -> new ArrayList<>()).add(new FeeLine(segment, dayTrade, name, kind, value, rounding));
        }
        List<FeeSchedule> schedules = new ArrayList<>();
        for (Map.Entry<String, List<FeeLine>> e : lines.entrySet()) {
            schedules.add(new FeeSchedule(e.getKey(), validFrom.get(e.getKey()), e.getValue()));
        }
        try {
            return new FeeTable(schedules);
        } catch (IllegalArgumentException e) {
            throw new ConfigFileException(file, 0, e.getMessage());
        }
    }

    /** The built-in table. */
    public static FeeTable defaults() {
        return parse(DEFAULT_RESOURCE, Resources.read(DEFAULT_RESOURCE));
    }
}
