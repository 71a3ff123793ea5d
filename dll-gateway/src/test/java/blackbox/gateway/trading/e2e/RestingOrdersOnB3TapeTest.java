package blackbox.gateway.trading.e2e;

import static blackbox.gateway.trading.e2e.TradingScenario.ANA;
import static blackbox.gateway.trading.e2e.TradingScenario.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.gateway.replay.ReplayEvent;
import blackbox.gateway.v1.ExecType;
import blackbox.gateway.v1.ExecutionReport;
import blackbox.gateway.v1.OrdStatus;
import blackbox.gateway.v1.OrdType;
import blackbox.gateway.v1.SendOrderResponse;
import blackbox.gateway.v1.Side;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Orders on the real B3 tape (PETR4, 2025-04-07) through gRPC → gateway → FFM → simulator and back: resting limits
 * at several prices and times, a market order, a marketable limit and a stop-limit. Every fill the reports carry
 * equals, in quantity, price and time, what {@link SimFillModel} computes from the file alone under the simulator's
 * documented rules; orders still open at 17:00 expire; every report's quantities are consistent.
 */
@Timeout(180)
class RestingOrdersOnB3TapeTest {
    static final long CONTINUOUS_FROM = B3Tape.at(10, 0, 0);
    static final long CONTINUOUS_TO = B3Tape.at(16, 55, 0);
    static final long SESSION_END = B3Tape.at(17, 0, 0);
    static final BigDecimal TICK = new BigDecimal("0.01");

    @Test
    void everyFillIsWhatTheTapeGivesUnderTheSimulatorsRules(@TempDir Path dir) throws Exception {
        B3Tape tape = B3Tape.load(dir);
        List<ReplayEvent> events = tape.events;
        List<SimFillModel.Order> model = new ArrayList<>();
        List<long[]> times = List.of(new long[] {10, 30}, new long[] {11, 45}, new long[] {13, 15}, new long[] {14, 40}, new long[] {15, 50});
        int n = 0;
        for (long[] hm : times) {
            long t = B3Tape.at((int) hm[0], (int) hm[1], 0);
            BigDecimal[] top = SimFillModel.topAt(events, t);
            BigDecimal bid = top[0];
            BigDecimal ask = top[1];
            model.add(new SimFillModel.Order("rest-" + (++n), true, 300, bid.subtract(TICK.multiply(BigDecimal.valueOf(2))), null, t));
            model.add(new SimFillModel.Order("rest-" + (++n), true, 1000, bid.subtract(TICK.multiply(BigDecimal.TEN)), null, t));
            model.add(new SimFillModel.Order("rest-" + (++n), false, 500, ask.add(TICK.multiply(BigDecimal.valueOf(3))), null, t));
            model.add(new SimFillModel.Order("rest-" + (++n), false, 2000, ask.add(TICK.multiply(BigDecimal.valueOf(15))), null, t));
            model.add(new SimFillModel.Order("rest-" + (++n), true, 100, bid, null, t));
            model.add(new SimFillModel.Order("far-" + (++n), true, 200, bid.subtract(new BigDecimal("2.50")), null, t));
            model.add(new SimFillModel.Order("far-" + (++n), false, 200, ask.add(new BigDecimal("2.50")), null, t));
        }
        long t11 = B3Tape.at(11, 0, 0);
        BigDecimal[] top11 = SimFillModel.topAt(events, t11);
        BigDecimal last11 = SimFillModel.lastTradeAt(events, t11);
        model.add(new SimFillModel.Order("market-buy", true, 200, null, null, t11));
        model.add(new SimFillModel.Order("cross-sell", false, 300, top11[0].subtract(TICK), null, t11));
        BigDecimal stop = last11.add(TICK.multiply(BigDecimal.TEN));
        model.add(new SimFillModel.Order("stop-buy", true, 400, stop.add(TICK.multiply(BigDecimal.valueOf(2))), stop, t11));
        model.sort(java.util.Comparator.comparingLong(SimFillModel.Order::afterTs));

        SimFillModel expected = new SimFillModel();
        expected.run(events, model, CONTINUOUS_FROM, CONTINUOUS_TO, SESSION_END);

        try (TradingScenario s = TradingScenario.start(tape.replay, dir.resolve("journal"), "", Map.of())) {
            long current = -1;
            for (SimFillModel.Order o : model) {
                if (o.afterTs() != current) {
                    s.h.advanceTo(o.afterTs());
                    current = o.afterTs();
                }
                OrdType type = o.market() ? OrdType.ORD_TYPE_MARKET : o.stop() != null ? OrdType.ORD_TYPE_STOP_LIMIT : OrdType.ORD_TYPE_LIMIT;
                SendOrderResponse r = s.send(order(o.key(), ANA, o.buy() ? Side.SIDE_BUY : Side.SIDE_SELL, type, o.qty(), o.limit(), o.stop()));
                assertFalse(r.getDuplicate());
                assertTrue(r.getOrder().getDll().getLocalOrderId() > 0, r.toString());
            }
            s.h.advanceTo(events.get(events.size() - 1).tsNanos());
            List<String> keys = model.stream().map(SimFillModel.Order::key).toList();
            s.awaitClosed(keys, 60_000);

            int fills = 0;
            int expiredCount = 0;
            Set<String> execIds = new HashSet<>();
            for (SimFillModel.Order o : model) {
                List<ExecutionReport> reports = s.reports.of(o.key());
                for (ExecutionReport r : reports) {
                    assertTrue(execIds.add(r.getExecId()), "ExecID repeated: " + r);
                    assertConsistent(r);
                }
                List<ExecutionReport> trades = reports.stream().filter(r -> r.getExecType() == ExecType.EXEC_TYPE_TRADE).toList();
                List<SimFillModel.Fill> want = expected.fills(o.key());
                assertEquals(want.size(), trades.size(), o.key() + ": fills " + want + " vs reports " + trades);
                BigDecimal value = BigDecimal.ZERO;
                long cum = 0;
                for (int i = 0; i < want.size(); i++) {
                    ExecutionReport t = trades.get(i);
                    assertEquals(want.get(i).qty(), t.getLastQty(), o.key() + " fill " + i);
                    assertEquals(0, want.get(i).price().compareTo(new BigDecimal(t.getLastPx())), o.key() + " fill " + i + ": " + t.getLastPx());
                    assertEquals(want.get(i).ts() / 1_000_000, t.getTsEvent() / 1_000_000, o.key() + " fill " + i + " time (ms)");
                    value = value.add(want.get(i).price().multiply(BigDecimal.valueOf(want.get(i).qty())));
                    cum += want.get(i).qty();
                    assertEquals(cum, t.getCumQty());
                    BigDecimal avg = value.divide(BigDecimal.valueOf(cum), MathContext.DECIMAL64);
                    assertTrue(avg.subtract(new BigDecimal(t.getAvgPx())).abs().compareTo(new BigDecimal("1e-9")) < 0,
                            o.key() + ": AvgPx " + t.getAvgPx() + " vs " + avg);
                }
                fills += want.size();
                ExecutionReport last = s.last(o.key());
                switch (expected.end(o.key())) {
                    case FILLED -> assertEquals(OrdStatus.ORD_STATUS_FILLED, last.getOrdStatus(), o.key());
                    case EXPIRED -> {
                        expiredCount++;
                        assertEquals(OrdStatus.ORD_STATUS_EXPIRED, last.getOrdStatus(), o.key());
                        assertEquals(ExecType.EXEC_TYPE_EXPIRED, last.getExecType());
                        assertEquals(SESSION_END, last.getTsEvent(), o.key() + ": expired at the session end");
                        assertTrue(last.getText().contains("expired: day order still open at the end of the b3-equities session (17:00)"), last.getText());
                    }
                    case OPEN -> throw new AssertionError(o.key() + " open at the end of the tape");
                }
                assertEquals(ExecType.EXEC_TYPE_PENDING_NEW, reports.get(0).getExecType(), o.key());
            }
            System.out.printf("B3 orders: %d orders, %d fills, %d expired at 17:00, %d reports%n", model.size(), fills, expiredCount,
                    s.reports.reports().size());
            assertTrue(fills >= 10 && expiredCount >= 3, "the scenario exercises fills and expiry: fills=" + fills + " expired=" + expiredCount);
            assertEquals(0, s.h.gateway.trading().engine().counters().invariantViolations());
            assertEquals(0, s.h.gateway.engine().overflows());
        }
    }

    /** FIX quantities: live LeavesQty + CumQty = OrderQty, closed LeavesQty = 0, and nothing said inconsistent. */
    static void assertConsistent(ExecutionReport r) {
        assertFalse(r.getText().contains("[inconsistent"), r.toString());
        if (TradingScenario.closed(r.getOrdStatus())) assertEquals(0, r.getLeavesQty(), r.toString());
        else if (r.getOrdStatus() != OrdStatus.ORD_STATUS_UNKNOWN) assertEquals(r.getOrderQty(), r.getLeavesQty() + r.getCumQty(), r.toString());
        assertTrue(r.getSequence() > 0);
    }
}
