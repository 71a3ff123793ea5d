package blackbox.risk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;
import blackbox.risk.switches.HaltMode;
import blackbox.risk.switches.KillSwitch;
import blackbox.risk.switches.SwitchBoard;
import blackbox.risk.switches.SwitchState;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreTradeCheckTest {
    static final AccountId ACC = new AccountId("1234");
    static final AccountId OTHER = new AccountId("9999");
    static final InstrumentId PETR4 = new InstrumentId("PETR4", "B");
    static final InstrumentId WIN = new InstrumentId("WINZ26", "F");
    static final StrategyId TWAP = new StrategyId("twap-7");
    static final InstrumentRules EQUITY = InstrumentRules.equity(LocalTime.of(10, 0), LocalTime.of(17, 55));
    static final long NOON = LocalTime.NOON.toNanoOfDay();
    static final long T0 = 1_780_000_000_000_000_000L;

    final PreTradeCheck check = new PreTradeCheck();
    final List<LimitRow> rows = new ArrayList<>();
    SwitchBoard board = SwitchBoard.ALL_ACTIVE;

    static long brl(String reais) {
        return new java.math.BigDecimal(reais).movePointRight(Money.SCALE).longValueExact();
    }

    static Context ctx() {
        return new Context();
    }

    /** A fluent context: flat, no orders, R$ 1.000.000 of D+2 cash, reference R$ 38,50, noon. */
    static final class Context {
        long position, borrow, openBuy, openSell, traded, reference = brl("38.50"), cash = brl("1000000"), now = T0, local = NOON;
        int openOrders;
        InstrumentRules rules = EQUITY;

        Context position(long p) { position = p; return this; }
        Context borrow(long b) { borrow = b; return this; }
        Context openBuy(long q) { openBuy = q; return this; }
        Context openSell(long q) { openSell = q; return this; }
        Context openOrders(int n) { openOrders = n; return this; }
        Context traded(long n) { traded = n; return this; }
        Context reference(long p) { reference = p; return this; }
        Context cash(long c) { cash = c; return this; }
        Context at(long utc) { now = utc; return this; }
        Context local(LocalTime t) { local = t.toNanoOfDay(); return this; }
        Context rules(InstrumentRules r) { rules = r; return this; }

        OrderContext build() {
            return new OrderContext(position, borrow, openOrders, openBuy, openSell, traded, reference, cash, rules, now, local);
        }
    }

    void limit(Scope scope, LimitKind kind, long value) {
        rows.add(new LimitRow(scope, kind, value));
    }

    Decision run(RiskOrder order, Context c) {
        return check.check(order, c.build(), new RiskSnapshot(LimitBook.build(rows), board, true, ""));
    }

    static RiskOrder buy(long qty, String price) {
        return RiskOrder.limit(ACC, StrategyId.NONE, PETR4, Side.BUY, qty, brl(price));
    }

    static RiskOrder sell(long qty, String price) {
        return RiskOrder.limit(ACC, StrategyId.NONE, PETR4, Side.SELL, qty, brl(price));
    }

    static void denied(Decision d, ReasonCode code, String message) {
        assertEquals(code, d.reason(), d.message());
        assertEquals(message, d.message());
    }

    @Test
    void maxOrderNotionalPassesAtTheLimitAndDeniesJustOverWithTheIssueMessage() {
        limit(Scope.account(ACC), LimitKind.MAX_ORDER_NOTIONAL, brl("500000"));
        // 100 × 5.000,00 = 500.000,00: at the limit passes
        assertSame(Decision.ACCEPT, run(buy(100, "5000.00"), ctx()));
        denied(run(buy(100, "5000.01"), ctx()), ReasonCode.MAX_ORDER_NOTIONAL,
                "max order notional for account 1234 is R$ 500.000,00: order R$ 500.001,00");
        denied(run(buy(15_900, "38.51"), ctx()), ReasonCode.MAX_ORDER_NOTIONAL,
                "max order notional for account 1234 is R$ 500.000,00: order R$ 612.309,00");
    }

    @Test
    void maxOrderQuantityAtItsEdge() {
        limit(Scope.DESK, LimitKind.MAX_ORDER_QUANTITY, 10_000);
        assertSame(Decision.ACCEPT, run(buy(10_000, "38.50"), ctx()));
        denied(run(buy(10_100, "38.50"), ctx()), ReasonCode.MAX_ORDER_QUANTITY, "max order quantity for desk is 10.000: order 10.100");
    }

    @Test
    void maxLongPositionCountsPositionAndWorkingBuys() {
        limit(Scope.accountInstrument(ACC, PETR4), LimitKind.MAX_LONG_POSITION, 10_000);
        assertSame(Decision.ACCEPT, run(buy(1_000, "38.50"), ctx().position(8_000).openBuy(1_000)));
        denied(run(buy(1_100, "38.50"), ctx().position(8_000).openBuy(1_000)), ReasonCode.MAX_LONG_POSITION,
                "max long position for account 1234 in PETR4:B is 10.000: order would reach 10.100 (position 8.000 + working buys 1.000 + order 1.100)");
    }

    @Test
    void maxShortPositionCountsWorkingSells() {
        limit(Scope.instrument(PETR4), LimitKind.MAX_SHORT_POSITION, 5_000);
        Context c = ctx().position(-4_000).openSell(500).borrow(1_000_000);
        assertSame(Decision.ACCEPT, run(sell(500, "38.50"), c));
        denied(run(sell(600, "38.50"), c), ReasonCode.MAX_SHORT_POSITION,
                "max short position for instrument PETR4:B is 5.000: order would reach 5.100 short (position -4.000 − working sells 500 − order 600)");
    }

    @Test
    void maxDailyNotionalIncludesTheOrder() {
        limit(Scope.account(ACC), LimitKind.MAX_DAILY_NOTIONAL, brl("1000000"));
        assertSame(Decision.ACCEPT, run(buy(100, "100.00"), ctx().traded(brl("990000"))));
        denied(run(buy(100, "100.01"), ctx().traded(brl("990000"))), ReasonCode.MAX_DAILY_NOTIONAL,
                "max daily traded notional for account 1234 is R$ 1.000.000,00: order would reach R$ 1.000.001,00 (traded R$ 990.000,00 + order R$ 10.001,00)");
    }

    @Test
    void maxOpenOrdersCountsTheOrder() {
        limit(Scope.account(ACC), LimitKind.MAX_OPEN_ORDERS, 50);
        assertSame(Decision.ACCEPT, run(buy(100, "38.50"), ctx().openOrders(49)));
        denied(run(buy(100, "38.50"), ctx().openOrders(50)), ReasonCode.MAX_OPEN_ORDERS,
                "max open orders for account 1234 is 50: order would make 51");
    }

    @Test
    void throttleAdmitsNInAnySecondAndTheNextOnceTheOldestIsASecondOld() {
        limit(Scope.strategy(TWAP), LimitKind.MAX_ORDERS_PER_SECOND, 3);
        LimitBook book = LimitBook.build(rows);
        RiskSnapshot snap = new RiskSnapshot(book, board, true, "");
        RiskOrder o = RiskOrder.limit(ACC, TWAP, PETR4, Side.BUY, 100, brl("38.50"));
        for (int i = 0; i < 3; i++) assertSame(Decision.ACCEPT, check.check(o, ctx().at(T0 + i).build(), snap));
        denied(check.check(o, ctx().at(T0 + 999_999_999L).build(), snap), ReasonCode.THROTTLE,
                "max orders per second for strategy twap-7 is 3: 3 accepted in the last second");
        // a manual order of the same account is not in the strategy's window
        assertSame(Decision.ACCEPT, check.check(buy(100, "38.50"), ctx().at(T0 + 999_999_999L).build(), snap));
        assertSame(Decision.ACCEPT, check.check(o, ctx().at(T0 + 1_000_000_000L).build(), snap));
        // a limit change keeps the window's history
        LimitBook changed = LimitBook.build(rows);
        changed.carryOverWindows(book);
        denied(check.check(o, ctx().at(T0 + 1_000_000_000L).build(), new RiskSnapshot(changed, board, true, "")),
                ReasonCode.THROTTLE, "max orders per second for strategy twap-7 is 3: 3 accepted in the last second");
    }

    @Test
    void priceBandAroundTheReferenceBothSides() {
        limit(Scope.DESK, LimitKind.PRICE_BAND, 500); // 5%: 38,50 → buys up to 40,425, sells down to 36,575
        assertSame(Decision.ACCEPT, run(buy(100, "40.42"), ctx()));
        denied(run(buy(100, "40.43"), ctx()), ReasonCode.PRICE_BAND,
                "price band for desk is 5% around the reference R$ 38,50 (buys up to R$ 40,425): order buy at R$ 40,43");
        assertSame(Decision.ACCEPT, run(sell(100, "36.58"), ctx().position(100)));
        denied(run(sell(100, "36.57"), ctx().position(100)), ReasonCode.PRICE_BAND,
                "price band for desk is 5% around the reference R$ 38,50 (sells down to R$ 36,575): order sell at R$ 36,57");
        denied(run(buy(100, "38.50"), ctx().reference(0)), ReasonCode.NO_REFERENCE_PRICE,
                "price band for desk needs a reference price for PETR4:B: there is no last trade nor previous close");
    }

    @Test
    void sessionHoursOfTheInstrumentNarrowedByALimit() {
        assertSame(Decision.ACCEPT, run(buy(100, "38.50"), ctx().local(LocalTime.of(10, 0))));
        denied(run(buy(100, "38.50"), ctx().local(LocalTime.of(9, 59, 59))), ReasonCode.OUTSIDE_SESSION,
                "session of PETR4:B is 10:00:00–17:55:00: now 09:59:59");
        denied(run(buy(100, "38.50"), ctx().local(LocalTime.of(17, 55))), ReasonCode.OUTSIDE_SESSION,
                "session of PETR4:B is 10:00:00–17:55:00: now 17:55:00");
        limit(Scope.strategy(TWAP), LimitKind.SESSION_END, LocalTime.of(17, 30).toSecondOfDay());
        RiskOrder algo = RiskOrder.limit(ACC, TWAP, PETR4, Side.BUY, 100, brl("38.50"));
        assertSame(Decision.ACCEPT, run(algo, ctx().local(LocalTime.of(17, 29, 59))));
        denied(run(algo, ctx().local(LocalTime.of(17, 30))), ReasonCode.OUTSIDE_SESSION,
                "session limit for strategy twap-7 is 10:00:00–17:30:00: now 17:30:00");
    }

    @Test
    void lotAndTickComeFromTheInstrument() {
        denied(run(buy(150, "38.50"), ctx()), ReasonCode.LOT, "quantity must be a multiple of the lot 100: quantity=150");
        denied(run(buy(100, "38.505"), ctx()), ReasonCode.TICK, "price must be a multiple of the tick 0,01: price=38,505");
        denied(run(buy(0, "38.50"), ctx()), ReasonCode.INVALID_QUANTITY, "quantity must be > 0: quantity=0");
        InstrumentRules win = InstrumentRules.future(brl("5"), brl("0.20"), LocalTime.of(9, 0), LocalTime.of(18, 25));
        RiskOrder winBuy = RiskOrder.limit(ACC, StrategyId.NONE, WIN, Side.BUY, 1, brl("130003"));
        denied(run(winBuy, ctx().rules(win)), ReasonCode.TICK, "price must be a multiple of the tick 5,00: price=130.003,00");
    }

    @Test
    void futuresNotionalUsesThePointValue() {
        InstrumentRules win = InstrumentRules.future(brl("5"), brl("0.20"), LocalTime.of(9, 0), LocalTime.of(18, 25));
        limit(Scope.DESK, LimitKind.MAX_ORDER_NOTIONAL, brl("260000"));
        // 10 × 130.000 points × R$ 0,20 = R$ 260.000,00
        assertSame(Decision.ACCEPT, run(RiskOrder.limit(ACC, StrategyId.NONE, WIN, Side.BUY, 10, brl("130000")), ctx().rules(win)));
        denied(run(RiskOrder.limit(ACC, StrategyId.NONE, WIN, Side.BUY, 10, brl("130005")), ctx().rules(win)),
                ReasonCode.MAX_ORDER_NOTIONAL, "max order notional for desk is R$ 260.000,00: order R$ 260.010,00");
        // a future may be sold short without borrow
        assertSame(Decision.ACCEPT, run(RiskOrder.limit(ACC, StrategyId.NONE, WIN, Side.SELL, 1, brl("130000")), ctx().rules(win)));
    }

    @Test
    void noNakedShortBeyondPositionPlusBorrow() {
        assertSame(Decision.ACCEPT, run(sell(300, "38.50"), ctx().position(100).borrow(200)));
        denied(run(sell(400, "38.50"), ctx().position(100).borrow(200)), ReasonCode.SHORT_NOT_COVERED,
                "sale cover (position + borrow) for account 1234 in PETR4:B is 300 (position 100 + borrow 200): sells 400 (working 0 + order 400)");
        denied(run(sell(200, "38.50"), ctx().position(100).borrow(200).openSell(200)), ReasonCode.SHORT_NOT_COVERED,
                "sale cover (position + borrow) for account 1234 in PETR4:B is 300 (position 100 + borrow 200): sells 400 (working 200 + order 200)");
    }

    @Test
    void buyingPowerKeepsProjectedD2CashAboveTheLimit() {
        limit(Scope.DESK, LimitKind.MIN_D2_CASH, 0);
        assertSame(Decision.ACCEPT, run(buy(1_000, "50.00"), ctx().cash(brl("50000"))));
        denied(run(buy(1_000, "50.01"), ctx().cash(brl("50000"))), ReasonCode.BUYING_POWER,
                "min projected D+2 cash for desk is R$ 0,00: order would leave -R$ 10,00 (projected R$ 50.000,00 − order R$ 50.010,00)");
        // an account's credit line is looser than the desk's 0: the desk still binds
        limit(Scope.account(ACC), LimitKind.MIN_D2_CASH, brl("-20000"));
        assertEquals(ReasonCode.BUYING_POWER, run(buy(1_000, "50.01"), ctx().cash(brl("50000"))).reason());
        // alone, it lets the account go R$ 20.000 below zero
        rows.removeIf(r -> r.scope().equals(Scope.DESK));
        assertSame(Decision.ACCEPT, run(buy(1_000, "70.00"), ctx().cash(brl("50000"))));
        assertEquals(ReasonCode.BUYING_POWER, run(buy(1_000, "70.01"), ctx().cash(brl("50000"))).reason());
    }

    @Test
    void theTightestScopeDeniesAndIsNamed() {
        limit(Scope.DESK, LimitKind.MAX_ORDER_QUANTITY, 10_000);
        limit(Scope.strategy(TWAP), LimitKind.MAX_ORDER_QUANTITY, 5_000);
        limit(Scope.account(ACC), LimitKind.MAX_ORDER_QUANTITY, 8_000);
        limit(Scope.instrument(PETR4), LimitKind.MAX_ORDER_QUANTITY, 7_000);
        limit(Scope.accountInstrument(ACC, PETR4), LimitKind.MAX_ORDER_QUANTITY, 6_000);
        denied(run(buy(6_100, "38.50"), ctx()), ReasonCode.MAX_ORDER_QUANTITY,
                "max order quantity for account 1234 in PETR4:B is 6.000: order 6.100");
        denied(run(RiskOrder.limit(ACC, TWAP, PETR4, Side.BUY, 5_100, brl("38.50")), ctx()), ReasonCode.MAX_ORDER_QUANTITY,
                "max order quantity for strategy twap-7 is 5.000: order 5.100");
        RiskOrder otherAccount = RiskOrder.limit(OTHER, StrategyId.NONE, PETR4, Side.BUY, 7_100, brl("38.50"));
        denied(run(otherAccount, ctx()), ReasonCode.MAX_ORDER_QUANTITY, "max order quantity for instrument PETR4:B is 7.000: order 7.100");
        RiskOrder otherInstrument = RiskOrder.limit(ACC, StrategyId.NONE, new InstrumentId("VALE3", "B"), Side.BUY, 8_100, brl("38.50"));
        denied(run(otherInstrument, ctx()), ReasonCode.MAX_ORDER_QUANTITY, "max order quantity for account 1234 is 8.000: order 8.100");
        RiskOrder neither = RiskOrder.limit(OTHER, StrategyId.NONE, new InstrumentId("VALE3", "B"), Side.BUY, 10_100, brl("38.50"));
        denied(run(neither, ctx()), ReasonCode.MAX_ORDER_QUANTITY, "max order quantity for desk is 10.000: order 10.100");
        // a looser narrower limit does not loosen a broader one
        rows.clear();
        limit(Scope.DESK, LimitKind.MAX_ORDER_QUANTITY, 1_000);
        limit(Scope.accountInstrument(ACC, PETR4), LimitKind.MAX_ORDER_QUANTITY, 100_000);
        denied(run(buy(1_100, "38.50"), ctx()), ReasonCode.MAX_ORDER_QUANTITY, "max order quantity for desk is 1.000: order 1.100");
    }

    @Test
    void theFirstDenyInTheDocumentedOrderWins() {
        limit(Scope.DESK, LimitKind.MAX_ORDER_QUANTITY, 100);
        limit(Scope.DESK, LimitKind.MAX_ORDER_NOTIONAL, brl("1"));
        limit(Scope.DESK, LimitKind.MAX_OPEN_ORDERS, 1);
        assertEquals(ReasonCode.LOT, run(buy(150, "38.50"), ctx().openOrders(5)).reason());
        assertEquals(ReasonCode.MAX_ORDER_QUANTITY, run(buy(200, "38.50"), ctx().openOrders(5)).reason());
        assertEquals(ReasonCode.MAX_ORDER_NOTIONAL, run(buy(100, "38.50"), ctx().openOrders(5)).reason());
    }

    @Test
    void reducingOrdersSkipExposureLimitsButNotFatFinger() {
        limit(Scope.DESK, LimitKind.MAX_LONG_POSITION, 0);
        limit(Scope.DESK, LimitKind.MAX_SHORT_POSITION, 0);
        limit(Scope.DESK, LimitKind.MAX_DAILY_NOTIONAL, 0);
        limit(Scope.DESK, LimitKind.MIN_D2_CASH, brl("1000000000"));
        limit(Scope.DESK, LimitKind.MAX_ORDER_QUANTITY, 1_000);
        // long 1.000 over every exposure limit: selling it passes
        assertSame(Decision.ACCEPT, run(sell(1_000, "38.50"), ctx().position(1_000)));
        // short 500: buying back passes the buying power and long limits
        assertSame(Decision.ACCEPT, run(buy(500, "38.50"), ctx().position(-500)));
        // but not beyond the fat-finger quantity
        assertEquals(ReasonCode.MAX_ORDER_QUANTITY, run(sell(1_100, "38.50"), ctx().position(2_000)).reason());
        // and a sell that would flip the position is not reducing
        assertEquals(ReasonCode.MAX_SHORT_POSITION, run(sell(1_000, "38.50"), ctx().position(1_000).openSell(100).borrow(5_000)).reason());
    }

    @Test
    void cancelsAlwaysPassEvenWhenHaltedOrUnknown() {
        board = SwitchBoard.of(List.of(new KillSwitch(Scope.DESK, SwitchState.HALTED, HaltMode.KEEP, "ana", "test", T0, 1)), 1);
        assertSame(Decision.ACCEPT, run(buy(150, "38.505").asCancel(), ctx()));
        assertSame(Decision.ACCEPT, check.check(buy(100, "38.50").asCancel(), ctx().build(), RiskSnapshot.UNKNOWN));
        denied(check.check(buy(100, "38.50"), ctx().build(), RiskSnapshot.UNKNOWN), ReasonCode.RISK_STATE_UNKNOWN,
                "risk state unknown (not synced yet): new orders are denied until the kill switches are re-read from PostgreSQL");
    }

    @Test
    void haltedScopeDeniesEveryNewOrderReducingIncluded() {
        board = SwitchBoard.of(List.of(new KillSwitch(Scope.account(ACC), SwitchState.HALTED, HaltMode.KEEP, "ana", "client call", T0, 1)), 1);
        denied(run(sell(100, "38.50"), ctx().position(100)), ReasonCode.SWITCH_HALTED,
                "account 1234 is HALTED by ana (client call): only cancels pass");
        RiskOrder other = RiskOrder.limit(OTHER, StrategyId.NONE, PETR4, Side.BUY, 100, brl("38.50"));
        assertSame(Decision.ACCEPT, run(other, ctx()));
    }

    @Test
    void reducingScopePassesOnlyReducingOrders() {
        board = SwitchBoard.of(List.of(new KillSwitch(Scope.instrument(PETR4), SwitchState.REDUCING, HaltMode.NONE, "bia", "news", T0, 1)), 1);
        assertSame(Decision.ACCEPT, run(sell(100, "38.50"), ctx().position(100)));
        denied(run(buy(100, "38.50"), ctx().position(100)), ReasonCode.SWITCH_REDUCING,
                "instrument PETR4:B is REDUCING by bia (news): only reducing orders pass: order buy 100 with position 100, working buys 0");
        denied(run(sell(100, "38.50"), ctx().position(100).openSell(100)), ReasonCode.SWITCH_REDUCING,
                "instrument PETR4:B is REDUCING by bia (news): only reducing orders pass: order sell 100 with position 100, working sells 100");
    }

    @Test
    void theMostRestrictiveSwitchOfTheOrdersScopesBinds() {
        board = SwitchBoard.of(List.of(
                new KillSwitch(Scope.DESK, SwitchState.REDUCING, HaltMode.NONE, "ana", "", T0, 1),
                new KillSwitch(Scope.strategy(TWAP), SwitchState.HALTED, HaltMode.FLATTEN, "ana", "runaway", T0, 2)), 2);
        RiskOrder algo = RiskOrder.limit(ACC, TWAP, PETR4, Side.SELL, 100, brl("38.50"));
        assertEquals(ReasonCode.SWITCH_HALTED, run(algo, ctx().position(100)).reason());
        assertSame(Decision.ACCEPT, run(sell(100, "38.50"), ctx().position(100)));
    }

    @Test
    void marketOrdersAreValuedAtTheReferenceAndNeedOne() {
        limit(Scope.DESK, LimitKind.MAX_ORDER_NOTIONAL, brl("3850"));
        RiskOrder m = RiskOrder.market(ACC, StrategyId.NONE, PETR4, Side.BUY, 100);
        assertSame(Decision.ACCEPT, run(m, ctx()));
        assertEquals(ReasonCode.MAX_ORDER_NOTIONAL, run(m, ctx().reference(brl("38.51"))).reason());
        denied(run(m, ctx().reference(0)), ReasonCode.NO_REFERENCE_PRICE,
                "market order needs a reference price for PETR4:B: there is no last trade nor previous close");
    }
}
