package blackbox.gateway.session;

import blackbox.platform.domain.InstrumentId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.gateway.TestPaths;
import blackbox.gateway.ffm.ProfitDLL;
import blackbox.gateway.trading.AccountInfo;
import blackbox.gateway.trading.AccountKey;
import blackbox.gateway.trading.OrderSide;
import blackbox.gateway.trading.OrderSnapshot;
import blackbox.gateway.trading.OrderType;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The routing callbacks and requests of {@link ProfitSession} through the real FFM binding against the simulator,
 * without the engine: what the hand-off ring carries for one order.
 */
@Timeout(60)
class RoutingThroughFfmTest {
    static final AccountKey ACCOUNT = new AccountKey(85, "4513007", "");
    private final ProfitDLL dll = ProfitDLL.load(TestPaths.simulatorLibrary());
    private final RingBuffer<DllEvent> ring = HandoffRing.create(1 << 12);
    private final EventPoller<DllEvent> poller = ring.newPoller();
    private final List<String> seen = new ArrayList<>();
    private ProfitSession session;

    RoutingThroughFfmTest() {
        ring.addGatingSequences(poller.getSequence());
    }

    @AfterEach
    void finish() {
        if (session != null) session.close();
    }

    private void start() throws Exception {
        Map<String, String> sim = new LinkedHashMap<>();
        sim.put("replay.files", TestPaths.sampleReplay().toString());
        sim.put("replay.speed", "max");
        sim.put("replay.start", "manual");
        sim.put("routing.roster", TestPaths.demoRoster().toString());
        SessionOptions options = new SessionOptions(false, "SIMULATOR", "demo", "demo", ZoneId.of("America/Sao_Paulo"), sim);
        session = ProfitSession.start(dll, options, ring, new WallClock(),
                new RoutingOptions(RoutingPasswords.fromSimulatorRoster(TestPaths.demoRoster()), false));
        await(e -> e.kind == DllEvent.STATE && e.a == 1 && e.b == 5, "routing connected");
        await(e -> e.kind == DllEvent.STATE && e.a == 2 && e.b == 4, "market data connected");
    }

    /** Polls the ring until an event matches, keeping a line per event. */
    private DllEvent await(Predicate<DllEvent> match, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        DllEvent[] found = {null};
        while (found[0] == null) {
            try {
                poller.poll((e, seq, end) -> {
                    seen.add(e.toString());
                    if (match.test(e)) {
                        found[0] = e;
                        return false;
                    }
                    return true;
                });
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            if (found[0] == null) {
                if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what + "; saw " + seen);
                Thread.sleep(1);
            }
        }
        return found[0];
    }

    @Test
    void aLimitOrderGivesItsTradingMessagesAndItsOrderEventWithEveryField() throws Exception {
        start();
        List<AccountInfo> accounts = session.routing().accounts().items();
        assertTrue(accounts.size() >= 20, accounts.toString());
        AccountInfo withSub = accounts.stream().filter(a -> a.key().equals(ACCOUNT)).findFirst().orElseThrow();
        assertEquals("BTG Pactual CTVM", withSub.brokerName());
        assertEquals(1, withSub.subAccounts().size());
        assertEquals(new AccountKey(85, "4513007", "001"), withSub.subAccounts().get(0).key());

        RoutingCalls.SendResult sent = session.routing().sendOrder(ACCOUNT, new InstrumentId("BTCUSDT", "SPOT"), OrderSide.BUY,
                OrderType.LIMIT, 100_000, 1000.5, -1);
        assertTrue(sent.sent(), sent.toString());
        assertTrue(sent.messageId() > 0, sent.toString());
        DllEvent tmr = await(e -> e.kind == DllEvent.TRADING_MESSAGE, "a trading message");
        assertEquals(sent.localOrderId(), tmr.order.localOrderId);
        assertEquals(sent.messageId(), tmr.order.messageId);
        assertEquals(85, tmr.order.brokerId);
        DllEvent order = await(e -> e.kind == DllEvent.ORDER, "the order event");
        OrderSnapshot s = order.order.snapshot(order.instrument);
        System.out.println("order event: " + s + "\nevents: " + seen);
        assertEquals(sent.localOrderId(), s.localOrderId());
        assertTrue(s.clOrderId().matches("\\d{8}-\\d{6,}"), s.clOrderId());
        assertEquals(ACCOUNT, s.account());
        assertEquals(new InstrumentId("BTCUSDT", "SPOT"), s.instrument());
        assertEquals(1, s.side());
        assertEquals(2, s.orderType());
        assertEquals(0, s.status());
        assertEquals(100_000, s.orderQty());
        assertEquals(100_000, s.leavesQty());
        assertEquals(1000.5, s.price());
        assertTrue(s.createdNanos() > 0 && s.updatedNanos() >= s.createdNanos(), s.toString());
        assertTrue(s.eventId() > 0);

        List<OrderSnapshot> history = session.routing().orders(ACCOUNT, 0, 0).items();
        assertEquals(List.of(s.clOrderId()), history.stream().map(OrderSnapshot::clOrderId).toList());
        assertEquals(s.orderQty(), history.get(0).orderQty());

        RoutingCalls.RequestResult cancel = session.routing().cancelOrder(ACCOUNT, 0, s.clOrderId());
        assertTrue(cancel.call().ok(), cancel.toString());
        DllEvent canceled = await(e -> e.kind == DllEvent.ORDER && e.order.status == 4, "the cancel");
        assertEquals(0, canceled.order.leavesQuantity);
        assertEquals(0, session.lostOrderEvents().lost());
    }

    @Test
    void anAccountWithoutAPasswordIsRefusedBeforeTheDll() throws Exception {
        start();
        RoutingCalls.SendResult r = session.routing().sendOrder(new AccountKey(85, "999", ""), new InstrumentId("BTCUSDT", "SPOT"),
                OrderSide.BUY, OrderType.LIMIT, 1, 1, -1);
        assertEquals(NResult.NL_NO_PASSWORD, r.result());
    }
}
