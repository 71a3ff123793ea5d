package blackbox.positions.core;

import static blackbox.positions.core.Books.A1;
import static blackbox.positions.core.Books.A2;
import static blackbox.positions.core.Books.MON;
import static blackbox.positions.core.Books.PETR4;
import static blackbox.positions.core.Books.WINM25;
import static blackbox.positions.core.Books.book;
import static blackbox.positions.core.Books.brl;
import static blackbox.positions.core.Books.fill;
import static blackbox.positions.core.Books.px;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed cases on the built-in table (equities: normal 0,0050% + 0,0250%, day trade 0,0050% + 0,0180%,
 * each line rounded HALF_UP to centavos per account, instrument and day).
 */
class PositionBookTest {
    static final LocalDate TUE = MON.plusDays(1);

    @Test
    void aBuyOpensTheConsolidatedPositionAtItsPriceAndPaysNormalFeesOnDPlus2() {
        PositionBook book = book();
        var out = (FillOutcome.Applied) book.apply(fill(A1, PETR4, Side.BUY, 300, "10.00", MON));
        // value 3000: trading 0,15 + settlement 0,75
        assertEquals(0, out.realized());
        assertEquals(brl("0.90"), out.costs());
        assertEquals(brl("-3000.90"), out.cash());
        assertEquals(LocalDate.of(2025, 4, 9), out.settlementDate());
        PositionView p = book.position(A1, PETR4).orElseThrow();
        assertEquals(300, p.quantity());
        assertEquals(px("10"), p.averagePrice());
        assertEquals(300, p.dayTradeNetQuantity());
        assertEquals(0, p.dayTradeQuantity());
        assertEquals(Map.of("b3_trading", brl("0.15"), "b3_settlement", brl("0.75"), "brokerage", 0L), p.costLines());
    }

    @Test
    void aPartialSellTheSameDayIsADayTradeOfItsQuantityAndKeepsTheAveragePrice() {
        PositionBook book = book();
        book.apply(fill(A1, PETR4, Side.BUY, 300, "10.00", MON));
        var out = (FillOutcome.Applied) book.apply(fill(A1, PETR4, Side.SELL, 100, "11.00", MON));
        // day trade 100: bought 1000, sold 1100 -> +100; normal value 2000 (the 200 left)
        // costs: dt value 2100 -> 0,105 -> 0,11 and 0,378 -> 0,38; normal 2000 -> 0,10 and 0,50; total 1,09
        assertEquals(brl("100"), out.realized());
        assertEquals(brl("0.19"), out.costs());
        assertEquals(brl("1099.81"), out.cash());
        PositionView p = book.position(A1, PETR4).orElseThrow();
        assertEquals(100, p.dayTradeQuantity());
        assertEquals(200, p.quantity());
        assertEquals(px("10"), p.averagePrice());
        assertEquals(brl("100"), p.realizedDayTrade());
        assertEquals(0, p.realizedSwing());
        assertEquals(brl("1.09"), p.costs());
        assertEquals(brl("-1901.09"), p.cash());
        assertEquals(200, p.dayTradeNetQuantity());
        assertEquals(px("10"), p.dayTradeAveragePrice());
    }

    @Test
    void sellingMoreThanTheCarriedLongRealizesItAndFlipsShortAtTheFillPrice() {
        PositionBook book = book();
        book.apply(fill(A1, PETR4, Side.BUY, 200, "10.00", MON));
        var out = (FillOutcome.Applied) book.apply(fill(A1, PETR4, Side.SELL, 500, "12.00", TUE));
        // carried 200 @ 10 closed at 12: +400; short 300 @ 12; normal value 6000 -> 0,30 + 1,50
        assertEquals(brl("400"), out.realized());
        assertEquals(brl("1.80"), out.costs());
        assertEquals(brl("5998.20"), out.cash());
        assertEquals(LocalDate.of(2025, 4, 10), out.settlementDate());
        PositionView p = book.position(A1, PETR4).orElseThrow();
        assertEquals(TUE, p.tradeDate());
        assertEquals(200, p.openingQuantity());
        assertEquals(px("10"), p.openingAveragePrice());
        assertEquals(-300, p.quantity());
        assertEquals(px("12"), p.averagePrice());
        assertEquals(brl("400"), p.realizedSwing());
        assertEquals(-500, p.dayTradeNetQuantity());
    }

    @Test
    void aSameDayRoundTripIsAllDayTradeAndSettlesOnlyTheNet() {
        PositionBook book = book();
        book.apply(fill(A1, PETR4, Side.BUY, 100, "20.00", MON));
        book.apply(fill(A1, PETR4, Side.SELL, 100, "21.00", MON));
        PositionView p = book.position(A1, PETR4).orElseThrow();
        // dt value 4100: 0,205 -> 0,21 and 0,738 -> 0,74
        assertEquals(0, p.quantity());
        assertEquals(100, p.dayTradeQuantity());
        assertEquals(brl("100"), p.realized());
        assertEquals(brl("0.95"), p.costs());
        assertEquals(brl("99.05"), p.cash());
        assertEquals(brl("99.05"), book.balances(A1, MON).d2());
        assertEquals(0, book.balances(A1, MON).d1());
    }

    @Test
    void theDaysBuysAreAveragedBeforeMatchingAsTheDayTradeRuleSays() {
        // sequentially one would realize +100 and hold 100 @ 12; B3's day-trade-first rule matches the day's
        // average buy (11) against the average sell (11): nothing realized, 100 left at 11
        PositionBook book = book();
        book.apply(fill(A1, PETR4, Side.BUY, 100, "10.00", MON));
        var second = (FillOutcome.Applied) book.apply(fill(A1, PETR4, Side.SELL, 100, "11.00", MON));
        var third = (FillOutcome.Applied) book.apply(fill(A1, PETR4, Side.BUY, 100, "12.00", MON));
        assertEquals(brl("100"), second.realized());
        assertEquals(brl("-100"), third.realized());
        PositionView p = book.position(A1, PETR4).orElseThrow();
        assertEquals(100, p.quantity());
        assertEquals(px("11"), p.averagePrice());
        assertEquals(0, p.realized());
        assertEquals(px("11"), p.dayBuyAveragePrice());
        assertEquals(px("11"), p.daySellAveragePrice());
    }

    @Test
    void buyingMoreWeightsTheAveragePriceAndASwingOpeningMergesWithTheDaysExcess() {
        PositionBook book = book();
        book.apply(fill(A1, PETR4, Side.BUY, 100, "10.00", MON));
        book.apply(fill(A1, PETR4, Side.BUY, 200, "13.00", TUE));
        book.apply(fill(A1, PETR4, Side.SELL, 100, "14.00", TUE));
        PositionView p = book.position(A1, PETR4).orElseThrow();
        // day trade 100 (13 -> 14): +100; excess 100 @ 13 joins 100 @ 10 -> 200 @ 11,5
        assertEquals(200, p.quantity());
        assertEquals(px("11.5"), p.averagePrice());
        assertEquals(brl("100"), p.realizedDayTrade());
        assertEquals(0, p.realizedSwing());
    }

    @Test
    void anAveragePriceThatIsNotExactIsShownTo8DecimalsWhileTheCostStaysExact() {
        PositionBook book = book();
        book.apply(fill(A1, PETR4, Side.BUY, 100, "10.00", MON));
        book.apply(fill(A1, PETR4, Side.BUY, 200, "10.01", MON));
        assertEquals(px("10.00666667"), book.position(A1, PETR4).orElseThrow().averagePrice());
        book.apply(fill(A1, PETR4, Side.SELL, 300, "10.02", TUE));
        PositionView p = book.position(A1, PETR4).orElseThrow();
        // exactly 3006 - 3002: no residue from the rounded average
        assertEquals(brl("4"), p.realized());
        assertEquals(0, p.quantity());
    }

    @Test
    void unrealizedIsMarkedToTheLastTrade() {
        PositionBook book = book();
        book.apply(fill(A1, PETR4, Side.SELL, 300, "10.00", MON));
        book.mark(PETR4, Books.e4("9.50"));
        PositionView p = book.position(A1, PETR4).orElseThrow();
        assertEquals(brl("150"), p.unrealized());
        assertEquals(Books.e4("9.50"), p.markPriceE4());
    }

    @Test
    void aCancelReversesTheTradeExactlyAndACorrectionReappliesIt() {
        PositionBook book = book();
        Fill buy = fill(A1, PETR4, Side.BUY, 300, "10.00", MON);
        Fill sell = fill(A1, PETR4, Side.SELL, 100, "11.00", MON);
        book.apply(buy);
        book.apply(sell);
        var cancel = (FillOutcome.Applied) book.apply(Fill.cancelOf("X1", sell, 0));
        assertEquals(brl("-100"), cancel.realized());
        assertEquals(brl("-0.19"), cancel.costs());
        PositionBook onlyBuy = book();
        onlyBuy.apply(buy);
        assertEquals(onlyBuy.position(A1, PETR4), book.position(A1, PETR4));
        assertEquals(onlyBuy.balances(A1, MON), book.balances(A1, MON));

        book.apply(Fill.correctionOf("C1", buy, 300, Books.e4("9.00"), 0));
        PositionView p = book.position(A1, PETR4).orElseThrow();
        assertEquals(300, p.quantity());
        assertEquals(px("9"), p.averagePrice());
        assertInstanceOf(FillOutcome.Rejected.class, book.apply(Fill.cancelOf("X2", buy, 0)));
        // the correction itself can be cancelled: back to flat
        book.apply(Fill.cancelOf("X3", new Fill("C1", ExecType.TRADE, "", A1, PETR4, Side.BUY, 300, 1, 0, MON, ""), 0));
        assertEquals(0, book.position(A1, PETR4).orElseThrow().quantity());
    }

    @Test
    void theSameExecIdTwiceIsAppliedOnce() {
        PositionBook book = book();
        Fill buy = fill(A1, PETR4, Side.BUY, 100, "10.00", MON);
        book.apply(buy);
        assertEquals(new FillOutcome.Duplicate(buy.execId()), book.apply(buy));
        assertEquals(100, book.position(A1, PETR4).orElseThrow().quantity());
    }

    @Test
    void refusalsAreValuesNamingTheFieldAndValue() {
        PositionBook book = book();
        var unknown = (FillOutcome.Rejected) book.apply(fill(A1, new InstrumentId("XYZ1", "Q"), Side.BUY, 1, "1", MON));
        assertEquals(RejectReason.UNKNOWN_INSTRUMENT, unknown.reason());
        assertEquals("instrument is not in the instrument master: instrument=XYZ1:Q", unknown.message());
        Fill buy = fill(A1, PETR4, Side.BUY, 100, "10.00", MON);
        var noRef = (FillOutcome.Rejected) book.apply(Fill.cancelOf("X9", buy, 0));
        assertEquals(RejectReason.UNKNOWN_EXEC_REF, noRef.reason());
        book.apply(buy);
        book.apply(fill(A1, PETR4, Side.BUY, 100, "10.00", TUE));
        var late = (FillOutcome.Rejected) book.apply(fill(A1, PETR4, Side.BUY, 100, "10.00", MON));
        assertEquals(RejectReason.CLOSED_DAY, late.reason());
        assertEquals("trade_date is before the position's current day 2025-04-08, which closed it: trade_date=2025-04-07",
                late.message());
        var other = (FillOutcome.Rejected) book.apply(new Fill("X8", ExecType.TRADE_CANCEL, buy.execId(), A2, PETR4,
                Side.BUY, 0, 0, 0, MON, ""));
        assertEquals(RejectReason.MISMATCHED_REF, other.reason());
    }

    @Test
    void perOrderBrokerageChargesEachOrderOnceAtTheRateOfItsSide() {
        FeeTable fees = blackbox.positions.config.FeeTableFile.parse("fees.csv", """
                version,valid_from,segment,day_trade,line,kind,value,rounding
                v1,2020-01-01,EQUITY,false,brokerage,PER_ORDER,4.90,HALF_UP
                v1,2020-01-01,EQUITY,true,brokerage,PER_ORDER,2.90,HALF_UP
                """);
        PositionBook book = new PositionBook(blackbox.positions.config.InstrumentMasterFile.defaults(), fees,
                blackbox.platform.domain.B3Calendar.instance(), AccountGroups.none());
        book.apply(fill("F1", A1, PETR4, Side.BUY, 100, "10", MON, "ORD-1"));
        book.apply(fill("F2", A1, PETR4, Side.BUY, 200, "10", MON, "ORD-1"));
        assertEquals(brl("4.90"), book.position(A1, PETR4).orElseThrow().costs());
        // buy 300, sell 100: the sell order is all day trade (2,90), the buy order is not (4,90)
        book.apply(fill("F3", A1, PETR4, Side.SELL, 100, "11", MON, "ORD-2"));
        assertEquals(brl("7.80"), book.position(A1, PETR4).orElseThrow().costs());
        book.apply(Fill.cancelOf("F4", fill("F3", A1, PETR4, Side.SELL, 100, "11", MON, "ORD-2"), 0));
        assertEquals(brl("4.90"), book.position(A1, PETR4).orElseThrow().costs());
    }

    @Test
    void futuresSettleTheDailyAdjustmentDPlus1AgainstTheSettlementPrice() {
        PositionBook book = book();
        var buy = (FillOutcome.Applied) book.apply(fill(A1, WINM25, Side.BUY, 2, "130000", MON));
        assertEquals(0, buy.cash()); // no notional moves for a future
        book.settle(WINM25, MON, Books.e4("130500"));
        // (130500 - 130000) x 0,20 x 2 = +200 on Tue
        assertEquals(brl("200"), book.position(A1, WINM25).orElseThrow().dailyAdjustment());
        assertEquals(brl("200"), book.balances(A1, MON).d1());
        assertEquals(0, book.balances(A1, MON).d0());
        book.openDay(TUE);
        book.settle(WINM25, TUE, Books.e4("130100"));
        // carried: (130100 - 130500) x 0,20 x 2 = -160 on Wed
        PositionView p = book.position(A1, WINM25).orElseThrow();
        assertEquals(px("130500"), p.openingAveragePrice());
        assertEquals(brl("-160"), p.dailyAdjustment());
        assertEquals(brl("200"), book.balances(A1, TUE).d0());
        assertEquals(brl("40"), book.balances(A1, TUE).d1());
    }

    @Test
    void theDeskViewSumsAccountsPerInstrumentAndPerGroup() {
        PositionBook book = book();
        book.apply(fill(A1, PETR4, Side.BUY, 300, "10.00", MON));
        book.apply(fill(A2, PETR4, Side.SELL, 100, "11.00", MON));
        book.apply(fill(Books.A3, PETR4, Side.BUY, 100, "12.00", MON));
        book.mark(PETR4, Books.e4("11.00"));
        ConsolidatedView all = book.consolidated().getFirst();
        assertEquals(3, all.accounts());
        assertEquals(300, all.quantity());
        assertEquals(brl("300") + brl("0") + brl("-100"), all.unrealized());
        ConsolidatedView fundA = book.consolidated("fundA").getFirst();
        assertEquals(200, fundA.quantity());
        assertEquals(2, fundA.accounts());
        assertEquals(java.util.List.of("fundA", "fundB"), book.groups());
    }

    @Test
    void dPlus2OfAThursdayBeforeEasterLandsAfterGoodFridayTheWeekendAndTiradentes() {
        PositionBook book = book();
        LocalDate thursday = LocalDate.of(2025, 4, 17);
        var out = (FillOutcome.Applied) book.apply(fill(A1, PETR4, Side.BUY, 100, "10.00", thursday));
        assertEquals(LocalDate.of(2025, 4, 23), out.settlementDate());
        BalanceView b = book.balances(A1, thursday);
        assertEquals(LocalDate.of(2025, 4, 22), b.d1Date());
        assertEquals(LocalDate.of(2025, 4, 23), b.d2Date());
        assertEquals(0, b.d0());
        assertEquals(0, b.d1());
        assertEquals(brl("-1000.30"), b.d2());
        // seen from Tuesday 22 the same amount is D+1; from Wednesday 23 it is settled
        assertEquals(brl("-1000.30"), book.balances(A1, LocalDate.of(2025, 4, 22)).d1());
        assertEquals(0, book.balances(A1, LocalDate.of(2025, 4, 22)).d0());
        assertEquals(brl("-1000.30"), book.balances(A1, LocalDate.of(2025, 4, 23)).d0());
    }

    @Test
    void anOpeningCashAndPositionFromTheBrokerAreTheBaseOfTheDay() {
        PositionBook book = book();
        book.setOpeningCash(new OpeningCash(MON, A1, brl("10000"), brl("9000"), brl("9500")));
        book.setOpening(new OpeningPosition(MON, A1, PETR4, 100, OpeningPosition.costOf(100, new java.math.BigDecimal("9.5"), 100)));
        book.apply(fill(A1, PETR4, Side.SELL, 100, "10.00", MON));
        BalanceView b = book.balances(A1, MON);
        assertEquals(brl("10000"), b.d0());
        assertEquals(brl("9000"), b.d1());
        assertEquals(brl("9500") + brl("1000") - brl("0.30"), b.d2());
        assertEquals(brl("50"), book.position(A1, PETR4).orElseThrow().realizedSwing());
    }

    @Test
    void onceADayIsOpenedAFillOfAnEarlierDayIsRefusedEvenForAPositionThatDidNotExist() {
        PositionBook book = Books.book();
        book.apply(Books.fill(A1, PETR4, Side.BUY, 100, "38.00", MON));
        book.openDay(MON.plusDays(1));
        FillOutcome late = book.apply(Books.fill("LATE-1", A2, Books.VALE3, Side.BUY, 100, "60.00", MON, "O-late"));
        FillOutcome.Rejected r = assertInstanceOf(FillOutcome.Rejected.class, late);
        assertEquals(RejectReason.CLOSED_DAY, r.reason());
        assertEquals("trade_date is before 2025-04-08, the day the book opened, which closed the days before it: "
                + "trade_date=2025-04-07", r.message());
        assertTrue(book.position(A2, Books.VALE3).isEmpty(), "nothing of it applied");
    }
}
