package blackbox.cli.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desk commands' usage errors and failures: one line on stderr, exit 2 for bad usage and 1 otherwise. */
class DeskCommandLineTest {
    record Result(int code, String out, String err) {
    }

    static Result run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), env).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void oneLine(Result r, int code, String expected) {
        assertEquals(code, r.code(), r.out() + r.err());
        assertEquals(expected + System.lineSeparator(), r.err());
    }

    @Test
    void badOrderTermsAreUsageErrorsNamingTheOption(@TempDir Path config) {
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", config.toString());
        oneLine(run(env, "order", "send", "PETR4", "--account", "1", "--side", "up", "--qty", "100"), 2,
                "blackbox order send: --side must be buy or sell: --side up");
        oneLine(run(env, "order", "send", "PETR4", "--account", "1", "--side", "buy", "--qty", "0"), 2,
                "blackbox order send: --qty must be > 0: --qty 0");
        oneLine(run(env, "order", "send", "PETR4", "--account", "1", "--side", "buy", "--qty", "100", "--price", "3,50"), 2,
                "blackbox order send: --price must be a decimal number such as 38.50: --price 3,50");
        oneLine(run(env, "order", "send", "PETR4", "--account", "1", "--side", "buy", "--qty", "100", "--type", "twap"), 2,
                "blackbox order send: --type must be market, limit or stop-limit: --type twap");
        oneLine(run(env, "order", "replace", "c1"), 2, "blackbox order replace: give --qty, --price or --stop");
        oneLine(run(env, "block", "preview", "PETR4", "--side", "buy", "--method", "fixed"), 2,
                "blackbox block preview: give --account (repeatable) or --group");
        oneLine(run(env, "block", "send", "PETR4", "--side", "buy", "--method", "twap", "--account", "1=100"), 2,
                "blackbox block send: --method must be fixed, percent, equity or cash: --method twap");
        assertEquals(2, run(env, "order", "send", "PETR4", "--side", "buy", "--qty", "100").code(), "--account is required");
    }

    @Test
    void scopesAreParsedOrRefusedInOneLine(@TempDir Path config) {
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", config.toString());
        oneLine(run(env, "halt", "galaxy:1", "--reason", "x"), 2,
                "blackbox halt: SCOPE must be desk, account:ID, strategy:ID, instrument:SYMBOL or account_instrument:ID/SYMBOL: galaxy:1");
        oneLine(run(env, "resume", "account", "--reason", "x"), 2, "blackbox resume: SCOPE account needs a key, e.g. account:...: account");
        oneLine(run(env, "halt", "desk", "--reason", "x", "--mode", "sell-all"), 2,
                "blackbox halt: --mode must be keep, flatten or correct: --mode sell-all");
        assertEquals(Map.of("type", "instrument", "key", "PETR4:B"), Scopes.parse("instrument:PETR4:B"), "the type ends at the first colon");
        assertEquals(Map.of("type", "account_instrument", "key", "4512031/PETR4"), Scopes.parse("account-instrument:4512031/PETR4"));
        assertEquals(Map.of("type", "desk", "key", ""), Scopes.parse("desk"));
        assertEquals(2, run(env, "panic").code(), "--reason is required");
    }

    @Test
    void withoutALoginOrAWebBffTheCommandsSaySoInOneLine(@TempDir Path config) throws Exception {
        Map<String, String> none = Map.of("XDG_CONFIG_HOME", config.toString());
        Result r = run(none, "orders", "--endpoint", "web=127.0.0.1:" + closedPort());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("blackbox orders: not logged in"), r.err());
        int port = closedPort();
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", config.toString(), "BLACKBOX_USER", "trader", "BLACKBOX_PASSWORD", "pw");
        oneLine(run(env, "positions", "--endpoint", "web=127.0.0.1:" + port), 1,
                "blackbox positions: cannot reach web-bff at http://127.0.0.1:" + port + "/: is `blackbox up` running?");
    }

    @Test
    void aNewClOrdIdIsPrintableAndFresh() {
        String a = OrderCommand.newClOrdId();
        String b = OrderCommand.newClOrdId();
        assertTrue(a.matches("cli-[0-9a-z]+-[0-9a-z]+") && a.length() <= 64, a);
        assertTrue(!a.equals(b), a + " " + b);
    }
}
