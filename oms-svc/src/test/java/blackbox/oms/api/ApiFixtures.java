package blackbox.oms.api;

import blackbox.oms.core.ClientGroupId;
import blackbox.oms.core.DeskId;
import blackbox.oms.core.Fixtures;
import blackbox.oms.core.InstrumentRule;
import blackbox.oms.core.InstrumentRules;
import blackbox.oms.core.UserId;
import blackbox.oms.core.account.AccountRegistry;
import blackbox.oms.core.account.ClientAccount;
import blackbox.oms.core.account.DllAccount;
import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

final class ApiFixtures {
    static final Caller CALLER = new Caller(new UserId("ana"), "10.0.0.7:5000", Fixtures.T0);
    static final InstrumentRules RULES = InstrumentRules.of(List.of(
            new InstrumentRule(Fixtures.PETR4, 100, 100, Optional.of(new InstrumentId("PETR4F", "B"))),
            new InstrumentRule(new InstrumentId("WINM25", "F"), 1, 50_000, Optional.empty())));
    static final AccountRegistry ACCOUNTS = AccountRegistry.of(List.of(
            account("A1", true, "fund"), account("A2", true, "fund"), account("A3", false, "fund"),
            account("MASTER", true, "none")));

    private ApiFixtures() {
    }

    static ClientAccount account(String id, boolean enabled, String group) {
        return new ClientAccount(new AccountId(id), new DllAccount(308, "1000", id), new DeskId("equities"),
                Set.of(new ClientGroupId(group)), enabled);
    }

    static blackbox.gateway.v1.InstrumentId petr4() {
        return blackbox.gateway.v1.InstrumentId.newBuilder().setTicker("PETR4").setExchange("B").build();
    }
}
