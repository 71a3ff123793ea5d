package blackbox.gateway.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.gateway.GatewayConfig;
import blackbox.gateway.TestPaths;
import blackbox.gateway.trading.AccountKey;
import blackbox.platform.config.Config;
import blackbox.platform.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The routing-password file and the simulator roster as password sources; no message ever quotes a password. */
class RoutingPasswordsTest {
    static final AccountKey MASTER = new AccountKey(85, "4513007", "");
    static final AccountKey SUB = new AccountKey(85, "4513007", "001");
    static final AccountKey OTHER = new AccountKey(3, "7730015", "");

    private static Path file(Path dir, String text, String permissions) throws Exception {
        Path f = dir.resolve("routing-passwords");
        Files.writeString(f, text);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(permissions));
        return f;
    }

    @Test
    void linesGivePasswordsPerAccountAndASubAccountWithoutItsOwnUsesItsMasters(@TempDir Path dir) throws Exception {
        Path f = file(dir, """
                # broker:account[:sub]=password
                85:4513007=s3cr=t:with colons

                3:7730015:PGBL=pgbl-pw
                """, "rw-------");
        RoutingPasswords p = RoutingPasswords.fromFile(f);
        assertEquals(Optional.of("s3cr=t:with colons"), p.password(MASTER), "everything after the first '=' is the password");
        assertEquals(Optional.of("s3cr=t:with colons"), p.password(SUB), "a sub-account falls back to its master's password");
        assertEquals(Optional.of("pgbl-pw"), p.password(new AccountKey(3, "7730015", "PGBL")));
        assertFalse(p.routable(OTHER), "a master without a line is not routable, even if one of its sub-accounts has one");
        assertEquals(2, p.size());
        assertEquals("RoutingPasswords[2 accounts from " + f + "]", p.toString());
    }

    @Test
    void aFileOthersCanReadIsRefusedNamingItsPermissions(@TempDir Path dir) throws Exception {
        Path f = file(dir, "85:4513007=topsecret\n", "rw-r-----");
        var e = assertThrows(RoutingPasswords.PasswordFileException.class, () -> RoutingPasswords.fromFile(f));
        assertEquals(f + " must be readable by its owner only (chmod 600), has rw-r-----", e.getMessage());
    }

    @Test
    void aBadLineIsNamedByFileAndLineWithoutItsPassword(@TempDir Path dir) throws Exception {
        String[][] cases = {
                {"85:4513007 topsecret\n", ":1: expected broker:account[:sub]=password"},
                {"# c\nbroker:4513007=topsecret\n", ":2: broker must be an integer: value=\"broker:4513007\""},
                {"85:4513007=\n", ":1: empty password for 85:4513007"},
                {"85:4513007=topsecret\n85:4513007=topsecret\n", ":2: 85:4513007 listed twice"},
                {"85:a b=topsecret\n", ":1: account_id must be 1..39 characters without spaces, ':' or '=': account_id=\"a b\""},
        };
        for (String[] c : cases) {
            Path f = file(dir, c[0], "rw-------");
            var e = assertThrows(RoutingPasswords.PasswordFileException.class, () -> RoutingPasswords.fromFile(f), c[0]);
            assertEquals(f + c[1], e.getMessage());
            assertFalse(e.getMessage().contains("topsecret"), e.getMessage());
        }
    }

    @Test
    void theSimulatorRosterGivesEveryRowsPassword() throws Exception {
        RoutingPasswords p = RoutingPasswords.fromSimulatorRoster(TestPaths.demoRoster());
        assertEquals(26, p.size(), "24 client accounts and 2 sub-accounts");
        assertEquals(Optional.of("demo123"), p.password(SUB));
        assertFalse(p.toString().contains("demo123"), p.toString());
    }

    @Test
    void theConfiguredFileWinsOverTheRosterAndABadOneStopsTheStartNamingTheKey(@TempDir Path dir) throws Exception {
        Path f = file(dir, "85:4513007=only-this-one\n", "rw-------");
        GatewayConfig config = GatewayConfig.from(Config.of(Map.of(GatewayConfig.MARKET_ONLY, "false",
                GatewayConfig.ROUTING_PASSWORDS, f.toString(), GatewayConfig.JOURNAL_DIR, dir.resolve("journal").toString())));
        RoutingPasswords p = config.trading().passwords();
        assertEquals(1, p.size());
        assertTrue(p.routable(SUB));
        assertFalse(p.routable(new AccountKey(85, "4512031", "")), "the roster's accounts are not routable when a file is configured");
        assertFalse(config.toString().contains("only-this-one"), "no password in the configuration's toString");

        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw-rw-"));
        var e = assertThrows(ConfigException.class, () -> GatewayConfig.from(Config.of(Map.of(GatewayConfig.MARKET_ONLY, "false",
                GatewayConfig.ROUTING_PASSWORDS, f.toString(), GatewayConfig.JOURNAL_DIR, dir.resolve("journal").toString()))));
        assertEquals(GatewayConfig.ROUTING_PASSWORDS, e.key());
        assertTrue(e.getMessage().contains("must be readable by its owner only"), e.getMessage());
    }
}
