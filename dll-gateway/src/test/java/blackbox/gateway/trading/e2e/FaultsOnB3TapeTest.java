package blackbox.gateway.trading.e2e;

import static blackbox.gateway.trading.e2e.TradingScenario.ANA;
import static blackbox.gateway.trading.e2e.TradingScenario.PETR4;
import static blackbox.gateway.trading.e2e.TradingScenario.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.gateway.GatewayConfig;
import blackbox.gateway.engine.MarketEventSink;
import blackbox.gateway.session.DllEvent;
import blackbox.platform.domain.InstrumentId;
import blackbox.gateway.v1.ExecType;
import blackbox.gateway.v1.ExecutionReport;
import blackbox.gateway.v1.ExecutionReportMessage;
import blackbox.gateway.v1.ListOrdersRequest;
import blackbox.gateway.v1.OrdStatus;
import blackbox.gateway.v1.OrdType;
import blackbox.gateway.v1.Order;
import blackbox.gateway.v1.RoutingState;
import blackbox.gateway.v1.Side;
import blackbox.gateway.v1.StreamExecutionReportsRequest;
import blackbox.gateway.v1.SubscribeRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What goes wrong between the gateway and the DLL, on the B3 tape: repeated notifications, a routing drop with
 * orders in flight, order events the hand-off ring had no room for, and a client resuming its report stream.
 */
@Timeout(180)
class FaultsOnB3TapeTest {
    static final long T11 = B3Tape.at(11, 0, 0);
    static final long CONTINUOUS_FROM = B3Tape.at(10, 0, 0);
    static final long CONTINUOUS_TO = B3Tape.at(16, 55, 0);
    static final long SESSION_END = B3Tape.at(17, 0, 0);

    @TempDir
    static Path shared;
    static B3Tape tape;

    @BeforeAll
    static void importTape() {
        tape = B3Tape.load(shared);
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void repeatedNotificationsGiveNoRepeatedReport(@TempDir Path dir) throws Exception {
        try (TradingScenario s = TradingScenario.start(tape.replay, dir.resolve("journal"), "fault.routing.duplicate_share=1", Map.of())) {
            s.h.advanceTo(T11);
            BigDecimal bid = SimFillModel.topAt(tape.events, T11)[0];
            List<SimFillModel.Order> orders = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                orders.add(new SimFillModel.Order("dup-" + i, true, 300 + 100L * i, bid.subtract(d("0.05").multiply(BigDecimal.valueOf(i))), null, T11));
            }
            for (SimFillModel.Order o : orders) s.send(order(o.key(), ANA, Side.SIDE_BUY, OrdType.ORD_TYPE_LIMIT, o.qty(), o.limit(), null));
            long end = B3Tape.at(13, 0, 0);
            s.h.advanceTo(end);
            SimFillModel model = new SimFillModel();
            model.run(tape.events.stream().filter(e -> e.tsNanos() <= end).toList(), orders, CONTINUOUS_FROM, CONTINUOUS_TO, SESSION_END);
            long expectedCum = orders.stream().mapToLong(o -> model.fills(o.key()).stream().mapToLong(SimFillModel.Fill::qty).sum()).sum();
            s.reports.await(r -> r.stream().filter(x -> x.getExecType() == ExecType.EXEC_TYPE_TRADE).mapToLong(ExecutionReport::getLastQty).sum()
                    >= expectedCum, 20_000, "all fills");
            Thread.sleep(300);
            Set<String> ids = new HashSet<>();
            for (SimFillModel.Order o : orders) {
                List<ExecutionReport> r = s.reports.of(o.key());
                r.forEach(x -> assertTrue(ids.add(x.getExecId()), "repeated ExecID " + x));
                List<ExecutionReport> trades = r.stream().filter(x -> x.getExecType() == ExecType.EXEC_TYPE_TRADE).toList();
                assertEquals(model.fills(o.key()).size(), trades.size(), o.key());
                assertEquals(1, r.stream().filter(x -> x.getExecType() == ExecType.EXEC_TYPE_NEW).count(), o.key() + ": one NEW");
            }
            assertTrue(s.h.gateway.trading().engine().counters().duplicateSnapshots() > 0, "the simulator did repeat notifications");
            System.out.printf("duplicates: %d repeated order notifications ignored, %d fills%n",
                    s.h.gateway.trading().engine().counters().duplicateSnapshots(), expectedCum);
        }
    }

    @Test
    void aRoutingDropWithOrdersInFlightIsReconciledToTheTrueState(@TempDir Path dir) throws Exception {
        String faults = "fault.routing.disconnect_after_orders=3;fault.routing.reconnect_after_ms=1500";
        try (TradingScenario s = TradingScenario.start(tape.replay, dir.resolve("journal"), faults, Map.of())) {
            s.h.advanceTo(T11);
            BigDecimal[] top = SimFillModel.topAt(tape.events, T11);
            List<SimFillModel.Order> orders = List.of(
                    new SimFillModel.Order("drop-far", true, 500, top[0].subtract(d("2.00")), null, T11),
                    new SimFillModel.Order("drop-near", true, 2000, top[0].subtract(d("0.05")), null, T11),
                    new SimFillModel.Order("drop-cross", true, 300, top[1], null, T11)); // the 3rd: routing drops as it arrives
            for (SimFillModel.Order o : orders) s.send(order(o.key(), ANA, Side.SIDE_BUY, OrdType.ORD_TYPE_LIMIT, o.qty(), o.limit(), null));
            s.reports.await(r -> s.reports.routingStates().stream().anyMatch(x -> !x.getConnected()), 10_000, "routing dropped");
            // while routing is down: no order goes out, and the tape keeps filling the resting orders silently
            StatusRuntimeException down = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
                    () -> s.send(order("drop-during", ANA, Side.SIDE_BUY, OrdType.ORD_TYPE_LIMIT, 100, top[0].subtract(d("3.00")), null)));
            assertEquals(Status.Code.FAILED_PRECONDITION, down.getStatus().getCode());
            assertTrue(down.getStatus().getDescription().startsWith("routing not connected"), down.getStatus().getDescription());
            long end = B3Tape.at(12, 30, 0);
            s.h.advanceTo(end);
            SimFillModel model = new SimFillModel();
            model.run(tape.events.stream().filter(e -> e.tsNanos() <= end).toList(), orders, CONTINUOUS_FROM, CONTINUOUS_TO, SESSION_END);
            long nearCum = model.fills("drop-near").stream().mapToLong(SimFillModel.Fill::qty).sum();
            assertTrue(nearCum > 0, "the near order fills during the drop");
            s.reports.await(r -> s.reports.routingStates().stream().filter(RoutingState::getConnected).count() >= 2, 20_000, "routing back");
            s.reports.await(r -> s.reports.of("drop-cross").stream().anyMatch(x -> x.getOrdStatus() == OrdStatus.ORD_STATUS_FILLED)
                    && s.reports.of("drop-near").stream().mapToLong(ExecutionReport::getLastQty).sum() == nearCum, 20_000, "the true states");

            ExecutionReport unknown = s.reports.of("drop-cross").stream().filter(x -> x.getExecType() == ExecType.EXEC_TYPE_UNKNOWN)
                    .findFirst().orElseThrow(() -> new AssertionError("no UNKNOWN report: " + s.reports.of("drop-cross")));
            assertEquals(OrdStatus.ORD_STATUS_UNKNOWN, unknown.getOrdStatus());
            RoutingState lost = s.reports.routingStates().stream().filter(x -> !x.getConnected()).findFirst().orElseThrow();
            assertEquals(1, lost.getOrdersInDoubt(), lost.toString());
            assertTrue(s.reports.of("drop-far").stream().noneMatch(x -> x.getExecType() == ExecType.EXEC_TYPE_UNKNOWN),
                    "an acknowledged resting order is not in doubt");
            // the fills made during the drop arrive coalesced: one TRADE, its LastPx their average on the 4-decimal grid
            BigDecimal value = model.fills("drop-near").stream().map(f -> f.price().multiply(BigDecimal.valueOf(f.qty())))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            List<ExecutionReport> nearTrades = s.reports.of("drop-near").stream().filter(x -> x.getExecType() == ExecType.EXEC_TYPE_TRADE).toList();
            assertEquals(nearCum, nearTrades.stream().mapToLong(ExecutionReport::getLastQty).sum());
            BigDecimal avg = value.divide(BigDecimal.valueOf(nearCum), MathContext.DECIMAL64);
            ExecutionReport lastNear = nearTrades.get(nearTrades.size() - 1);
            assertTrue(avg.subtract(new BigDecimal(lastNear.getAvgPx())).abs().compareTo(d("1e-9")) < 0, lastNear.getAvgPx() + " vs " + avg);
            if (nearTrades.size() == 1) {
                assertEquals(0, avg.setScale(4, RoundingMode.HALF_EVEN).compareTo(new BigDecimal(lastNear.getLastPx())), lastNear.getLastPx());
            }
            s.reports.reports().forEach(RestingOrdersOnB3TapeTest::assertConsistent);

            List<Order> history = s.h.trading.listOrders(ListOrdersRequest.newBuilder().setAccount(ANA).build()).getOrdersList();
            Map<String, Order> byKey = history.stream().collect(Collectors.toMap(Order::getIdempotencyKey, o -> o));
            assertEquals(Set.of("drop-far", "drop-near", "drop-cross"), byKey.keySet(), "every order sent, and no other, with its key");
            assertEquals(OrdStatus.ORD_STATUS_NEW, byKey.get("drop-far").getOrdStatus());
            assertEquals(0, byKey.get("drop-far").getCumQty());
            assertEquals(nearCum, byKey.get("drop-near").getCumQty());
            assertEquals(OrdStatus.ORD_STATUS_FILLED, byKey.get("drop-cross").getOrdStatus());
            assertEquals(0, top[1].compareTo(new BigDecimal(byKey.get("drop-cross").getAvgPx())));
            for (Order o : history) {
                ExecutionReport last = s.last(o.getIdempotencyKey());
                assertEquals(o.getCumQty(), last.getCumQty(), o.getIdempotencyKey() + ": the stream's last word is the DLL's state");
                assertEquals(o.getOrdStatus(), last.getOrdStatus(), o.getIdempotencyKey());
            }
        }
    }

    @Test
    void orderEventsTheRingHadNoRoomForAreReadBack(@TempDir Path dir) throws Exception {
        Map<String, String> small = Map.of(GatewayConfig.RING_SIZE, "1024");
        try (TradingScenario s = TradingScenario.start(tape.replay, dir.resolve("journal"), "", small)) {
            // stall the engine's consumer thread on the first trade, as a descheduled or overloaded consumer would be
            CountDownLatch stalled = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            s.h.gateway.engine().addSink(new MarketEventSink() {
                private boolean once;

                @Override
                public void onTrade(DllEvent trade) {
                    if (once) return;
                    once = true;
                    stalled.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }

                @Override
                public void onGap(long fromNanos, long toNanos, String reason) {
                }

                @Override
                public void onTickerState(InstrumentId instrument, int state, long receivedNanos) {
                }

                @Override
                public void endOfBatch() {
                }
            });
            s.h.blocking.subscribe(SubscribeRequest.newBuilder().setInstrument(PETR4).build());
            s.h.advanceTo(T11);
            stalled.await();
            BigDecimal bid = SimFillModel.topAt(tape.events, T11)[0];
            int n = 600; // 600 orders x 5 callbacks > 1024 slots
            for (int i = 0; i < n; i++) s.send(order("ring-" + i, ANA, Side.SIDE_BUY, OrdType.ORD_TYPE_LIMIT, 100, bid.subtract(d("1.00")), null));
            assertTrue(s.h.gateway.engine().currentSession().lostOrderEvents().lost() > 0, "the ring overflowed");
            release.countDown();
            s.reports.await(r -> {
                Set<String> live = new HashSet<>();
                for (ExecutionReport x : r) if (x.getOrdStatus() == OrdStatus.ORD_STATUS_NEW) live.add(x.getIdempotencyKey());
                return live.size() == n;
            }, 30_000, "every order NEW, lost events or not");
            assertTrue(s.h.gateway.trading().engine().lostReread() > 0);
            assertTrue(s.h.gateway.engine().overflows() > 0);
            System.out.printf("ring overflow: %d order events lost, %d re-reads, %d reports%n",
                    s.h.gateway.engine().currentSession().lostOrderEvents().lost(), s.h.gateway.trading().engine().lostReread(),
                    s.reports.reports().size());

            assertFalse(s.h.gateway.trading().engine().counters().invariantViolations() > 0);
        }
    }

    @Test
    void aClientResumesFromASequenceOrIsToldOfAGap(@TempDir Path dir) throws Exception {
        try (TradingScenario s = TradingScenario.start(tape.replay, dir.resolve("journal"), "", Map.of(GatewayConfig.REPORT_BUFFER, "1024"))) {
            s.h.advanceTo(T11);
            BigDecimal bid = SimFillModel.topAt(tape.events, T11)[0];
            for (int batch = 0; batch < 12; batch++) {
                for (int i = 0; i < 50; i++) {
                    s.send(order("resume-" + batch + "-" + i, ANA, Side.SIDE_BUY, OrdType.ORD_TYPE_LIMIT, 100, bid.subtract(d("1.00")), null));
                }
                int want = 100 * (batch + 1); // PENDING_NEW and NEW per order
                s.reports.await(r -> r.size() >= want, 10_000, want + " reports");
            }
            // resumption: a second client from sequence k gets exactly the same reports after it
            List<ExecutionReport> all = s.reports.reports();
            long last = all.get(all.size() - 1).getSequence();
            long from = last - 100;
            ReportCollector again = new ReportCollector();
            s.h.tradingAsync.streamExecutionReports(StreamExecutionReportsRequest.newBuilder()
                    .setSessionId(s.h.gateway.trading().sessionId()).setAfterSequence(from).build(), again);
            again.await(r -> !r.isEmpty() && r.get(r.size() - 1).getSequence() >= last, 10_000, "the resumed stream");
            List<ExecutionReport> expected = all.stream().filter(x -> x.getSequence() > from).toList();
            assertEquals(expected, again.reports().subList(0, expected.size()));
            assertTrue(again.gaps().isEmpty());
            assertEquals(ExecutionReportMessage.PayloadCase.ROUTING, again.messages().get(0).getPayloadCase(), "the routing state first");

            // older than the buffer of 1024: a gap, then live
            ReportCollector old = new ReportCollector();
            s.h.tradingAsync.streamExecutionReports(StreamExecutionReportsRequest.newBuilder()
                    .setSessionId(s.h.gateway.trading().sessionId()).setAfterSequence(1).build(), old);
            ReportCollector other = new ReportCollector();
            s.h.tradingAsync.streamExecutionReports(StreamExecutionReportsRequest.newBuilder().setSessionId("an-earlier-session").build(), other);
            blackbox.gateway.GatewayHarness.await(() -> !old.gaps().isEmpty() && !other.gaps().isEmpty(), java.time.Duration.ofSeconds(5), () -> "gaps");
            assertEquals(1, old.gaps().get(0).getRequestedAfter());
            assertTrue(old.gaps().get(0).getOldestAvailable() > 2, old.gaps().toString());
            assertEquals(ExecutionReportMessage.PayloadCase.GAP, old.messages().get(0).getPayloadCase());
            assertEquals(0, other.gaps().get(0).getOldestAvailable());
            assertTrue(other.gaps().get(0).getReason().startsWith("another gateway session"), other.gaps().toString());
        }
    }
}
