package blackbox.gateway.trading.e2e;

import static blackbox.gateway.trading.e2e.TradingScenario.ANA;
import static blackbox.gateway.trading.e2e.TradingScenario.PETR4;
import static blackbox.gateway.trading.e2e.TradingScenario.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.gateway.GatewayConfig;
import blackbox.gateway.GatewayHarness;
import blackbox.gateway.v1.Account;
import blackbox.gateway.v1.AccountId;
import blackbox.gateway.v1.CancelAllOrdersRequest;
import blackbox.gateway.v1.CancelOrderRequest;
import blackbox.gateway.v1.CancelOrderResponse;
import blackbox.gateway.v1.ExecType;
import blackbox.gateway.v1.ExecutionReport;
import blackbox.gateway.v1.GetPositionRequest;
import blackbox.gateway.v1.ListAccountsRequest;
import blackbox.gateway.v1.ListOrdersRequest;
import blackbox.gateway.v1.ListPositionsRequest;
import blackbox.gateway.v1.OrdStatus;
import blackbox.gateway.v1.OrdType;
import blackbox.gateway.v1.Order;
import blackbox.gateway.v1.Position;
import blackbox.gateway.v1.ReplaceOrderRequest;
import blackbox.gateway.v1.ReplaceOrderResponse;
import blackbox.gateway.v1.SendOrderRequest;
import blackbox.gateway.v1.SendOrderResponse;
import blackbox.gateway.v1.Side;
import blackbox.gateway.v1.ZeroPositionRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One order's life on the B3 tape (PETR4, 2025-04-07) through gRPC and the simulator: each validation rule of the
 * simulator's table rejecting with its text, the gateway's own refusals at the edge, market closed, change, cancel,
 * a cancel racing a fill, repeated keys, accounts, positions, zeroing and cancel-all.
 */
@Timeout(120)
class OrderLifecycleOnB3TapeTest {
    static final AccountId BRUNO = AccountId.newBuilder().setBrokerId(85).setAccountId("4512058").build();
    static final AccountId DANIEL = AccountId.newBuilder().setBrokerId(85).setAccountId("4512090").build();
    static final AccountId NATALIA = AccountId.newBuilder().setBrokerId(85).setAccountId("4513120").build(); // disabled
    static final AccountId OTAVIO = AccountId.newBuilder().setBrokerId(85).setAccountId("4513147").build(); // no password here
    static final AccountId NOBODY = AccountId.newBuilder().setBrokerId(85).setAccountId("9999").build();
    static final long T11 = B3Tape.at(11, 0, 0);

    @TempDir
    static Path shared;
    static B3Tape tape;

    @BeforeAll
    static void importTape() {
        tape = B3Tape.load(shared);
    }

    /** A passwords file (it wins over the roster): Ana, Daniel, Natália right; Bruno wrong; an account unknown to the broker. */
    private static Path passwords(Path dir) throws Exception {
        Path file = dir.resolve("routing-passwords");
        Files.writeString(file, "# broker:account[:sub]=password\n85:4512031=demo123\n85:4512090=demo123\n85:4513120=demo123\n"
                + "85:4512058=wrong\n85:9999=demo123\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static TradingScenario start(Path dir, String simOptions) throws Exception {
        Path master = dir.resolve("instruments.csv");
        Files.writeString(master, "# blackbox-sim-instruments v1\nticker,exchange,lot,tick,max_quantity,hours\nPETR4,B,100,0.01,100000,\n");
        String options = "routing.instruments=" + master + (simOptions.isEmpty() ? "" : ";" + simOptions);
        return TradingScenario.start(tape.replay, dir.resolve("journal"), options,
                Map.of(GatewayConfig.ROUTING_PASSWORDS, passwords(dir).toString()));
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    /** Sends, expects an accepted SendOrder (LocalOrderID) and a REJECTED report whose text contains {@code text}. */
    private static void rejected(TradingScenario s, SendOrderRequest r, String text) throws InterruptedException {
        SendOrderResponse answer = s.send(r);
        assertTrue(answer.getOrder().getDll().getLocalOrderId() > 0, answer.toString());
        String key = r.getIdempotencyKey();
        s.awaitClosed(List.of(key), 10_000);
        ExecutionReport last = s.last(key);
        assertEquals(OrdStatus.ORD_STATUS_REJECTED, last.getOrdStatus(), last.toString());
        assertEquals(ExecType.EXEC_TYPE_REJECTED, last.getExecType());
        assertTrue(last.getText().contains(text), key + ": \"" + last.getText() + "\" should contain \"" + text + "\"");
        assertEquals(0, last.getLeavesQty());
        assertEquals(1, s.reports.of(key).stream().filter(x -> x.getExecType() == ExecType.EXEC_TYPE_REJECTED).count(),
                "one REJECTED report (the trading message's and the order's reject are one): " + s.reports.of(key));
    }

    private static StatusRuntimeException refused(Status.Code code, Runnable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call::run);
        assertEquals(code, e.getStatus().getCode(), e.getStatus().toString());
        return e;
    }

    @Test
    void everyValidationRuleRejectsWithItsText(@TempDir Path dir) throws Exception {
        try (TradingScenario s = start(dir, "")) {
            s.h.advanceTo(T11);
            BigDecimal last = SimFillModel.lastTradeAt(tape.events, T11);
            BigDecimal below = last.subtract(d("1.00"));
            rejected(s, order("v-account", NOBODY, Side.SIDE_BUY, OrdType.ORD_TYPE_LIMIT, 100, below, null),
                    "mrcRejectedBroker (7): unknown account: broker_id=85 account=9999");
            rejected(s, order("v-disabled", NATALIA, Side.SIDE_BUY, OrdType.ORD_TYPE_LIMIT, 100, below, null),
                    "account disabled: account=4513120");
            rejected(s, order("v-password", BRUNO, Side.SIDE_BUY, OrdType.ORD_TYPE_LIMIT, 100, below, null),
                    "wrong routing password for account=4512058");
            rejected(s, SendOrderRequest.newBuilder(order("v-instrument", ANA, Side.SIDE_BUY, OrdType.ORD_TYPE_LIMIT, 100, below, null))
                    .setInstrument(GatewayHarness.instrument("XXXX3", "B")).build(), "unknown instrument: ticker=XXXX3 exchange=B");
            rejected(s, order("v-lot", ANA, Side.SIDE_BUY, OrdType.ORD_TYPE_LIMIT, 150, below, null),
                    "mrcRejectedMarket (9): quantity must be a multiple of the lot 100: ticker=PETR4 quantity=150");
            rejected(s, order("v-max", ANA, Side.SIDE_BUY, OrdType.ORD_TYPE_LIMIT, 200_000, below, null),
                    "quantity above the maximum 100000 per order: ticker=PETR4 quantity=200000");
            rejected(s, SendOrderRequest.newBuilder(order("v-fractional", ANA, Side.SIDE_BUY, OrdType.ORD_TYPE_LIMIT, 100, below, null))
                    .setInstrument(GatewayHarness.instrument("PETR4F", "B")).build(),
                    "quantity must be 1..99 on the fractional market: ticker=PETR4F quantity=100");
            rejected(s, order("v-tick", ANA, Side.SIDE_BUY, OrdType.ORD_TYPE_LIMIT, 100, below.add(d("0.005")), null),
                    "price must be a multiple of the tick 0.01: ticker=PETR4 price=" + below.add(d("0.005")).toPlainString());
            BigDecimal stop = last.add(d("0.50"));
            rejected(s, order("v-stop-order", ANA, Side.SIDE_BUY, OrdType.ORD_TYPE_STOP_LIMIT, 100, stop.subtract(d("0.10")), stop),
                    "a buy stop-limit needs price >= stop_price");
            rejected(s, order("v-triggerable", ANA, Side.SIDE_BUY, OrdType.ORD_TYPE_STOP_LIMIT, 100, last, last.subtract(d("0.10"))),
                    "stop already triggerable: buy stop_price=");

            // the gateway's own refusals: nothing reaches the DLL or the journal
            var e = refused(Status.Code.FAILED_PRECONDITION, () -> s.send(order("v-routable", OTAVIO, Side.SIDE_BUY, OrdType.ORD_TYPE_LIMIT, 100, below, null)));
            assertEquals("account 85:4513147 has no routing password configured (not routable)", e.getStatus().getDescription());
            e = refused(Status.Code.INVALID_ARGUMENT, () -> s.send(order("v-qty", ANA, Side.SIDE_BUY, OrdType.ORD_TYPE_LIMIT, 0, below, null)));
            assertEquals("quantity must be > 0: quantity=0", e.getStatus().getDescription());
            e = refused(Status.Code.INVALID_ARGUMENT, () -> s.send(SendOrderRequest.newBuilder(
                    order("v-price", ANA, Side.SIDE_BUY, OrdType.ORD_TYPE_LIMIT, 100, below, null)).setPrice("abc").build()));
            assertEquals("price must be a decimal: price=\"abc\"", e.getStatus().getDescription());
            e = refused(Status.Code.INVALID_ARGUMENT, () -> s.send(order("", ANA, Side.SIDE_BUY, OrdType.ORD_TYPE_LIMIT, 100, below, null)));
            assertEquals("idempotency_key must be 1..64 printable ASCII characters: idempotency_key=\"\"", e.getStatus().getDescription());
            e = refused(Status.Code.INVALID_ARGUMENT, () -> s.send(order("v-stop", ANA, Side.SIDE_BUY, OrdType.ORD_TYPE_STOP_LIMIT, 100, below, null)));
            assertEquals("stop_price is required for a stop-limit order: stop_price=\"\"", e.getStatus().getDescription());
            e = refused(Status.Code.INVALID_ARGUMENT, () -> s.send(SendOrderRequest.newBuilder(
                    order("v-side", ANA, Side.SIDE_BUY, OrdType.ORD_TYPE_LIMIT, 100, below, null)).setSide(Side.SIDE_UNSPECIFIED).build()));
            assertEquals("side must be SIDE_BUY or SIDE_SELL: side=SIDE_UNSPECIFIED", e.getStatus().getDescription());
            var journal = s.h.gateway.trading().journal();
            var keys = journal.recovered(); // empty: a fresh journal; what was written is checked through the book
            assertTrue(keys.isEmpty());
            assertTrue(s.h.gateway.trading().router().keyOf("x").isEmpty());

            List<Order> history = s.h.trading.listOrders(ListOrdersRequest.newBuilder().setAccount(ANA).build()).getOrdersList();
            assertEquals(List.of("v-lot", "v-max", "v-fractional", "v-tick", "v-stop-order", "v-triggerable"),
                    history.stream().map(Order::getIdempotencyKey).toList(), "the DLL's history of Ana holds what reached it, with their keys");
            assertTrue(history.stream().allMatch(o -> o.getOrdStatus() == OrdStatus.ORD_STATUS_REJECTED && o.getDllOrderStatus() == 8));
        }
    }

    @Test
    void marketClosedAndMarketOrdersOutsideContinuousTradingAreRejected(@TempDir Path dir) throws Exception {
        try (TradingScenario s = start(dir, "")) {
            s.h.advanceTo(B3Tape.at(16, 57, 0));
            rejected(s, order("m-call", ANA, Side.SIDE_BUY, OrdType.ORD_TYPE_MARKET, 100, null, null),
                    "market orders only in continuous trading: PETR4 at 2025-04-07 16:57:00 is in the closing call");
            s.h.advanceTo(B3Tape.at(17, 10, 0));
            rejected(s, order("m-closed", ANA, Side.SIDE_BUY, OrdType.ORD_TYPE_LIMIT, 100, d("30.00"), null),
                    "mrcRejectedMarket (9): market closed for PETR4 at 2025-04-07 17:10:00: b3-equities hours that day:");
        }
    }

    @Test
    void aChangeThenACancelGiveReplacedAndCanceled(@TempDir Path dir) throws Exception {
        try (TradingScenario s = start(dir, "")) {
            s.h.advanceTo(T11);
            BigDecimal bid = SimFillModel.topAt(tape.events, T11)[0];
            SendOrderResponse sent = s.send(order("c-1", ANA, Side.SIDE_BUY, OrdType.ORD_TYPE_LIMIT, 500, bid.subtract(d("1.00")), null));
            s.reports.await(r -> r.stream().anyMatch(x -> x.getIdempotencyKey().equals("c-1") && x.getExecType() == ExecType.EXEC_TYPE_NEW), 10_000, "c-1 new");
            ReplaceOrderResponse replaced = s.h.trading.replaceOrder(ReplaceOrderRequest.newBuilder().setAccount(ANA).setIdempotencyKey("c-1")
                    .setQuantity(300).setPrice(bid.subtract(d("0.80")).toPlainString()).build());
            assertTrue(replaced.getAccepted(), replaced.toString());
            assertTrue(replaced.getMessageId() > 0);
            s.reports.await(r -> r.stream().anyMatch(x -> x.getIdempotencyKey().equals("c-1") && x.getExecType() == ExecType.EXEC_TYPE_REPLACED),
                    10_000, "c-1 replaced");
            ExecutionReport rep = s.reports.of("c-1").stream().filter(x -> x.getExecType() == ExecType.EXEC_TYPE_REPLACED).findFirst().orElseThrow();
            assertEquals(300, rep.getOrderQty());
            assertEquals(0, bid.subtract(d("0.80")).compareTo(new BigDecimal(rep.getPrice())));
            assertEquals(OrdStatus.ORD_STATUS_NEW, rep.getOrdStatus());
            assertEquals(300, rep.getLeavesQty());
            CancelOrderResponse canceled = s.h.trading.cancelOrder(CancelOrderRequest.newBuilder().setAccount(ANA)
                    .setOrder(sent.getOrder().getDll()).build());
            assertTrue(canceled.getAccepted(), canceled.toString());
            s.awaitClosed(List.of("c-1"), 10_000);
            ExecutionReport last = s.last("c-1");
            assertEquals(ExecType.EXEC_TYPE_CANCELED, last.getExecType());
            assertEquals(OrdStatus.ORD_STATUS_CANCELED, last.getOrdStatus());
            assertEquals(0, last.getLeavesQty());
            s.reports.of("c-1").forEach(RestingOrdersOnB3TapeTest::assertConsistent);
            // the order named by a key nobody used
            refused(Status.Code.NOT_FOUND, () -> s.h.trading.cancelOrder(CancelOrderRequest.newBuilder().setAccount(ANA).setIdempotencyKey("nope").build()));
        }
    }

    @Test
    void aCancelRacingTheFillIsTooLateOrCancelsTheRest(@TempDir Path dir) throws Exception {
        // fill.touch_quantity=100: a marketable order takes 100 on arrival and rests with the rest
        try (TradingScenario s = start(dir, "fill.touch_quantity=100")) {
            s.h.advanceTo(T11);
            BigDecimal ask = SimFillModel.topAt(tape.events, T11)[1];
            s.send(order("r-full", ANA, Side.SIDE_BUY, OrdType.ORD_TYPE_LIMIT, 100, ask, null));
            CancelOrderResponse tooLate = s.h.trading.cancelOrder(CancelOrderRequest.newBuilder().setAccount(ANA).setIdempotencyKey("r-full").build());
            s.send(order("r-part", ANA, Side.SIDE_BUY, OrdType.ORD_TYPE_LIMIT, 500, ask, null));
            CancelOrderResponse rest = s.h.trading.cancelOrder(CancelOrderRequest.newBuilder().setAccount(ANA).setIdempotencyKey("r-part").build());
            assertTrue(tooLate.getAccepted() && rest.getAccepted(), "the DLL takes both requests; the outcome comes as reports");
            s.awaitClosed(List.of("r-full", "r-part"), 10_000);
            s.reports.await(r -> r.stream().anyMatch(x -> x.getExecType() == ExecType.EXEC_TYPE_CANCEL_REJECTED), 10_000, "the cancel rejected");
            ExecutionReport rejected = s.reports.of("r-full").stream().filter(x -> x.getExecType() == ExecType.EXEC_TYPE_CANCEL_REJECTED)
                    .findFirst().orElseThrow();
            assertEquals(OrdStatus.ORD_STATUS_FILLED, rejected.getOrdStatus());
            assertTrue(rejected.getText().contains("too late to cancel: order " + rejected.getDll().getClOrderId() + " is filled"), rejected.getText());
            assertEquals(OrdStatus.ORD_STATUS_FILLED, s.last("r-full").getOrdStatus());
            List<ExecutionReport> part = s.reports.of("r-part");
            ExecutionReport trade = part.stream().filter(x -> x.getExecType() == ExecType.EXEC_TYPE_TRADE).findFirst().orElseThrow();
            assertEquals(100, trade.getLastQty());
            assertEquals(0, ask.compareTo(new BigDecimal(trade.getLastPx())));
            ExecutionReport last = s.last("r-part");
            assertEquals(ExecType.EXEC_TYPE_CANCELED, last.getExecType());
            assertEquals(15, last.getDllOrderStatus(), "cosPartiallyFilledCanceled");
            assertEquals(100, last.getCumQty());
            assertEquals(0, last.getLeavesQty());
            part.forEach(RestingOrdersOnB3TapeTest::assertConsistent);
        }
    }

    @Test
    void aRepeatedKeyAnswersTheSameOrderAndSendsNothing(@TempDir Path dir) throws Exception {
        try (TradingScenario s = start(dir, "")) {
            s.h.advanceTo(T11);
            BigDecimal bid = SimFillModel.topAt(tape.events, T11)[0];
            SendOrderRequest r = order("k-1", ANA, Side.SIDE_BUY, OrdType.ORD_TYPE_LIMIT, 400, bid.subtract(d("0.50")), null);
            SendOrderResponse first = s.send(r);
            assertFalse(first.getDuplicate());
            s.reports.await(x -> x.stream().anyMatch(y -> y.getIdempotencyKey().equals("k-1") && y.getExecType() == ExecType.EXEC_TYPE_NEW),
                    10_000, "k-1 new");
            SendOrderResponse again = s.send(r);
            assertTrue(again.getDuplicate());
            assertEquals(first.getOrder().getDll().getLocalOrderId(), again.getOrder().getDll().getLocalOrderId());
            assertEquals(OrdStatus.ORD_STATUS_NEW, again.getOrder().getOrdStatus());
            assertFalse(again.getOrder().getDll().getClOrderId().isEmpty(), "the duplicate answer names the ClOrderID");
            var e = refused(Status.Code.ALREADY_EXISTS, () -> s.send(SendOrderRequest.newBuilder(r).setQuantity(500).build()));
            assertTrue(e.getStatus().getDescription().startsWith("idempotency_key k-1 was already used for another order"), e.getStatus().getDescription());
            List<Order> history = s.h.trading.listOrders(ListOrdersRequest.newBuilder().setAccount(ANA).build()).getOrdersList();
            assertEquals(1, history.size(), history.toString());
            assertEquals("k-1", history.get(0).getIdempotencyKey());
        }
    }

    @Test
    void accountsPositionsZeroingAndCancelAll(@TempDir Path dir) throws Exception {
        try (TradingScenario s = start(dir, "")) {
            List<Account> accounts = s.h.trading.listAccounts(ListAccountsRequest.getDefaultInstance()).getAccountsList();
            long clients = accounts.size() + accounts.stream().mapToLong(Account::getSubAccountsCount).sum();
            assertTrue(clients >= 20, "at least 20 client accounts: " + clients);
            Account ana = accounts.stream().filter(a -> a.getId().getAccountId().equals("4512031")).findFirst().orElseThrow();
            assertEquals("BTG Pactual CTVM", ana.getBrokerName());
            assertEquals("Ana Beatriz Carvalho", ana.getOwnerName());
            assertTrue(ana.getRoutable() && ana.getEnabled());
            Account otavio = accounts.stream().filter(a -> a.getId().getAccountId().equals("4513147")).findFirst().orElseThrow();
            assertFalse(otavio.getRoutable(), "no password for it in the passwords file, which wins over the roster");
            Account patricia = accounts.stream().filter(a -> a.getId().getAccountId().equals("7730015")).findFirst().orElseThrow();
            assertEquals("PGBL", patricia.getSubAccounts(0).getId().getSubAccountId());
            assertTrue(patricia.getSubAccounts(0).getSubAccount());

            Position p = s.h.trading.getPosition(GetPositionRequest.newBuilder().setAccount(ANA).setInstrument(PETR4).build());
            assertEquals(1200, p.getOpenQuantity());
            assertEquals("36.12", p.getOpenAveragePrice());
            List<Position> all = s.h.trading.listPositions(ListPositionsRequest.newBuilder().setAccount(ANA).build()).getPositionsList();
            assertEquals(List.of("PETR4", "VALE3"), all.stream().map(x -> x.getInstrument().getTicker()).sorted().toList());
            refused(Status.Code.NOT_FOUND, () -> s.h.trading.getPosition(GetPositionRequest.newBuilder().setAccount(ANA)
                    .setInstrument(GatewayHarness.instrument("BBAS3", "B")).build()));

            s.h.advanceTo(T11);
            BigDecimal bid = SimFillModel.topAt(tape.events, T11)[0];
            SendOrderResponse zero = s.h.trading.zeroPosition(ZeroPositionRequest.newBuilder().setIdempotencyKey("z-1").setAccount(DANIEL)
                    .setInstrument(PETR4).build());
            assertTrue(zero.getOrder().getDll().getLocalOrderId() > 0, zero.toString());
            s.awaitClosed(List.of("z-1"), 10_000);
            ExecutionReport z = s.last("z-1");
            assertEquals(OrdStatus.ORD_STATUS_FILLED, z.getOrdStatus(), z.toString());
            assertEquals(blackbox.gateway.v1.Side.SIDE_SELL, z.getSide());
            assertEquals(500, z.getCumQty());
            assertEquals(0, bid.compareTo(new BigDecimal(z.getAvgPx())), "a market sell takes the bid");
            Position flat = s.h.trading.getPosition(GetPositionRequest.newBuilder().setAccount(DANIEL).setInstrument(PETR4).build());
            assertEquals(0, flat.getOpenQuantity());
            assertEquals(500, flat.getDailySellQuantity());
            SendOrderResponse again = s.h.trading.zeroPosition(ZeroPositionRequest.newBuilder().setIdempotencyKey("z-2").setAccount(DANIEL)
                    .setInstrument(PETR4).build());
            assertEquals(OrdStatus.ORD_STATUS_REJECTED, again.getOrder().getOrdStatus());
            assertTrue(again.getOrder().getText().contains("NL_NO_POSITION"), again.toString());

            for (int i = 0; i < 3; i++) s.send(order("all-" + i, ANA, Side.SIDE_BUY, OrdType.ORD_TYPE_LIMIT, 100, bid.subtract(d("1.00")), null));
            s.send(order("other", DANIEL, Side.SIDE_BUY, OrdType.ORD_TYPE_LIMIT, 100, bid.subtract(d("1.00")), null));
            var c = s.h.trading.cancelAllOrders(CancelAllOrdersRequest.newBuilder().setAccount(ANA).setInstrument(PETR4).build());
            assertTrue(c.getAccepted(), c.toString());
            s.awaitClosed(List.of("all-0", "all-1", "all-2"), 10_000);
            for (int i = 0; i < 3; i++) assertEquals(OrdStatus.ORD_STATUS_CANCELED, s.last("all-" + i).getOrdStatus());
            s.reports.await(r -> r.stream().anyMatch(x -> x.getIdempotencyKey().equals("other") && x.getExecType() == ExecType.EXEC_TYPE_NEW),
                    10_000, "another account's order untouched");
            assertEquals(OrdStatus.ORD_STATUS_NEW, s.last("other").getOrdStatus());
        }
    }
}
