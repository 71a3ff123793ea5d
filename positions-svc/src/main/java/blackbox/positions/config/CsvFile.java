package blackbox.positions.config;

import blackbox.platform.domain.Decimals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The plain CSV every positions file uses: UTF-8, comma-separated, no quoting (no field may contain a comma),
 * surrounding spaces trimmed, {@code #} starts a comment line, blank lines ignored, the first other line is the
 * header with exactly the expected column names in order. Fields are read through {@link Row}, whose errors
 * name the file, line, field and value.
 */
public final class CsvFile {
    /** One data line. */
    public static final class Row {
        public final String file;
        public final int line;
        private final Map<String, String> values;

        Row(String file, int line, Map<String, String> values) {
            this.file = file;
            this.line = line;
            this.values = values;
        }

        public String text(String field) {
            return values.get(field);
        }

        public String required(String field) {
            String v = values.get(field);
            if (v.isEmpty()) throw fail(field, v, "must not be empty");
            return v;
        }

        public long integer(String field, long min, long max) {
            String v = values.get(field);
            try {
                long n = Long.parseLong(v);
                if (n < min || n > max) throw fail(field, v, "must be between " + min + " and " + max);
                return n;
            } catch (NumberFormatException e) {
                throw fail(field, v, "must be an integer");
            }
        }

        public BigDecimal decimal(String field) {
            String v = values.get(field);
            try {
                return Decimals.parse(field, v);
            } catch (IllegalArgumentException e) {
                throw fail(field, v, "must be a decimal like 12.34");
            }
        }

        /** A decimal with at most {@code scale} decimals as a scaled long. */
        public long scaled(String field, int scale) {
            BigDecimal d = decimal(field);
            try {
                return Decimals.toScaled(field, d, scale);
            } catch (IllegalArgumentException e) {
                throw fail(field, values.get(field), "must have at most " + scale + " decimals");
            }
        }

        public LocalDate date(String field) {
            String v = values.get(field);
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                throw fail(field, v, "must be a date YYYY-MM-DD");
            }
        }

        public boolean bool(String field) {
            String v = values.get(field);
            if (v.equals("true")) return true;
            if (v.equals("false")) return false;
            throw fail(field, v, "must be true or false");
        }

        public <E extends Enum<E>> E choice(String field, Class<E> type) {
            String v = values.get(field);
            for (E e : type.getEnumConstants()) if (e.name().equals(v)) return e;
            List<String> names = new ArrayList<>();
            for (E e : type.getEnumConstants()) names.add(e.name());
            throw fail(field, v, "must be one of " + String.join(", ", names));
        }

        public ConfigFileException fail(String field, String value, String reason) {
            return new ConfigFileException(file, line, field + " " + reason + ": " + field + "=\"" + value + "\"");
        }
    }

    private CsvFile() {
    }

    /** Parses {@code content}; the header must be {@code columns}. */
    public static List<Row> read(String file, String content, List<String> columns) {
        List<Row> rows = new ArrayList<>();
        String[] lines = content.split("\r?\n", -1);
        boolean header = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] cells = line.split(",", -1);
            if (!header) {
                List<String> names = new ArrayList<>();
                for (String c : cells) names.add(c.strip());
                if (!names.equals(columns)) {
                    throw new ConfigFileException(file, i + 1, "header must be " + String.join(",", columns)
                            + ": header=\"" + line + "\"");
                }
                header = true;
                continue;
            }
            if (cells.length != columns.size()) {
                throw new ConfigFileException(file, i + 1, "must have " + columns.size() + " fields ("
                        + String.join(",", columns) + "), has " + cells.length + ": line=\"" + line + "\"");
            }
            Map<String, String> values = new HashMap<>();
            for (int c = 0; c < cells.length; c++) values.put(columns.get(c), cells[c].strip());
            rows.add(new Row(file, i + 1, values));
        }
        if (!header) throw new ConfigFileException(file, 0, "no header line " + String.join(",", columns));
        return rows;
    }
}
