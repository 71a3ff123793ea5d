package blackbox.oms.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.oms.OmsConfig;
import blackbox.oms.core.ClientGroupId;
import blackbox.oms.core.account.ClientAccount;
import blackbox.oms.core.account.DllAccount;
import blackbox.oms.testing.OmsPart;
import blackbox.platform.config.Config;
import blackbox.platform.config.ConfigException;
import blackbox.platform.domain.InstrumentId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountsFileTest {
    @TempDir
    Path dir;

    Path file(String text) throws Exception {
        Path f = dir.resolve("accounts.csv");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void readsOmsSvcsOwnFormatWithSubAccountsDesksAndSeveralGroups() throws Exception {
        List<ClientAccount> accounts = AccountsFile.read(file("""
                # blackbox-oms-accounts v1
                account,broker_id,dll_account_id,sub_account_id,name,desk,client_group
                # a comment
                ana,85,4512031,,Ana Beatriz Carvalho,acoes,long-only
                isabela.cripto,85,4513007,001,Isabela Gomes Pereira,macro,macro;cripto
                """));
        assertEquals(2, accounts.size());
        ClientAccount isabela = accounts.get(1);
        assertEquals("isabela.cripto", isabela.id().value());
        assertEquals(new DllAccount(85, "4513007", "001"), isabela.dll());
        assertEquals("macro", isabela.desk().value());
        assertEquals(Set.of(new ClientGroupId("macro"), new ClientGroupId("cripto")), isabela.groups());
    }

    @Test
    void readsTheSimulatorsRosterAsTheGatewayDoes() throws Exception {
        List<ClientAccount> demo = AccountsFile.read(OmsPart.DEMO_ROSTER);
        assertEquals(26, demo.size());
        ClientAccount sub = demo.stream().filter(a -> a.id().value().equals("4513007.001")).findFirst().orElseThrow();
        assertEquals(new DllAccount(85, "4513007", "001"), sub.dll());
        assertEquals(Set.of(new ClientGroupId("multimercado-macro")), sub.groups());
        assertEquals(AccountsFile.ROSTER_DESK, sub.desk().value());
        assertFalse(demo.stream().filter(a -> a.id().value().equals("4513120")).findFirst().orElseThrow().enabled(), "enabled=0");
        assertEquals("acoes-long-only", AccountsFile.slug("Ações Long Only"));
        assertEquals("previdencia", AccountsFile.slug("Previdência"));
    }

    @Test
    void errorsNameFileLineFieldAndValue() throws Exception {
        String header = "# blackbox-oms-accounts v1\naccount,broker_id,dll_account_id,sub_account_id,name,desk,client_group\n";
        Path f = file(header + "ana,x85,4512031,,Ana,acoes,\n");
        AccountsFile.AccountsFileException e = assertThrows(AccountsFile.AccountsFileException.class, () -> AccountsFile.read(f));
        assertEquals(f + ":3: field broker_id: value \"x85\": must be an integer > 0", e.getMessage());
        Path twice = file(header + "ana,85,1,,Ana,acoes,\nana,85,2,,Ana,acoes,\n");
        assertTrue(assertThrows(AccountsFile.AccountsFileException.class, () -> AccountsFile.read(twice)).getMessage()
                .endsWith(":4: field account: value \"ana\": listed twice (also line 3)"));
        Path bad = file(header + "ana beatriz,85,1,,Ana,acoes,\n");
        assertTrue(assertThrows(AccountsFile.AccountsFileException.class, () -> AccountsFile.read(bad)).getMessage()
                .contains("field account: value \"ana beatriz\": must match [A-Za-z0-9._-]{1,32}"));
        Path magic = file("account,broker_id\n");
        assertTrue(assertThrows(AccountsFile.AccountsFileException.class, () -> AccountsFile.read(magic)).getMessage()
                .contains(":1: the first line must be"));
    }

    @Test
    void theInstrumentMasterHasRowsAndTheSimulatorsDefaults() throws Exception {
        Path f = dir.resolve("instruments.csv");
        Files.writeString(f, "# blackbox-sim-instruments v1\nticker,exchange,lot,tick,max_quantity,hours\nVALE3,B,10,0.05,,\n");
        InstrumentMaster m = InstrumentMaster.read(f);
        var vale = m.find(new InstrumentId("VALE3", "B")).orElseThrow();
        assertEquals(10, vale.lot());
        assertEquals(500, vale.tick());
        var petr = m.find(new InstrumentId("PETR4", "B")).orElseThrow();
        assertEquals(100, petr.lot());
        assertEquals(new InstrumentId("PETR4F", "B"), petr.fractional().orElseThrow());
        assertEquals(1, m.find(new InstrumentId("PETR4F", "B")).orElseThrow().lot());
        assertEquals(50_000, m.find(new InstrumentId("WINJ25", "F")).orElseThrow().tick());
        assertEquals(2_000, m.riskRules(new InstrumentId("WINJ25", "F")).pointValue());
        assertFalse(m.riskRules(new InstrumentId("WINJ25", "F")).saleNeedsCover());
        assertTrue(m.riskRules(new InstrumentId("PETR4", "B")).saleNeedsCover());
    }

    @Test
    void configurationIsValidatedNamingTheKey() throws Exception {
        Path accounts = file("# blackbox-oms-accounts v1\n");
        ConfigException missing = assertThrows(ConfigException.class, () -> OmsConfig.from(Config.of(Map.of())));
        assertTrue(missing.getMessage().contains(OmsConfig.ACCOUNTS), missing.getMessage());
        ConfigException positions = assertThrows(ConfigException.class, () -> OmsConfig.from(Config.of(Map.of(
                OmsConfig.ACCOUNTS, accounts.toString(), OmsConfig.POSITIONS, "positions-svc"))));
        assertTrue(positions.getMessage().contains(OmsConfig.POSITIONS) && positions.getMessage().contains("host:port or none"), positions.getMessage());
        ConfigException inFlight = assertThrows(ConfigException.class, () -> OmsConfig.from(Config.of(Map.of(
                OmsConfig.ACCOUNTS, accounts.toString(), OmsConfig.MAX_IN_FLIGHT, "0"))));
        assertTrue(inFlight.getMessage().contains(OmsConfig.MAX_IN_FLIGHT), inFlight.getMessage());
        OmsConfig ok = OmsConfig.from(Config.of(Map.of(OmsConfig.ACCOUNTS, accounts.toString())));
        assertEquals(50054, ok.port());
        assertEquals(512, ok.maxInFlight());
    }
}
