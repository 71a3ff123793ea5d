package blackbox.gateway.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplayWriterReaderTest {
    static final String PREFIX = ReplayFormat.MAGIC + "\n" + ReplayFormat.HEADER + "\n";
    static final List<ReplayEvent> EVENTS = List.of(
            ReplayEvent.book(1_741_188_600_072_423_823L, "PETR4", "B", new BigDecimal("35.93"), new BigDecimal("36.09"),
                    3347L),
            new ReplayEvent(1_741_190_901_755_015_679L, "PETR4", "B", EventKind.T, 1, new BigDecimal("35.02"), 100, 2,
                    0, 0, new BigDecimal("35.93"), new BigDecimal("35.40"), 5841L),
            new ReplayEvent(1_741_190_901_755_015_679L, "PETR4", "B", EventKind.E, 1, new BigDecimal("35.03"), 100, 2,
                    308, -1, null, null, null));
    static final String TEXT = PREFIX
            + "1741188600072423823,PETR4,B,K,,,,,,,35.93,36.09,3347\n"
            + "1741190901755015679,PETR4,B,T,1,35.02,100,2,0,0,35.93,35.40,5841\n"
            + "1741190901755015679,PETR4,B,E,1,35.03,100,2,308,-1,,,\n";

    private static String write(List<ReplayEvent> events) throws IOException {
        StringWriter out = new StringWriter();
        try (ReplayWriter writer = new ReplayWriter(out)) {
            for (ReplayEvent e : events) {
                writer.write(e);
            }
        }
        return out.toString();
    }

    private static List<ReplayEvent> read(String text) throws IOException {
        try (ReplayReader reader = new ReplayReader("r.replay.csv", new BufferedReader(new StringReader(text)))) {
            return reader.stream().toList();
        }
    }

    @Test
    void writesTheDocumentedText() throws IOException {
        assertEquals(TEXT, write(EVENTS));
    }

    @Test
    void readsBackWhatItWrote() throws IOException {
        assertEquals(EVENTS, read(write(EVENTS)));
    }

    @Test
    void skipsCommentLines() throws IOException {
        assertEquals(EVENTS.subList(0, 1), read(PREFIX + "# a comment\n1741188600072423823,PETR4,B,K,,,,,,,35.93,36.09,3347\n"));
    }

    @Test
    void rejectsAnOutOfOrderTimestampWithItsLineNumber() {
        String text = PREFIX + "2,PETR4,B,K,,,,,,,35.93,36.09,\n1,PETR4,B,K,,,,,,,35.93,36.09,\n";

        ReplayFormatException e = assertThrows(ReplayFormatException.class, () -> read(text));

        assertEquals(new RowError("r.replay.csv", 4, "ts_nanos", "1", "must be >= previous ts_nanos 2: ts_nanos=1"),
                e.error());
        assertEquals("r.replay.csv:4: must be >= previous ts_nanos 2: ts_nanos=1", e.getMessage());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiterString = " => ", value = {
        "1,PETR4,B,X,1,35.02,100,2,0,0,,, => must be T, E or K: event=X",
        "1,PETR4,B,T,1,35.02,0,2,0,0,,, => must be > 0: quantity=0",
        "1,PETR4,B,T,1,3.5e1,1,2,0,0,,, => must be a plain decimal like 35.02: price=3.5e1",
        "1,PETR4,B,T,1,-35.02,1,2,0,0,,, => must be a plain decimal like 35.02: price=-35.02",
        "1,PETR4,B,T,4294967296,35.02,1,2,0,0,,, => must be in 0..4294967295 (uint32): trade_number=4294967296",
        "1,PETR4,B,T,1,35.02,1,256,0,0,,, => must be in 0..255: trade_type=256",
        "1,PETR4,B,T,1,35.02,1,2,0,0,x,, => must be a plain decimal like 35.02: bid=x",
        "1,PETR4,B,K,1,,,,,,35.93,36.09, => must be empty for a K event: trade_number=1",
        "1,petr4,B,K,,,,,,,35.93,36.09, => must match [A-Z0-9_.-]{1,32}: ticker=petr4",
        "x,PETR4,B,K,,,,,,,35.93,36.09, => must be an integer: ts_nanos=x",
        "1,PETR4,B,K,,,,,,,35.93,36.09 => must have 13 columns: columns=12",
    })
    void rejectsABadFieldNamingLineFieldAndValue(String row, String message) {
        ReplayFormatException e = assertThrows(ReplayFormatException.class, () -> read(PREFIX + row + "\n"));

        assertEquals("r.replay.csv:3: " + message, e.getMessage());
        assertEquals(3, e.error().line());
    }

    @Test
    void rejectsAFileWithoutTheMagicLine() {
        ReplayFormatException e = assertThrows(ReplayFormatException.class, () -> read(ReplayFormat.HEADER + "\n"));

        assertEquals("magic", e.error().field());
        assertEquals(1, e.error().line());
    }

    @Test
    void writerRefusesAnOutOfOrderEvent() throws IOException {
        ReplayWriter writer = new ReplayWriter(new StringWriter());
        writer.write(ReplayEvent.book(2, "X", "B", null, null, null));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> writer.write(ReplayEvent.book(1, "X", "B", null, null, null)));
        assertEquals("must be >= previous ts_nanos 2: ts_nanos=1", e.getMessage());
    }

    @Test
    void writesAndReadsAMillionRows(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("million.replay.csv");
        BigDecimal[] prices = {new BigDecimal("35.02"), new BigDecimal("35.03"), new BigDecimal("35.10")};
        long start = System.nanoTime();
        try (ReplayWriter writer = ReplayWriter.create(file)) {
            for (int i = 0; i < 1_000_000; i++) {
                writer.write(new ReplayEvent(1_741_190_901_755_015_679L + i, "PETR4", "B", EventKind.T, i + 1,
                        prices[i % 3], 100, 2, 0, 0, prices[0], prices[2], (long) i));
            }
        }
        long wrote = System.nanoTime();
        long count;
        try (ReplayReader reader = ReplayReader.open(file)) {
            count = reader.stream().count();
        }
        long readMs = (System.nanoTime() - wrote) / 1_000_000;
        long writeMs = (wrote - start) / 1_000_000;
        System.out.printf("1M rows: write %d ms, read %d ms, %d MB%n", writeMs, readMs, Files.size(file) >> 20);
        assertEquals(1_000_000, count);
    }

    @Test
    void nextReturnsNullAtTheEnd() throws IOException {
        try (ReplayReader reader = new ReplayReader("r", new BufferedReader(new StringReader(PREFIX)))) {
            assertNull(reader.next());
        }
    }
}
