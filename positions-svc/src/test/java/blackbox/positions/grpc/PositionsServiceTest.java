package blackbox.positions.grpc;

import static blackbox.positions.core.Books.A1;
import static blackbox.positions.core.Books.A2;
import static blackbox.positions.core.Books.PETR4;
import static blackbox.positions.core.Books.VALE3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.positions.service.GatewayPosition;
import blackbox.positions.service.PositionType;
import blackbox.positions.service.PositionsEngine;
import blackbox.positions.service.Stack;
import blackbox.positions.v1.ApplyFillsRequest;
import blackbox.positions.v1.ExecType;
import blackbox.positions.v1.Fill;
import blackbox.positions.v1.GetBalancesRequest;
import blackbox.positions.v1.GetConsolidatedRequest;
import blackbox.positions.v1.GetPositionsRequest;
import blackbox.positions.v1.ImportOpeningRequest;
import blackbox.positions.v1.ImportOpeningResponse;
import blackbox.positions.v1.Outcome;
import blackbox.positions.v1.Position;
import blackbox.positions.v1.PositionUpdate;
import blackbox.positions.v1.PositionsGrpc;
import blackbox.positions.v1.ReconcileRequest;
import blackbox.positions.v1.ReconcileResponse;
import blackbox.positions.v1.Side;
import blackbox.positions.v1.StreamPositionsRequest;
import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(120)
class PositionsServiceTest {
    static Stack stack;
    static ExecutorService executor;
    Server server;
    ManagedChannel channel;
    PositionsGrpc.PositionsBlockingStub positions;
    FixedDllPositions dll;
    PositionsEngine engine;

    @BeforeAll
    static void startStack() throws Exception {
        stack = new Stack();
        executor = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stopStack() throws Exception {
        executor.shutdownNow();
        if (stack != null) stack.close();
    }

    @BeforeEach
    void startServer() throws Exception {
        stack.truncate();
        engine = stack.engine();
        dll = new FixedDllPositions();
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).directExecutor()
                .addService(new PositionsService(engine, dll, executor)).build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        positions = PositionsGrpc.newBlockingStub(channel);
    }

    @AfterEach
    void stopServer() {
        channel.shutdownNow();
        server.shutdownNow();
    }

    static blackbox.gateway.v1.InstrumentId id(String ticker, String exchange) {
        return blackbox.gateway.v1.InstrumentId.newBuilder().setTicker(ticker).setExchange(exchange).build();
    }

    static Fill.Builder fill(String execId, String account, String ticker, Side side, long qty, String price) {
        return Fill.newBuilder().setExecId(execId).setAccount(account).setInstrument(id(ticker, "B")).setSide(side)
                .setQuantity(qty).setPrice(price).setTradeDate("2025-04-07").setOrderId("O-" + execId);
    }

    void apply(Fill.Builder... fills) {
        ApplyFillsRequest.Builder b = ApplyFillsRequest.newBuilder();
        for (Fill.Builder f : fills) b.addFills(f);
        positions.applyFills(b.build());
    }

    @Test
    void applyFillsAnswersEachOutcomeAndTheReadsShowThePositions() {
        var response = positions.applyFills(ApplyFillsRequest.newBuilder()
                .addFills(fill("E1", "1001", "PETR4", Side.SIDE_BUY, 300, "10.00"))
                .addFills(fill("E2", "1001", "PETR4", Side.SIDE_SELL, 100, "11.00"))
                .addFills(fill("E1", "1001", "PETR4", Side.SIDE_BUY, 300, "10.00"))
                .addFills(fill("E3", "1001", "XPTO9", Side.SIDE_BUY, 100, "1.00").setInstrument(id("XPTO9", "Q")))
                .build());
        assertEquals(List.of(Outcome.OUTCOME_APPLIED, Outcome.OUTCOME_APPLIED, Outcome.OUTCOME_DUPLICATE, Outcome.OUTCOME_REJECTED),
                response.getResultsList().stream().map(r -> r.getOutcome()).toList());
        assertEquals("100.00", response.getResults(1).getRealized());
        assertEquals("1099.81", response.getResults(1).getCash());
        assertEquals("2025-04-09", response.getResults(1).getSettlementDate());
        assertEquals("UNKNOWN_INSTRUMENT", response.getResults(3).getReason());

        Position p = positions.getPositions(GetPositionsRequest.newBuilder().setAccount("1001").build()).getPositions(0);
        assertEquals(200, p.getQuantity());
        assertEquals("10.00", p.getAveragePrice());
        assertEquals(100, p.getDayTradeQuantity());
        assertEquals("1.09", p.getCosts());
        assertEquals("fundA", p.getGroup());
        assertEquals(List.of("b3_trading", "b3_settlement", "brokerage"), p.getCostLinesList().stream().map(c -> c.getName()).toList());

        var balances = positions.getBalances(GetBalancesRequest.newBuilder().setAccount("1001").build()).getBalances(0);
        assertEquals("-1901.09", balances.getD2());
        assertEquals("0.00", balances.getD0());
        var desk = positions.getConsolidated(GetConsolidatedRequest.getDefaultInstance()).getPositionsList();
        assertEquals(List.of("", "fundA"), desk.stream().map(c -> c.getGroup()).toList());
        assertEquals(200, desk.getFirst().getQuantity());
    }

    @Test
    void filtersSelectAccountsInstrumentsAndGroups() {
        apply(fill("E1", "1001", "PETR4", Side.SIDE_BUY, 100, "10"), fill("E2", "1002", "VALE3", Side.SIDE_BUY, 100, "50"),
                fill("E3", "1003", "PETR4", Side.SIDE_SELL, 100, "10"));
        assertEquals(3, positions.getPositions(GetPositionsRequest.getDefaultInstance()).getPositionsCount());
        assertEquals(2, positions.getPositions(GetPositionsRequest.newBuilder().setInstrument(id("PETR4", "B")).build()).getPositionsCount());
        assertEquals(List.of("1001", "1002"), positions.getPositions(GetPositionsRequest.newBuilder().setGroup("fundA").build())
                .getPositionsList().stream().map(Position::getAccount).toList());
        assertEquals(3, positions.getBalances(GetBalancesRequest.getDefaultInstance()).getBalancesCount());
        var fundB = positions.getConsolidated(GetConsolidatedRequest.newBuilder().setGroup("fundB").build());
        assertEquals(-100, fundB.getPositions(0).getQuantity());
        var e = assertThrows(StatusRuntimeException.class,
                () -> positions.getPositions(GetPositionsRequest.newBuilder().setAccount("9999").build()));
        assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "price=abc | fills[0].price must be a decimal with at most 4 decimals: fills[0].price=\"abc\"",
        "price=1.00001 | fills[0].price must be a decimal with at most 4 decimals: fills[0].price=\"1.00001\"",
        "price=0 | fills[0].price must be > 0: fills[0].price=\"0\"",
        "quantity=0 | fills[0].quantity must be > 0: fills[0].quantity=0",
        "account=bad account | fills[0].account must match [A-Za-z0-9._-]{1,32}: fills[0].account=\"bad account\"",
        "ticker=petr4 | fills[0].instrument.ticker must match [A-Z0-9_.-]{1,32}: fills[0].instrument.ticker=\"petr4\"",
        "trade_date=07/04/2025 | fills[0].trade_date must be a date YYYY-MM-DD: fills[0].trade_date=\"07/04/2025\"",
        "side=none | fills[0].side must be SIDE_BUY or SIDE_SELL: fills[0].side=SIDE_UNSPECIFIED",
        "exec_id= | fills[0].exec_id must be 1..64 characters: fills[0].exec_id=\"\"",
        "cancel= | fills[0].exec_ref_id must name the trade of a TRADE_CANCEL: fills[0].exec_ref_id=\"\""})
    void aBadFillIsInvalidArgumentNamingTheFieldAndValue(String change, String message) {
        Fill.Builder f = fill("E1", "1001", "PETR4", Side.SIDE_BUY, 100, "10.00");
        String[] kv = change.split("=", 2);
        String v = kv.length > 1 ? kv[1] : "";
        switch (kv[0]) {
            case "price" -> f.setPrice(v);
            case "quantity" -> f.setQuantity(Long.parseLong(v));
            case "account" -> f.setAccount(v);
            case "ticker" -> f.setInstrument(id(v, "B"));
            case "trade_date" -> f.setTradeDate(v);
            case "side" -> f.setSide(Side.SIDE_UNSPECIFIED);
            case "exec_id" -> f.setExecId(v);
            case "cancel" -> f.setExecType(ExecType.EXEC_TYPE_TRADE_CANCEL);
            default -> throw new IllegalArgumentException(change);
        }
        var e = assertThrows(StatusRuntimeException.class,
                () -> positions.applyFills(ApplyFillsRequest.newBuilder().addFills(f).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals(message, e.getStatus().getDescription());
    }

    @Test
    void otherRequestFieldsAreValidatedToo() {
        var e = assertThrows(StatusRuntimeException.class,
                () -> positions.getBalances(GetBalancesRequest.newBuilder().setAccount("a b").build()));
        assertEquals("account must match [A-Za-z0-9._-]{1,32}: account=\"a b\"", e.getStatus().getDescription());
        e = assertThrows(StatusRuntimeException.class,
                () -> positions.reconcile(ReconcileRequest.newBuilder().setPriceTolerance("-1").build()));
        assertEquals("price_tolerance must be a decimal >= 0: price_tolerance=\"-1\"", e.getStatus().getDescription());
        e = assertThrows(StatusRuntimeException.class, () -> positions.applyFills(ApplyFillsRequest.getDefaultInstance()));
        assertEquals("fills must hold 1..10000 fills: fills count=0", e.getStatus().getDescription());
        e = assertThrows(StatusRuntimeException.class, () -> positions.getConsolidated(
                GetConsolidatedRequest.newBuilder().setGroup("a b").build()));
        assertEquals("group must match [A-Za-z0-9._-]{1,32}: group=\"a b\"", e.getStatus().getDescription());
    }

    static final String OPENING = """
            record,trade_date,account,ticker,exchange,quantity,average_price,d0,d1,d2
            position,2025-04-07,1001,PETR4,B,300,38.5012,,,
            position,2025-04-07,1002,VALE3,B,-200,55.10,,,
            cash,2025-04-07,1001,,,,,100000.00,98000.00,97500.00
            """;

    ImportOpeningResponse importFile(String content, boolean replace) {
        return positions.importOpening(ImportOpeningRequest.newBuilder().setFileName("opening-20250407.csv")
                .setContent(ByteString.copyFromUtf8(content)).setReplace(replace).build());
    }

    @Test
    void anOpeningFileIsAppliedThenDifferencesAreReportedAndReplacedOnlyWhenAsked() {
        ImportOpeningResponse first = importFile(OPENING, false);
        assertEquals(2, first.getPositions());
        assertEquals(1, first.getCash());
        assertEquals(3, first.getApplied());
        Position p = positions.getPositions(GetPositionsRequest.newBuilder().setAccount("1001").build()).getPositions(0);
        assertEquals(300, p.getOpeningQuantity());
        assertEquals("38.5012", p.getAveragePrice());
        assertEquals("100000.00", positions.getBalances(GetBalancesRequest.newBuilder().setAccount("1001").build())
                .getBalances(0).getD0());

        assertEquals(3, importFile(OPENING, false).getUnchanged());

        String changed = OPENING.replace("1001,PETR4,B,300,38.5012", "1001,PETR4,B,400,38.5012")
                .replace("100000.00,98000.00", "100000.00,98100.00").replace("position,2025-04-07,1002,VALE3,B,-200,55.10,,,\n", "");
        ImportOpeningResponse second = importFile(changed, false);
        assertEquals(0, second.getApplied());
        assertEquals(List.of("1001  d1 98000.00 98100.00", "1001 PETR4 quantity 300 400", "1002 VALE3 quantity -200 0"),
                second.getDifferencesList().stream().map(d -> d.getAccount() + " " + d.getInstrument().getTicker() + " "
                        + d.getField() + " " + d.getOurs() + " " + d.getTheirs()).sorted().toList());
        assertEquals(300, positions.getPositions(GetPositionsRequest.newBuilder().setAccount("1001").build()).getPositions(0)
                .getQuantity());

        ImportOpeningResponse replaced = importFile(changed, true);
        assertEquals(3, replaced.getDifferencesCount());
        assertEquals(400, positions.getPositions(GetPositionsRequest.newBuilder().setAccount("1001").build()).getPositions(0)
                .getQuantity());
        assertEquals(0, positions.getPositions(GetPositionsRequest.newBuilder().setAccount("1002").build()).getPositions(0)
                .getQuantity());
        // what was imported is what a restart rebuilds
        assertEquals(engine.allPositions(), stack.engine().allPositions());
    }

    @Test
    void aBadOpeningFileIsRefusedWholeNamingTheLine() {
        var e = assertThrows(StatusRuntimeException.class, () -> importFile(OPENING.replace("55.10", "55,10"), false));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals("opening-20250407.csv line 3: must have 10 fields (record,trade_date,account,ticker,exchange,quantity,"
                + "average_price,d0,d1,d2), has 11: line=\"position,2025-04-07,1002,VALE3,B,-200,55,10,,,\"",
                e.getStatus().getDescription());
        assertEquals(0, positions.getPositions(GetPositionsRequest.getDefaultInstance()).getPositionsCount());
    }

    @Test
    void reconcileReportsEachDifferencePerAccountInstrumentAndTypeAndOverwritesNothing() {
        apply(fill("E1", "1001", "PETR4", Side.SIDE_BUY, 300, "10.00"), fill("E2", "1001", "PETR4", Side.SIDE_SELL, 100, "11.00"),
                fill("E3", "1002", "VALE3", Side.SIDE_BUY, 100, "50.00"));
        // the DLL agrees on 1001's consolidated PETR4 (within the tolerance), misses its day-trade sells, reports
        // VALE3 at another price for 1002 and a position in PETR4 this service does not have
        dll.report(A1, new GatewayPosition(PETR4, PositionType.CONSOLIDATED, 200, new BigDecimal("10.00004"), 300,
                        new BigDecimal("10"), 100, new BigDecimal("11")))
                .report(A1, new GatewayPosition(PETR4, PositionType.DAY_TRADE, 300, new BigDecimal("10"), 300,
                        new BigDecimal("10"), 0, BigDecimal.ZERO))
                .report(A2, new GatewayPosition(VALE3, PositionType.CONSOLIDATED, 100, new BigDecimal("50.5"), 100,
                        new BigDecimal("50.5"), 0, BigDecimal.ZERO))
                .report(A2, new GatewayPosition(PETR4, PositionType.CONSOLIDATED, 100, new BigDecimal("9"), 0,
                        BigDecimal.ZERO, 0, BigDecimal.ZERO));
        ReconcileResponse report = positions.reconcile(ReconcileRequest.getDefaultInstance());
        assertEquals(2, report.getAccounts());
        assertEquals(List.of(
                "1001 PETR4 POSITION_TYPE_DAY_TRADE open_quantity 200 300",
                "1001 PETR4 POSITION_TYPE_DAY_TRADE daily_sell_quantity 100 0",
                "1001 PETR4 POSITION_TYPE_DAY_TRADE daily_average_sell_price 11.00 0",
                "1002 VALE3 POSITION_TYPE_DAY_TRADE open_quantity 100 0",
                "1002 VALE3 POSITION_TYPE_DAY_TRADE open_average_price 50.00 0",
                "1002 VALE3 POSITION_TYPE_DAY_TRADE daily_buy_quantity 100 0",
                "1002 VALE3 POSITION_TYPE_DAY_TRADE daily_average_buy_price 50.00 0",
                "1002 PETR4 POSITION_TYPE_CONSOLIDATED open_quantity 0 100",
                "1002 PETR4 POSITION_TYPE_CONSOLIDATED open_average_price 0 9.00",
                "1002 VALE3 POSITION_TYPE_CONSOLIDATED open_average_price 50.00 50.50",
                "1002 VALE3 POSITION_TYPE_CONSOLIDATED daily_average_buy_price 50.00 50.50"),
                report.getDifferencesList().stream().map(d -> d.getAccount() + " " + d.getInstrument().getTicker() + " "
                        + d.getPositionType() + " " + d.getField() + " " + d.getOurs() + " " + d.getTheirs()).toList());
        assertEquals(report.getDifferencesCount(), stack.store.reconciliationDifferences(report.getReportId()).size());
        assertEquals(200, engine.positions(A1).getFirst().quantity()); // nothing overwritten
        assertEquals(List.of("1001/DAY_TRADE", "1001/CONSOLIDATED", "1002/DAY_TRADE", "1002/CONSOLIDATED"), dll.asked);

        dll.down = true;
        var e = assertThrows(StatusRuntimeException.class, () -> positions.reconcile(ReconcileRequest.getDefaultInstance()));
        assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode());
    }

    @Test
    void streamPositionsSendsTheSnapshotThenEachChange() {
        apply(fill("E1", "1001", "PETR4", Side.SIDE_BUY, 100, "10.00"));
        Iterator<PositionUpdate> updates = PositionsGrpc.newBlockingStub(channel)
                .streamPositions(StreamPositionsRequest.newBuilder().setAccount("1001").build());
        PositionUpdate first = updates.next();
        assertTrue(first.getSnapshot());
        assertEquals(100, first.getPosition().getQuantity());
        assertEquals("-1000.30", updates.next().getBalances().getD2());
        assertTrue(updates.next().getSnapshotDone());
        apply(fill("E2", "1002", "PETR4", Side.SIDE_BUY, 100, "10.00"), fill("E3", "1001", "PETR4", Side.SIDE_BUY, 100, "12.00"));
        PositionUpdate live = updates.next();
        assertEquals(false, live.getSnapshot());
        assertEquals(3, live.getSequence()); // the batch's last stored row
        assertEquals(200, live.getPosition().getQuantity());
        assertEquals("11.00", live.getPosition().getAveragePrice());
    }
}
