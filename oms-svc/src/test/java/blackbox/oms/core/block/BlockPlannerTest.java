package blackbox.oms.core.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.oms.core.Algorithm;
import blackbox.oms.core.BlockId;
import blackbox.oms.core.DeskId;
import blackbox.oms.core.Fixtures;
import blackbox.oms.core.InstrumentRule;
import blackbox.oms.core.OrdStatus;
import blackbox.oms.core.OrdType;
import blackbox.oms.core.Order;
import blackbox.oms.core.TimeInForce;
import blackbox.oms.core.UserId;
import blackbox.oms.core.account.AccountRegistry;
import blackbox.oms.core.account.ClientAccount;
import blackbox.oms.core.account.DllAccount;
import blackbox.oms.core.allocation.AllocationMethod;
import blackbox.oms.core.allocation.Participant;
import blackbox.oms.core.allocation.ResidualRule;
import blackbox.oms.core.allocation.TieBreak;
import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BlockPlannerTest {
    static final InstrumentRule PETR4 = new InstrumentRule(Fixtures.PETR4, 100, 100,
            Optional.of(new InstrumentId("PETR4F", "B")));

    static AccountRegistry registry(int n) {
        List<ClientAccount> accounts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            accounts.add(new ClientAccount(new AccountId(String.format("C%05d", i)), new DllAccount(308, "1000", "S" + i),
                    new DeskId("equities"), Set.of(), true));
        }
        accounts.add(new ClientAccount(new AccountId("MASTER"), new DllAccount(308, "1000", ""), new DeskId("equities"),
                Set.of(), true));
        return AccountRegistry.of(accounts);
    }

    static BlockCommand command(List<Participant> ps, long total, ResidualRule rule, Routing routing) {
        return new BlockCommand(new BlockId("BLK-1"), Fixtures.PETR4, Side.BUY, OrdType.LIMIT, 385_000, 0,
                TimeInForce.DAY, Optional.empty(), Optional.empty(), Algorithm.Full.INSTANCE, AllocationMethod.EQUITY, total,
                ps, TieBreak.ACCOUNT_ASCENDING, rule, routing,
                routing == Routing.AVERAGE_PRICE ? Optional.of(new AccountId("MASTER")) : Optional.empty(), "");
    }

    static List<Participant> equal(int n) {
        List<Participant> ps = new ArrayList<>();
        for (int i = 0; i < n; i++) ps.add(new Participant(new AccountId(String.format("C%05d", i)), BigDecimal.TEN));
        return ps;
    }

    static BlockPlan planned(BlockCommand command, AccountRegistry accounts) {
        return assertInstanceOf(BlockPlanner.PlanOutcome.Planned.class,
                BlockPlanner.plan(command, new UserId("ana"), Fixtures.T0, Fixtures.TRADE_DATE, accounts, PETR4)).plan();
    }

    @Test
    void perAccountRoutingMakesOneChildPerAccountWithLotsAndNumberedIds() {
        BlockPlan plan = planned(command(equal(3), 1050, ResidualRule.REPORT, Routing.PER_ACCOUNT), registry(3));
        assertEquals(List.of("BLK-1/1", "BLK-1/2", "BLK-1/3"), plan.children().stream().map(o -> o.clOrdId().value()).toList());
        assertEquals(List.of(400L, 300L, 300L), plan.children().stream().map(Order::orderQty).toList());
        for (Order child : plan.children()) {
            assertEquals(OrdStatus.PENDING_NEW, child.status());
            assertEquals(Optional.of(new BlockId("BLK-1")), child.spec().block());
            assertEquals(385_000, child.price());
        }
        assertEquals(50, plan.block().allocation().residualQty());
        assertEquals(plan.block().children(), plan.children().stream().map(Order::clOrdId).toList());
    }

    @Test
    void theFractionalRuleAddsAChildOnTheFractionalInstrumentPerAccount() {
        BlockPlan plan = planned(command(equal(2), 250, ResidualRule.FRACTIONAL, Routing.PER_ACCOUNT), registry(2));
        assertEquals(4, plan.children().size());
        assertEquals(new InstrumentId("PETR4F", "B"), plan.children().get(1).spec().instrument());
        assertEquals(List.of(100L, 25L, 100L, 25L), plan.children().stream().map(Order::orderQty).toList());
        assertEquals(Optional.of(new InstrumentId("PETR4F", "B")), plan.block().policy().fractional());
    }

    @Test
    void averagePriceRoutingSendsOneOrderInTheMasterAccount() {
        BlockPlan plan = planned(command(equal(3), 1050, ResidualRule.REPORT, Routing.AVERAGE_PRICE), registry(3));
        assertEquals(1, plan.children().size());
        assertEquals(new AccountId("MASTER"), plan.children().getFirst().spec().account());
        assertEquals(1000, plan.children().getFirst().orderQty());
        assertEquals(Routing.AVERAGE_PRICE, plan.block().policy().routing());
    }

    @Test
    void fiveThousandAccountsPlanFiveThousandChildren() {
        BlockPlan plan = planned(command(equal(5_000), 1_000_000, ResidualRule.REPORT, Routing.PER_ACCOUNT), registry(5_000));
        assertEquals(5_000, plan.children().size());
        long sum = 0;
        for (Order child : plan.children()) {
            assertEquals(200, child.orderQty());
            sum += child.orderQty();
        }
        assertEquals(1_000_000, sum);
        assertEquals("BLK-1/5000", plan.children().getLast().clOrdId().value());
    }

    @Test
    void anAllocationRefusalNamesTheField() {
        BlockPlanner.PlanOutcome.Refused refused = assertInstanceOf(BlockPlanner.PlanOutcome.Refused.class,
                BlockPlanner.plan(command(equal(2), 0, ResidualRule.REPORT, Routing.PER_ACCOUNT), new UserId("ana"),
                        Fixtures.T0, Fixtures.TRADE_DATE, registry(2), PETR4));
        assertEquals("total_qty", refused.field());
        assertTrue(refused.message().contains("total_qty=0"));
    }
}
