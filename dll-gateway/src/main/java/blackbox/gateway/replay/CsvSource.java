package blackbox.gateway.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A header row, then one event per row. Blank lines are not rows and are ignored; a row with a different
 * column count than the header is rejected. Each row is parsed by the {@link RowParser} {@link #begin}
 * returns for that file.
 */
abstract class CsvSource implements ReplaySource {

    /** Parses one row's fields; failures are {@link FieldException}s. */
    interface RowParser {
        ReplayEvent parse(String[] fields);
    }

    /** Checks the header and returns the file's row parser; throws {@link ReplayException} if not this format. */
    abstract RowParser begin(Path file, Map<String, Integer> header, ImportSink sink);

    @Override
    public final void read(Path file, BufferedReader in, ImportSink sink) throws IOException {
        String name = file.toString();
        String headerLine = in.readLine();
        if (headerLine == null) {
            sink.note("empty file, no header: " + name);
            return;
        }
        int columns = Csv.split(headerLine).length;
        RowParser parser = begin(file, Csv.header(headerLine), sink);
        long line = 1;
        String text;
        while ((text = in.readLine()) != null) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            try {
                String[] fields = Csv.split(text);
                if (fields.length != columns) {
                    throw Csv.columnCount(columns, fields.length);
                }
                sink.accept(parser.parse(fields));
            } catch (FieldException e) {
                sink.reject(e.toRowError(name, line));
            }
        }
    }

    static String ticker(String field, String value) {
        if (!ReplayEvent.TICKER.matcher(value).matches()) {
            throw FieldException.of(field, value, "must match [A-Z0-9_.-]{1,32}");
        }
        return value;
    }

    static String exchange(String field, String value) {
        if (!ReplayEvent.EXCHANGE.matcher(value).matches()) {
            throw FieldException.of(field, value, "must match [A-Z0-9_]{1,8}");
        }
        return value;
    }
}
