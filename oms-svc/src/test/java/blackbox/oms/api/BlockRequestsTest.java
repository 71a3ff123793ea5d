package blackbox.oms.api;

import static blackbox.oms.api.ApiFixtures.ACCOUNTS;
import static blackbox.oms.api.ApiFixtures.CALLER;
import static blackbox.oms.api.ApiFixtures.RULES;
import static blackbox.oms.api.ApiFixtures.petr4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import blackbox.oms.core.InstrumentRule;
import blackbox.oms.core.TradeDates;
import blackbox.oms.core.allocation.AllocationOutcome;
import blackbox.oms.core.block.BlockCommand;
import blackbox.oms.core.block.BlockPlanner;
import blackbox.oms.core.block.Routing;
import blackbox.oms.v1.AllocationMethod;
import blackbox.oms.v1.BlockAccount;
import blackbox.oms.v1.BlockPreview;
import blackbox.oms.v1.BlockRequest;
import blackbox.oms.v1.OrdType;
import blackbox.oms.v1.ResidualRule;
import blackbox.oms.v1.Side;
import blackbox.platform.domain.AccountId;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlockRequestsTest {
    static BlockRequest.Builder percent() {
        return BlockRequest.newBuilder().setBlockId("B-1").setInstrument(petr4()).setSide(Side.SIDE_BUY)
                .setOrdType(OrdType.ORD_TYPE_LIMIT).setPrice("38.50").setMethod(AllocationMethod.ALLOCATION_METHOD_PERCENT)
                .setTotalQty(1000)
                .addAccounts(BlockAccount.newBuilder().setAccount("A1").setPercent("70"))
                .addAccounts(BlockAccount.newBuilder().setAccount("A2").setPercent("30"));
    }

    static Validated<BlockCommand> validate(BlockRequest.Builder b, Balances balances) {
        return BlockRequests.validate(b.build(), CALLER, ACCOUNTS, RULES, balances, TradeDates.B3);
    }

    @Test
    void aPercentBlockPreviewsItsAllocationPerAccount() {
        BlockCommand command = validate(percent(), Balances.NONE).orElseThrow();
        InstrumentRule rule = RULES.find(command.instrument()).orElseThrow();
        var allocation = assertInstanceOf(AllocationOutcome.Allocated.class, BlockPlanner.preview(command, rule)).allocation();
        BlockPreview preview = Protos.preview(allocation, BlockPlanner.policy(command, rule));
        assertEquals(700, preview.getAllocations(0).getQuantity());
        assertEquals("700", preview.getAllocations(0).getTargetQty());
        assertEquals(300, preview.getAllocations(1).getQuantity());
        assertEquals(0, preview.getResidualQty());
        assertEquals(100, preview.getPolicy().getLotSize());
    }

    @Test
    void equityWeightsComeFromTheRequestOrFromPositionsSvc() {
        BlockRequest.Builder equity = BlockRequest.newBuilder(percent().build()).clearAccounts()
                .setMethod(AllocationMethod.ALLOCATION_METHOD_EQUITY).addAccounts(BlockAccount.newBuilder().setAccount("A1"))
                .addAccounts(BlockAccount.newBuilder().setAccount("A2").setWeight("5000.00"));
        assertEquals("no equity known for account A1: give accounts[0].weight",
                validate(equity, Balances.NONE).status().getDescription());
        Balances balances = new Balances() {
            final Map<AccountId, BigDecimal> equities = Map.of(new AccountId("A1"), new BigDecimal("15000.00"));

            @Override
            public Optional<BigDecimal> equity(AccountId account) {
                return Optional.ofNullable(equities.get(account));
            }

            @Override
            public Optional<BigDecimal> cash(AccountId account) {
                return Optional.empty();
            }
        };
        BlockCommand command = validate(equity, balances).orElseThrow();
        assertEquals(new BigDecimal("15000.00"), command.participants().get(0).weight());
        assertEquals(new BigDecimal("5000.00"), command.participants().get(1).weight());
    }

    @Test
    void aClientGroupIsItsEnabledAccountsByEquityOrCash() {
        BlockRequest.Builder group = BlockRequest.newBuilder(percent().build()).clearAccounts().setClientGroup("fund");
        assertEquals("a client_group is allocated by EQUITY or CASH only: method=ALLOCATION_METHOD_PERCENT",
                validate(group, Balances.NONE).status().getDescription());
        Balances ones = new Balances() {
            @Override
            public Optional<BigDecimal> equity(AccountId account) {
                return Optional.of(BigDecimal.ONE);
            }

            @Override
            public Optional<BigDecimal> cash(AccountId account) {
                return Optional.of(new BigDecimal("-10"));
            }
        };
        BlockCommand command = validate(group.setMethod(AllocationMethod.ALLOCATION_METHOD_EQUITY), ones).orElseThrow();
        assertEquals(2, command.participants().size(), "A3 is disabled");
        BlockCommand cash = validate(group.setMethod(AllocationMethod.ALLOCATION_METHOD_CASH), ones).orElseThrow();
        assertEquals(BigDecimal.ZERO, cash.participants().getFirst().weight(), "negative cash weighs nothing");
    }

    @Test
    void routingAndResidualRulesAreChecked() {
        assertEquals("give either accounts or client_group: accounts=2, client_group=\"fund\"",
                validate(percent().setClientGroup("fund"), Balances.NONE).status().getDescription());
        assertEquals("master_account must match [A-Za-z0-9._-]{1,32}: master_account=\"\"",
                validate(percent().setRouting(blackbox.oms.v1.Routing.ROUTING_AVERAGE_PRICE), Balances.NONE).status().getDescription());
        assertEquals(Routing.AVERAGE_PRICE, validate(percent().setRouting(blackbox.oms.v1.Routing.ROUTING_AVERAGE_PRICE)
                .setMasterAccount("MASTER"), Balances.NONE).orElseThrow().routing());
        assertEquals("instrument WINM25:F has no fractional market: residual=RESIDUAL_RULE_FRACTIONAL",
                validate(percent().setInstrument(blackbox.gateway.v1.InstrumentId.newBuilder().setTicker("WINM25").setExchange("F"))
                        .setPrice("130000").setResidual(ResidualRule.RESIDUAL_RULE_FRACTIONAL), Balances.NONE).status().getDescription());
        assertEquals("accounts[1].percent must be 0..100: accounts[1].percent=\"130\"",
                validate(percent().setAccounts(1, BlockAccount.newBuilder().setAccount("A2").setPercent("130")), Balances.NONE)
                        .status().getDescription());
    }
}
