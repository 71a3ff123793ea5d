package blackbox.gateway.replay;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Parses ISO-8601 timestamps with an offset to UTC epoch nanoseconds:
 * {@code yyyy-MM-dd(T| )HH:mm:ss[.f{1,9}](Z|±HH:mm|±HHmm|±HH)}, e.g. {@code 2025-03-05 16:08:21.755015679+00:00}.
 * A timestamp without an offset is rejected: its time zone would be a guess.
 */
final class IsoTimestamps {
    private IsoTimestamps() {
    }

    static long parseNanos(String field, String v) {
        try {
            return parse(v);
        } catch (DateTimeException | ArithmeticException | IndexOutOfBoundsException e) {
            throw bad(field, v);
        }
    }

    private static long parse(String v) {
        if (v.length() < 20 || v.charAt(4) != '-' || v.charAt(7) != '-' || (v.charAt(10) != 'T'
                && v.charAt(10) != ' ') || v.charAt(13) != ':' || v.charAt(16) != ':') {
            throw new DateTimeException("shape");
        }
        int year = digits(v, 0, 4);
        int month = digits(v, 5, 7);
        int day = digits(v, 8, 10);
        int hour = digits(v, 11, 13);
        int minute = digits(v, 14, 16);
        int second = digits(v, 17, 19);
        if (hour > 23 || minute > 59 || second > 59) {
            throw new DateTimeException("time");
        }
        int i = 19;
        long fraction = 0;
        if (v.charAt(i) == '.') {
            int start = ++i;
            while (i < v.length() && Character.isDigit(v.charAt(i))) {
                i++;
            }
            int n = i - start;
            if (n == 0 || n > 9) {
                throw new DateTimeException("fraction");
            }
            fraction = digits(v, start, i);
            for (int k = n; k < 9; k++) {
                fraction *= 10;
            }
        }
        int offsetSeconds = offset(v, i);
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        long seconds = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
        return Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), fraction);
    }

    private static int offset(String v, int i) {
        char sign = v.charAt(i);
        String rest = v.substring(i + 1);
        if (sign == 'Z' && rest.isEmpty()) {
            return 0;
        }
        if (sign != '+' && sign != '-') {
            throw new DateTimeException("offset");
        }
        int hours;
        int minutes;
        if (rest.length() == 2) {
            hours = digits(rest, 0, 2);
            minutes = 0;
        } else if (rest.length() == 4) {
            hours = digits(rest, 0, 2);
            minutes = digits(rest, 2, 4);
        } else if (rest.length() == 5 && rest.charAt(2) == ':') {
            hours = digits(rest, 0, 2);
            minutes = digits(rest, 3, 5);
        } else {
            throw new DateTimeException("offset");
        }
        if (hours > 18 || minutes > 59) {
            throw new DateTimeException("offset");
        }
        int seconds = hours * 3600 + minutes * 60;
        return sign == '-' ? -seconds : seconds;
    }

    private static int digits(String v, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                throw new DateTimeException("digit");
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static FieldException bad(String field, String v) {
        return FieldException.of(field, v, "must be an ISO-8601 timestamp with offset (yyyy-MM-dd HH:mm:ss.fffffffff+00:00)");
    }
}
