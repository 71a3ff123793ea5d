package blackbox.gateway.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayImporterTest {
    static final String HEADER = B3UmdfCsvSourceTest.HEADER;

    @TempDir
    Path dir;

    private Path file(String name, String... rows) throws IOException {
        return Files.writeString(dir.resolve(name), HEADER + String.join("\n", rows) + "\n");
    }

    @Test
    void mergesFilesByTimeStablyAndReportsCounts() throws IOException {
        Path a = file("a.csv",
                "PETR4,1,2025-03-05 16:00:00+00:00,trade,35.02,100.0,4.0,35.4,35.3",
                "PETR4,2,2025-03-05 16:00:02+00:00,trade,35.03,100.0,3.0,35.4,35.3");
        Path b = file("b.csv",
                "VALE3,7,2025-03-05 16:00:00+00:00,book,,,,50.1,50.0",
                "VALE3,8,2025-03-05 16:00:01+00:00,trade,50.10,200.0,4.0,50.1,50.0");
        Path out = dir.resolve("out.replay.csv");

        ImportReport report = new ReplayImporter(new B3UmdfCsvSource(), ImportProgress.NONE).importFiles(List.of(a, b), out);

        assertEquals(List.of(
                ReplayFormat.MAGIC, ReplayFormat.HEADER,
                "1741190400000000000,PETR4,B,T,1,35.02,100,2,0,0,35.30,35.40,1",
                "1741190400000000000,VALE3,B,K,,,,,,,50.00,50.10,7",
                "1741190401000000000,VALE3,B,T,1,50.10,200,2,0,0,50.00,50.10,8",
                "1741190402000000000,PETR4,B,T,2,35.03,100,3,0,0,35.30,35.40,2"), Files.readAllLines(out));
        assertEquals(new ImportReport(out, 4, 4, 0,
                new java.util.TreeMap<>(Map.of(new Instrument("PETR4", "B"), 2L, new Instrument("VALE3", "B"), 2L)),
                OptionalLong.of(1_741_190_400_000_000_000L), OptionalLong.of(1_741_190_402_000_000_000L),
                List.of(), List.of()), report);
    }

    @Test
    void writesTheGoodRowsAndReportsEveryRejectedOne() throws IOException {
        List<String> rows = new ArrayList<>();
        rows.add("PETR4,1,2025-03-05 16:00:00+00:00,trade,35.02,100.0,4.0,,");
        for (int i = 0; i < 150; i++) {
            rows.add("PETR4,1,2025-03-05 16:00:00+00:00,trade,35.02,100.0,9.0,,");
        }
        rows.add("PETR4,2,2025-03-05 16:00:01+00:00,trade,35.02,100.0,3.0,,");
        Path in = file("bad.csv", rows.toArray(String[]::new));
        Path out = dir.resolve("out.replay.csv");

        ImportReport report = new ReplayImporter(new B3UmdfCsvSource(), ImportProgress.NONE).importFiles(List.of(in), out);

        assertEquals(152, report.rowsRead());
        assertEquals(2, report.rowsWritten());
        assertEquals(150, report.rowsRejected());
        assertEquals(ReplayImporter.MAX_ERROR_DETAILS, report.firstErrors().size());
        assertEquals(new RowError(in.toString(), 3, "aggressor", "9.0", "must be 1, 2, 3 or 4: aggressor=9.0"),
                report.firstErrors().getFirst());
        assertEquals(4, Files.readAllLines(out).size());
    }

    @Test
    void leavesAnExistingOutputUntouchedWhenAnInputIsNotOfTheFormat() throws IOException {
        Path good = file("good.csv", "PETR4,1,2025-03-05 16:00:00+00:00,trade,35.02,100.0,4.0,,");
        Path wrong = Files.writeString(dir.resolve("wrong.csv"), "a,b\n1,2\n");
        Path out = Files.writeString(dir.resolve("out.replay.csv"), "previous");

        assertThrows(ReplayException.class, () -> new ReplayImporter(new B3UmdfCsvSource(), ImportProgress.NONE)
                .importFiles(List.of(good, wrong), out));

        assertEquals("previous", Files.readString(out));
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void reportsProgressUpToTheTotalSize() throws IOException {
        Path a = file("a.csv", "PETR4,1,2025-03-05 16:00:00+00:00,trade,35.02,100.0,4.0,,");
        Path b = file("b.csv", "PETR4,2,2025-03-05 16:00:01+00:00,trade,35.02,100.0,4.0,,");
        long total = Files.size(a) + Files.size(b);
        List<long[]> calls = new ArrayList<>();

        new ReplayImporter(new B3UmdfCsvSource(), (read, all) -> calls.add(new long[] {read, all}))
                .importFiles(List.of(a, b), dir.resolve("out.csv"));

        assertEquals(List.of(Files.size(a), total), calls.stream().map(c -> c[0]).toList());
        assertEquals(List.of(total, total), calls.stream().map(c -> c[1]).toList());
    }
}
