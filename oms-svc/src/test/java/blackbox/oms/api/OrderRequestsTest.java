package blackbox.oms.api;

import static blackbox.oms.api.ApiFixtures.ACCOUNTS;
import static blackbox.oms.api.ApiFixtures.CALLER;
import static blackbox.oms.api.ApiFixtures.RULES;
import static blackbox.oms.api.ApiFixtures.petr4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import blackbox.oms.core.Algorithm;
import blackbox.oms.core.Fixtures;
import blackbox.oms.core.OrdStatus;
import blackbox.oms.core.Order;
import blackbox.oms.core.OrderEvent;
import blackbox.oms.core.TradeDates;
import blackbox.oms.v1.AlgorithmKind;
import blackbox.oms.v1.CancelAllRequest;
import blackbox.oms.v1.GetAuditTrailRequest;
import blackbox.oms.v1.Iceberg;
import blackbox.oms.v1.ListOrdersRequest;
import blackbox.oms.v1.OrdType;
import blackbox.oms.v1.ReplaceOrderRequest;
import blackbox.oms.v1.Side;
import blackbox.oms.v1.SubmitOrderRequest;
import blackbox.oms.v1.TimeInForce;
import blackbox.oms.v1.Twap;
import blackbox.oms.v1.Vwap;
import io.grpc.Status;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OrderRequestsTest {
    static SubmitOrderRequest.Builder valid() {
        return SubmitOrderRequest.newBuilder().setClOrdId("C-1").setAccount("A1").setInstrument(petr4())
                .setSide(Side.SIDE_BUY).setOrdType(OrdType.ORD_TYPE_LIMIT).setOrderQty(300).setPrice("38.50");
    }

    static Validated<Order> submit(UnaryOperator<SubmitOrderRequest.Builder> change) {
        return OrderRequests.submit(change.apply(valid()).build(), CALLER, ACCOUNTS, RULES, TradeDates.B3);
    }

    @Test
    void aValidSubmitIsAPendingNewOrderOfTheCallerOnTheAccountsDesk() {
        Order o = submit(b -> b.setStrategyId("momentum")).orElseThrow();
        assertEquals(OrdStatus.PENDING_NEW, o.status());
        assertEquals("C-1", o.clOrdId().value());
        assertEquals(300, o.orderQty());
        assertEquals(385_000, o.price());
        assertEquals("ana", o.spec().user().value());
        assertEquals("equities", o.spec().desk().value());
        assertEquals(Fixtures.T0, o.spec().createdNanos());
        assertEquals(Fixtures.TRADE_DATE, o.spec().tradeDate());
        assertEquals(Algorithm.Full.INSTANCE, o.spec().algorithm());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty cl_ord_id          | cl_ord_id       | cl_ord_id must be 1..64 printable ASCII characters without spaces: cl_ord_id=""
            unknown account          | account         | account is not a client account oms-svc knows: account="ZZ"
            disabled account         | account         | account is disabled: account="A3"
            unknown instrument       | instrument      | instrument has no lot and tick in the instrument master: instrument=VALE3:B
            not a lot                | order_qty       | order_qty must be a multiple of the lot 100: order_qty=150
            no side                  | side            | side must be SIDE_BUY or SIDE_SELL: side=SIDE_UNSPECIFIED
            market with a price      | price           | price must be empty for a market order: price="38.50"
            limit without a price    | price           | price must be a decimal: price=""
            price off the tick       | price           | price must be a multiple of the tick 0.01: price="38.505"
            buy stop below trigger   | price           | a buy stop's limit must be at or above its trigger: price="38.50", stop_price="38.60"
            GTD without a date       | expire_date     | expire_date must be a date YYYY-MM-DD: expire_date=""
            GTD in the past          | expire_date     | expire_date must not be before today 2025-04-08: expire_date="2025-04-07"
            iceberg above quantity   | algorithm.iceberg.max_floor | algorithm.iceberg.max_floor must be <= the quantity 300: algorithm.iceberg.max_floor=400
            twap interval > horizon  | algorithm.twap.interval_secs | algorithm.twap.interval_secs must be <= algorithm.twap.horizon_secs 60: algorithm.twap.interval_secs=120
            twap interval not dividing | algorithm.twap.interval_secs | algorithm.twap.interval_secs must divide algorithm.twap.horizon_secs: 60/7
            twap stop-limit          | ord_type        | algorithm.twap works ORD_TYPE_LIMIT or ORD_TYPE_MARKET children: ord_type=ORD_TYPE_STOP_LIMIT
            twap parent id too long  | cl_ord_id       | cl_ord_id of an algorithm order must be at most 48 characters (its children append /<slice>/<account>): cl_ord_id="C-1234567890123456789012345678901234567890123456789"
            vwap rate above one      | algorithm.vwap.participation_rate | algorithm.vwap.participation_rate must be in (0, 1]: algorithm.vwap.participation_rate="1.5"
            vwap rate zero           | algorithm.vwap.participation_rate | algorithm.vwap.participation_rate must be in (0, 1]: algorithm.vwap.participation_rate="0"
            vwap interval not dividing | algorithm.vwap.interval_secs | algorithm.vwap.interval_secs must divide algorithm.vwap.horizon_secs: 60/7
            vwap too many sessions   | algorithm.vwap.profile_sessions | algorithm.vwap.profile_sessions must be 0 (default 20) or 1..60: algorithm.vwap.profile_sessions=61
            vwap stop-limit          | ord_type        | algorithm.vwap works ORD_TYPE_LIMIT or ORD_TYPE_MARKET children: ord_type=ORD_TYPE_STOP_LIMIT
            """)
    void badInputNamesTheFieldAndValue(String name, String field, String message) {
        UnaryOperator<SubmitOrderRequest.Builder> change = switch (name) {
            case "empty cl_ord_id" -> b -> b.setClOrdId("");
            case "unknown account" -> b -> b.setAccount("ZZ");
            case "disabled account" -> b -> b.setAccount("A3");
            case "unknown instrument" -> b -> b.setInstrument(blackbox.gateway.v1.InstrumentId.newBuilder().setTicker("VALE3").setExchange("B"));
            case "not a lot" -> b -> b.setOrderQty(150);
            case "no side" -> b -> b.setSide(Side.SIDE_UNSPECIFIED);
            case "market with a price" -> b -> b.setOrdType(OrdType.ORD_TYPE_MARKET);
            case "limit without a price" -> b -> b.clearPrice();
            case "price off the tick" -> b -> b.setPrice("38.505");
            case "buy stop below trigger" -> b -> b.setOrdType(OrdType.ORD_TYPE_STOP_LIMIT).setStopPrice("38.60");
            case "GTD without a date" -> b -> b.setTimeInForce(TimeInForce.TIME_IN_FORCE_GTD);
            case "GTD in the past" -> b -> b.setTimeInForce(TimeInForce.TIME_IN_FORCE_GTD).setExpireDate("2025-04-07");
            case "iceberg above quantity" -> b -> b.setAlgorithm(blackbox.oms.v1.Algorithm.newBuilder()
                    .setIceberg(Iceberg.newBuilder().setMaxFloor(400)));
            case "twap interval > horizon" -> b -> b.setAlgorithm(blackbox.oms.v1.Algorithm.newBuilder()
                    .setTwap(Twap.newBuilder().setHorizonSecs(60).setIntervalSecs(120)));
            case "twap interval not dividing" -> b -> b.setAlgorithm(blackbox.oms.v1.Algorithm.newBuilder()
                    .setTwap(Twap.newBuilder().setHorizonSecs(60).setIntervalSecs(7)));
            case "twap stop-limit" -> b -> b.setOrdType(blackbox.oms.v1.OrdType.ORD_TYPE_STOP_LIMIT).setStopPrice("38.40")
                    .setAlgorithm(blackbox.oms.v1.Algorithm.newBuilder().setTwap(Twap.newBuilder().setHorizonSecs(60).setIntervalSecs(10)));
            case "twap parent id too long" -> b -> b.setClOrdId("C-1234567890123456789012345678901234567890123456789")
                    .setAlgorithm(blackbox.oms.v1.Algorithm.newBuilder().setTwap(Twap.newBuilder().setHorizonSecs(60).setIntervalSecs(10)));
            case "vwap rate above one" -> b -> b.setAlgorithm(blackbox.oms.v1.Algorithm.newBuilder()
                    .setVwap(Vwap.newBuilder().setHorizonSecs(60).setIntervalSecs(10).setParticipationRate("1.5")));
            case "vwap rate zero" -> b -> b.setAlgorithm(blackbox.oms.v1.Algorithm.newBuilder()
                    .setVwap(Vwap.newBuilder().setHorizonSecs(60).setIntervalSecs(10).setParticipationRate("0")));
            case "vwap interval not dividing" -> b -> b.setAlgorithm(blackbox.oms.v1.Algorithm.newBuilder()
                    .setVwap(Vwap.newBuilder().setHorizonSecs(60).setIntervalSecs(7).setParticipationRate("0.1")));
            case "vwap too many sessions" -> b -> b.setAlgorithm(blackbox.oms.v1.Algorithm.newBuilder()
                    .setVwap(Vwap.newBuilder().setHorizonSecs(60).setIntervalSecs(10).setParticipationRate("0.1").setProfileSessions(61)));
            case "vwap stop-limit" -> b -> b.setOrdType(blackbox.oms.v1.OrdType.ORD_TYPE_STOP_LIMIT).setStopPrice("38.40")
                    .setAlgorithm(blackbox.oms.v1.Algorithm.newBuilder().setVwap(Vwap.newBuilder().setHorizonSecs(60).setIntervalSecs(10)
                            .setParticipationRate("0.1")));
            default -> throw new AssertionError(name);
        };
        Validated.Invalid<Order> invalid = assertInstanceOf(Validated.Invalid.class, submit(change));
        assertEquals(field, invalid.field());
        assertEquals(message, invalid.message());
        assertEquals(Status.Code.INVALID_ARGUMENT, invalid.status().getCode());
    }

    @Test
    void aValidOcoCarriesItsThreePrices() {
        Order o = submit(b -> b.setAlgorithm(blackbox.oms.v1.Algorithm.newBuilder()
                .setOco(blackbox.oms.v1.Oco.newBuilder().setLimitPrice("38.00").setStopPrice("39.00").setStopLimitPrice("39.10"))))
                .orElseThrow();
        assertEquals(new blackbox.oms.core.Algorithm.Oco(380_000, 390_000, 391_000), o.spec().algorithm());
    }

    @Test
    void aValidCoverUpToCarriesXTheOffsetAndTheInstrumentsTickAndWorksLimitChildrenOnly() {
        Order o = submit(b -> b.setAlgorithm(blackbox.oms.v1.Algorithm.newBuilder()
                .setCoverUpTo(blackbox.oms.v1.CoverUpTo.newBuilder().setLimitPrice("38.60").setOffsetTicks(1)))).orElseThrow();
        assertEquals(new blackbox.oms.core.Algorithm.CoverUpTo(386_000, 1, 100), o.spec().algorithm());
        Validated.Invalid<Order> market = assertInstanceOf(Validated.Invalid.class, submit(b -> b.setOrdType(OrdType.ORD_TYPE_MARKET)
                .clearPrice().setAlgorithm(blackbox.oms.v1.Algorithm.newBuilder()
                        .setCoverUpTo(blackbox.oms.v1.CoverUpTo.newBuilder().setLimitPrice("38.60")))));
        assertEquals("ord_type", market.field());
        assertEquals("algorithm.cover_up_to works ORD_TYPE_LIMIT children: ord_type=ORD_TYPE_MARKET", market.message());
        Validated.Invalid<Order> offset = assertInstanceOf(Validated.Invalid.class, submit(b -> b.setAlgorithm(
                blackbox.oms.v1.Algorithm.newBuilder().setCoverUpTo(blackbox.oms.v1.CoverUpTo.newBuilder().setLimitPrice("38.60")
                        .setOffsetTicks(-1)))));
        assertEquals("algorithm.cover_up_to.offset_ticks", offset.field());
    }

    @Test
    void aValidVwapIsAnOrderWithItsScheduleRateAndDefaultSessions() {
        Order o = submit(b -> b.setAlgorithm(blackbox.oms.v1.Algorithm.newBuilder()
                .setVwap(blackbox.oms.v1.Vwap.newBuilder().setHorizonSecs(600).setIntervalSecs(60).setParticipationRate("0.10")))).orElseThrow();
        assertEquals(new blackbox.oms.core.Algorithm.Vwap(600, 60, new java.math.BigDecimal("0.10"), 0, 20), o.spec().algorithm());
        Order five = submit(b -> b.setAlgorithm(blackbox.oms.v1.Algorithm.newBuilder()
                .setVwap(blackbox.oms.v1.Vwap.newBuilder().setHorizonSecs(600).setIntervalSecs(60).setParticipationRate("1")
                        .setProfileSessions(5)))).orElseThrow();
        assertEquals(5, ((blackbox.oms.core.Algorithm.Vwap) five.spec().algorithm()).profileSessions());
    }

    @Test
    void aValidTwapIsAnOrderWithItsSchedule() {
        Order o = submit(b -> b.setAlgorithm(blackbox.oms.v1.Algorithm.newBuilder()
                .setTwap(Twap.newBuilder().setHorizonSecs(600).setIntervalSecs(60)))).orElseThrow();
        assertEquals(new blackbox.oms.core.Algorithm.Twap(600, 60, 0), o.spec().algorithm());
    }

    @Test
    void anEmulatedValidityIsUnimplemented() {
        Validated<Order> v = submit(b -> b.setTimeInForce(TimeInForce.TIME_IN_FORCE_GTC));
        assertEquals(Status.Code.UNIMPLEMENTED, v.status().getCode());
        assertEquals("time in force GTC needs emulation by oms-svc, not implemented yet: time_in_force=TIME_IN_FORCE_GTC",
                v.status().getDescription());
    }

    @Test
    void aReplaceKeepsWhatItDoesNotChangeAndMustChangeSomething() {
        Order current = submit(b -> b).orElseThrow();
        OrderEvent.ReplaceRequested r = OrderRequests.replace(ReplaceOrderRequest.newBuilder().setClOrdId("C-1")
                .setPrice("38.40").build(), current, CALLER, RULES).orElseThrow();
        assertEquals(300, r.orderQty());
        assertEquals(384_000, r.price());
        Validated<OrderEvent.ReplaceRequested> same = OrderRequests.replace(ReplaceOrderRequest.newBuilder()
                .setClOrdId("C-1").setOrderQty(300).build(), current, CALLER, RULES);
        assertEquals("order_qty", assertInstanceOf(Validated.Invalid.class, same).field());
    }

    @Test
    void cancelAllNeedsAScopeAndListsAndAuditQueriesCheckTheirFields() {
        assertEquals("CancelAll needs a scope: at least one of account, block_id, strategy_id, instrument, desk, or all=true",
                QueryRequests.cancelAll(CancelAllRequest.getDefaultInstance()).status().getDescription());
        assertEquals("all takes no other field: all=true with account=\"A1\", block_id=\"\", strategy_id=\"\", desk=\"\"",
                QueryRequests.cancelAll(CancelAllRequest.newBuilder().setAll(true).setAccount("A1").build()).status().getDescription());
        assertEquals("confirm_timeout_millis must be 0..60000: confirm_timeout_millis=60001",
                QueryRequests.cancelAll(CancelAllRequest.newBuilder().setAll(true).setConfirmTimeoutMillis(60_001).build())
                        .status().getDescription());
        assertEquals(true, QueryRequests.cancelAll(CancelAllRequest.newBuilder().setAll(true).build()).orElseThrow()
                .matches(submit(b -> b).orElseThrow()));
        CancelScope scope = QueryRequests.cancelAll(CancelAllRequest.newBuilder().setDesk("equities").setInstrument(petr4())
                .build()).orElseThrow();
        assertEquals(true, scope.matches(submit(b -> b).orElseThrow()));
        assertEquals("page_token must come from a previous response: page_token=\"x\"",
                QueryRequests.listOrders(ListOrdersRequest.newBuilder().setPageToken("x").build()).status().getDescription());
        assertEquals(blackbox.oms.core.Algorithm.Kind.TWAP, QueryRequests.listOrders(ListOrdersRequest.newBuilder()
                .setAlgorithm(AlgorithmKind.ALGORITHM_KIND_TWAP).setPageToken("o:42").build()).orElseThrow().algorithm().orElseThrow());
        assertEquals(42, QueryRequests.listOrders(ListOrdersRequest.newBuilder().setPageToken("o:42").build()).orElseThrow().beforeId());
        assertEquals("limit must be 1..10000 (0 for 1000): limit=20000",
                QueryRequests.listOrders(ListOrdersRequest.newBuilder().setLimit(20_000).build()).status().getDescription());
        assertEquals("from_nanos must be before to_nanos: from_nanos=5, to_nanos=5",
                QueryRequests.listOrders(ListOrdersRequest.newBuilder().setFromNanos(5).setToNanos(5).build()).status().getDescription());
        assertEquals("GetAuditTrail needs a filter: cl_ord_id, block_id, account or a time window",
                QueryRequests.auditTrail(GetAuditTrailRequest.getDefaultInstance()).status().getDescription());
        var audit = QueryRequests.auditTrail(GetAuditTrailRequest.newBuilder().setBlockId("B-1").setPageToken(
                QueryRequests.auditPageToken(false, 7, 99)).build()).orElseThrow();
        assertEquals(7, audit.afterCommandId());
        assertEquals(99, audit.afterSequence());
    }
}
