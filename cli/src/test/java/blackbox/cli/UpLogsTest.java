package blackbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code blackbox up}'s console shows warnings only; INFO lines of every logging API land in the log file. */
class UpLogsTest {
    @Test
    void infoLinesOfSlf4jAndJavaUtilLoggingGoToTheFileWarningsAlsoToTheConsole(@TempDir Path dir) throws Exception {
        PrintStream stderr = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        // java.util.logging's ConsoleHandler writes to the System.err of when it was made: one made now writes here
        java.util.logging.Logger julRoot = java.util.logging.LogManager.getLogManager().getLogger("");
        java.util.logging.ConsoleHandler julConsole;
        System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
        try {
            julConsole = new java.util.logging.ConsoleHandler();
            julRoot.addHandler(julConsole);
            try (UpLogs logs = UpLogs.route(dir, "info").orElseThrow()) {
                // as Helidon's feature banner logs (System.Logger over java.util.logging)
                System.getLogger("io.helidon.common.features.HelidonFeatures").log(System.Logger.Level.INFO,
                        "Helidon SE 4 features: [WebServer]");
                java.util.logging.Logger.getLogger("io.helidon.webserver.LoomServer").info("Started all channels");
                org.slf4j.LoggerFactory.getLogger("blackbox.marketdata.MarketDataApp").info("marketdata-svc started");
                org.slf4j.LoggerFactory.getLogger("blackbox.candles.CandleApp").warn("store unreachable: retrying");
                julConsole.flush();
            }
            julRoot.removeHandler(julConsole);
        } finally {
            System.setErr(stderr);
        }
        String file = Files.readString(dir.resolve(UpLogs.FILE));
        for (String line : new String[] {"Helidon SE 4 features", "Started all channels", "marketdata-svc started",
                "store unreachable"}) {
            assertTrue(file.contains(line), () -> line + " in the log file: " + file);
        }
        String shown = console.toString(StandardCharsets.UTF_8);
        for (String line : new String[] {"Helidon SE 4 features", "Started all channels", "marketdata-svc started"}) {
            assertFalse(shown.contains(line), () -> "no INFO line on the console: " + shown);
        }
        assertTrue(shown.contains("store unreachable"), () -> "a warning on the console: " + shown);
        assertEquals(1, shown.lines().count(), shown);
    }
}
