package blackbox.gateway.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImportMainTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ImportMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsASummaryWithRejectedRowsAndExitsZero() throws IOException {
        Path in = Files.writeString(dir.resolve("PETR4_05032025.csv"), B3UmdfCsvSourceTest.HEADER
                + "PETR4,5841,2025-03-05 16:08:21.755015679+00:00,trade,35.02,100.0,4.0,35.4,35.93\n"
                + "PETR4,5842,2025-03-05 16:08:22+00:00,trade,35.02,100.0,7.0,35.4,35.93\n");
        Path replay = dir.resolve("out.replay.csv");

        int status = run("--format", "b3-umdf", "--out", replay.toString(), in.toString());

        assertEquals(0, status);
        assertEquals(String.join("\n",
                "wrote " + replay,
                "rows: read 2, written 1, rejected 1",
                "instruments: PETR4@B=1",
                "time (UTC):       2025-03-05T16:08:21.755015679Z .. 2025-03-05T16:08:21.755015679Z",
                "time (São Paulo): 2025-03-05T13:08:21.755015679-03:00 .. 2025-03-05T13:08:21.755015679-03:00",
                "rejected rows (first 1 of 1):",
                "  " + in + ":3: must be 1, 2, 3 or 4: aggressor=7.0", ""), out.toString(StandardCharsets.UTF_8));
        assertEquals(3, Files.readAllLines(replay).size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
        "--out x.csv in.csv => bad usage: missing --format b3-umdf|binance|csv (--help for usage)",
        "--format parquet --out x.csv in.csv => bad usage: must be b3-umdf, binance or csv: --format=parquet (--help for usage)",
        "--format csv --out x.csv in.csv => bad usage: --format csv needs --mapping TEXT (--help for usage)",
        "--format b3-umdf in.csv => bad usage: missing --out FILE (--help for usage)",
        "--format b3-umdf --out x.csv => bad usage: no input FILE (--help for usage)",
        "--format binance --binance-qty-scale 0 --out x.csv in.csv => bad usage: must be an integer > 0: --binance-qty-scale=0 (--help for usage)",
        "--format csv --mapping ts=t:iso --out x.csv in.csv => bad usage: missing mapping key: ticker (--help for usage)",
        "--format b3-umdf --out x.csv --verbose in.csv => bad usage: unknown option: --verbose (--help for usage)",
    })
    void badUsageIsOneLineAndExitTwo(String args, String line) throws IOException {
        Files.writeString(dir.resolve("in.csv"), "x\n");
        String[] argv = args.replace("in.csv", dir.resolve("in.csv").toString()).split(" ");

        assertEquals(2, run(argv));
        assertEquals(line + "\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFileOfTheWrongFormatFailsWithExitOne() throws IOException {
        Path in = Files.writeString(dir.resolve("in.csv"), "a,b\n1,2\n");

        assertEquals(1, run("--format", "b3-umdf", "--out", dir.resolve("x.csv").toString(), in.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("import failed, nothing written: "));
        assertTrue(Files.notExists(dir.resolve("x.csv")));
    }

    @Test
    void helpPrintsTheUsageWithTheExitStatuses() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("exit status: 0 the import completed"));
    }
}
