package blackbox.oms.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.oms.core.Algorithm;
import blackbox.oms.core.BlockId;
import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.EventType;
import blackbox.oms.core.Fixtures;
import blackbox.oms.core.InstrumentRule;
import blackbox.oms.core.OrdStatus;
import blackbox.oms.core.OrdType;
import blackbox.oms.core.TimeInForce;
import blackbox.oms.core.TradeDates;
import blackbox.oms.core.UserId;
import blackbox.oms.core.allocation.AllocationMethod;
import blackbox.oms.core.allocation.CumulativeAllocation;
import blackbox.oms.core.allocation.Participant;
import blackbox.oms.core.allocation.ResidualRule;
import blackbox.oms.core.allocation.TieBreak;
import blackbox.oms.core.block.BlockCommand;
import blackbox.oms.core.block.BlockPlan;
import blackbox.oms.core.block.BlockPlanner;
import blackbox.oms.core.block.Routing;
import blackbox.platform.db.Database;
import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(300)
class BlockStoreTest {
    static final InstrumentRule PETR4 = new InstrumentRule(Fixtures.PETR4, 100, 100, Optional.of(new InstrumentId("PETR4F", "B")));
    final Database db = TestDatabase.shared();
    final BlockStore blocks = new BlockStore(db.jdbi());
    final OrderStore orders = new OrderStore(db.jdbi(), TradeDates.B3);

    @BeforeEach
    void empty() {
        TestDatabase.reset(db, 0);
    }

    static BlockPlan plan(String id, int accounts, long total, AllocationMethod method, Routing routing, String weight) {
        List<Participant> ps = new ArrayList<>();
        for (int i = 1; i <= accounts; i++) ps.add(new Participant(new AccountId("A" + i), new BigDecimal(weight)));
        BlockCommand command = new BlockCommand(new BlockId(id), Fixtures.PETR4, Side.SELL, OrdType.LIMIT, 385_000, 0,
                TimeInForce.DAY, Optional.empty(), Optional.empty(), Algorithm.Full.INSTANCE, method, total, ps,
                TieBreak.ACCOUNT_ASCENDING, ResidualRule.REPORT, routing,
                routing == Routing.AVERAGE_PRICE ? Optional.of(new AccountId("A1")) : Optional.empty(), "rebalance");
        AccountStore accountStore = new AccountStore(TestDatabase.shared().jdbi());
        return assertInstanceOf(BlockPlanner.PlanOutcome.Planned.class, BlockPlanner.plan(command, new UserId("ana"),
                Fixtures.T0, Fixtures.TRADE_DATE, accountStore.registry(), PETR4)).plan();
    }

    static AuditCommand submit(String id) {
        return new AuditCommand(Fixtures.T0, new UserId("ana"), "10.0.0.7:1", "SubmitBlock", Optional.empty(),
                Optional.of(new BlockId(id)), Optional.empty(), "{}");
    }

    void accounts(int n) {
        AccountStore store = new AccountStore(db.jdbi());
        for (int i = 1; i <= n; i++) store.upsert(TestDatabase.account(i));
    }

    @Test
    void fiveThousandChildrenArePersistedInOneTransactionAndARetryFindsThem() {
        accounts(5_000);
        BlockPlan plan = plan("B-5000", 5_000, 1_000_050, AllocationMethod.EQUITY, Routing.PER_ACCOUNT, "1");
        BlockCreateResult created = blocks.createBlock(plan, submit("B-5000"));
        assertEquals(CreateResult.Kind.CREATED, created.kind());
        assertEquals(5_000, created.children().size());
        StoredBlock stored = blocks.find(new BlockId("B-5000")).orElseThrow();
        assertEquals(plan.block(), stored.block(), "block, policy and allocation round-trip");
        List<StoredOrder> children = blocks.children(new BlockId("B-5000"));
        assertEquals(5_000, children.size());
        assertEquals(plan.children(), children.stream().map(StoredOrder::order).toList());
        for (StoredOrder c : children) assertTrue(c.lastSequence() > 0);
        assertEquals(5_000, orders.eventsAfter(new EventQuery(0, List.of(), java.util.Set.of(EventType.CREATED),
                Optional.of(new BlockId("B-5000")), 10_000)).size());
        BlockCreateResult retry = blocks.createBlock(plan, submit("B-5000"));
        assertEquals(CreateResult.Kind.DUPLICATE, retry.kind());
        assertEquals(5_000, retry.children().size());
    }

    @Test
    void anotherRequestUnderTheSameBlockIdConflictsAndWritesNothingMore() {
        accounts(3);
        blocks.createBlock(plan("B-1", 3, 900, AllocationMethod.EQUITY, Routing.PER_ACCOUNT, "1"), submit("B-1"));
        BlockCreateResult other = blocks.createBlock(plan("B-1", 3, 1200, AllocationMethod.EQUITY, Routing.PER_ACCOUNT, "1"),
                submit("B-1"));
        assertEquals(CreateResult.Kind.CONFLICT, other.kind());
        assertEquals("total_qty differs: stored=900, now=1200", other.conflict());
        assertEquals(3, blocks.children(new BlockId("B-1")).size());
        assertEquals(900, blocks.find(new BlockId("B-1")).orElseThrow().block().allocation().totalQty());
        // equity moves between retries: the same accounts with other equity is the same block
        assertEquals(CreateResult.Kind.DUPLICATE, blocks.createBlock(
                plan("B-1", 3, 900, AllocationMethod.EQUITY, Routing.PER_ACCOUNT, "2"), submit("B-1")).kind());
    }

    @Test
    void aChildClOrdIdThatIsAlreadyAnOrderFailsTheWholeBlock() {
        accounts(3);
        orders.createOrder(OrderStoreTest.order("B-2/2", "A1", 100), OrderStoreTest.submit("B-2/2", "A1"));
        BlockCreateResult r = blocks.createBlock(plan("B-2", 3, 900, AllocationMethod.EQUITY, Routing.PER_ACCOUNT, "1"),
                submit("B-2"));
        assertEquals(CreateResult.Kind.CONFLICT, r.kind());
        assertEquals("a child's ClOrdID is already an order: cl_ord_id=\"B-2/2\"", r.conflict());
        assertTrue(blocks.find(new BlockId("B-2")).isEmpty());
        assertTrue(orders.find(new ClOrdId("B-2/1")).isEmpty(), "nothing half-written");
    }

    @Test
    void anAveragePriceBlocksAllocationIsStoredCumulativelyAndNeverDecreases() {
        accounts(3);
        BlockPlan plan = plan("B-3", 3, 1000, AllocationMethod.EQUITY, Routing.AVERAGE_PRICE, "1");
        blocks.createBlock(plan, submit("B-3"));
        assertEquals(1, plan.children().size());
        CumulativeAllocation a = blocks.cumulative(new BlockId("B-3"), 0).allocate(200);
        blocks.recordAllocation(new BlockId("B-3"), a);
        CumulativeAllocation resumed = blocks.cumulative(new BlockId("B-3"), 200);
        assertEquals(200, resumed.allocatedQty());
        assertEquals(a.report(77_000_000L), resumed.report(77_000_000L));
        CumulativeAllocation more = resumed.allocate(700);
        blocks.recordAllocation(new BlockId("B-3"), more);
        assertEquals(700, blocks.find(new BlockId("B-3")).orElseThrow().allocated().values().stream().mapToLong(Long::longValue).sum());
        // an older allocation (less for someone) is refused whole
        assertThrows(IllegalStateException.class, () -> blocks.recordAllocation(new BlockId("B-3"), a));
        assertEquals(700, blocks.find(new BlockId("B-3")).orElseThrow().allocated().values().stream().mapToLong(Long::longValue).sum());
        assertFalse(orders.openOrders(new AccountId("A1")).isEmpty());
        assertEquals(OrdStatus.PENDING_NEW, orders.openOrders(new AccountId("A1")).getFirst().order().status());
    }
}
