package blackbox.positions.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import blackbox.platform.domain.AccountId;
import blackbox.testkit.TestStack;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class AccountsFileTest {
    @Test
    void theSimulatorsDemoRosterNamesAccountsAsOmsSvcDoes() throws Exception {
        var roster = TestStack.repoFile("dll-gateway/native/sim/demo-roster.csv");
        AccountsFile.Accounts a = AccountsFile.parse("demo-roster.csv", Files.readString(roster));
        assertEquals(new AccountsFile.DllAccount(85, "4512031", ""), a.dll().get(new AccountId("4512031")));
        assertEquals(new AccountsFile.DllAccount(85, "4513007", "001"), a.dll().get(new AccountId("4513007.001")));
        assertEquals(new AccountsFile.DllAccount(3, "7730015", "PGBL"), a.dll().get(new AccountId("7730015.PGBL")));
        assertEquals("acoes-long-only", a.groups().get(new AccountId("4512031")));
        assertEquals("previdencia", a.groups().get(new AccountId("7730015")));
        assertEquals(26, a.dll().size());
    }

    @Test
    void omsSvcsOwnFormatGivesTheFirstClientGroup() {
        AccountsFile.Accounts a = AccountsFile.parse("accounts.csv", """
                # blackbox-oms-accounts v1
                account,broker_id,dll_account_id,sub_account_id,name,desk,client_group
                ana,85,4512031,,Ana Beatriz Carvalho,acoes,long-only
                isabela.cripto,85,4513007,001,Isabela Gomes Pereira,macro,macro;cripto
                """);
        assertEquals(new AccountsFile.DllAccount(85, "4513007", "001"), a.dll().get(new AccountId("isabela.cripto")));
        assertEquals("macro", a.groups().get(new AccountId("isabela.cripto")));
    }

    @Test
    void aBadLineNamesFileLineFieldAndValue() {
        ConfigFileException e = assertThrows(ConfigFileException.class, () -> AccountsFile.parse("accounts.csv", """
                # blackbox-oms-accounts v1
                account,broker_id,dll_account_id,sub_account_id,name,desk,client_group
                ana,zero,4512031,,Ana,acoes,
                """));
        assertEquals("accounts.csv line 3: broker_id must be an integer: broker_id=\"zero\"", e.getMessage());
        ConfigFileException magic = assertThrows(ConfigFileException.class, () -> AccountsFile.parse("x.csv", "account,x\n"));
        assertEquals("x.csv line 1: the first line must be \"# blackbox-oms-accounts v1\" or \"# blackbox-sim-roster v1\": "
                + "line=\"account,x\"", magic.getMessage());
    }
}
