package blackbox.gateway.replay;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Comma splitting without quoting (none of the supported formats quotes), and header lookup. */
final class Csv {
    private Csv() {
    }

    /** Splits on every comma; {@code "a,,b,"} gives {@code [a, "", b, ""]}. A trailing {@code \r} is dropped. */
    static String[] split(String line) {
        int end = line.endsWith("\r") ? line.length() - 1 : line.length();
        int count = 1;
        for (int i = 0; i < end; i++) {
            if (line.charAt(i) == ',') {
                count++;
            }
        }
        String[] fields = new String[count];
        int start = 0;
        int f = 0;
        for (int i = 0; i < end; i++) {
            if (line.charAt(i) == ',') {
                fields[f++] = line.substring(start, i);
                start = i + 1;
            }
        }
        fields[f] = line.substring(start, end);
        return fields;
    }

    /** Column name → index, names trimmed; a UTF-8 byte-order mark on the first name is dropped. */
    static Map<String, Integer> header(String line) {
        String[] names = split(line.startsWith("\uFEFF") ? line.substring(1) : line);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            index.putIfAbsent(names[i].trim(), i);
        }
        return index;
    }

    /** Indexes of {@code required} columns in header order; a missing one is misconfiguration. */
    static int[] columns(String file, Map<String, Integer> header, List<String> required, String what) {
        int[] idx = new int[required.size()];
        for (int i = 0; i < idx.length; i++) {
            Integer at = header.get(required.get(i));
            if (at == null) {
                throw new ReplayException("not " + what + " (missing column " + required.get(i) + "; header "
                        + Arrays.toString(header.keySet().stream().sorted().toArray()) + "): " + file);
            }
            idx[i] = at;
        }
        return idx;
    }

    /** The error for a row whose column count differs from the header's. */
    static FieldException columnCount(int expected, int actual) {
        return FieldException.of("columns", Integer.toString(actual), "must have " + expected + " columns");
    }
}
