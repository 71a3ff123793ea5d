package blackbox.bench.risk;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;
import blackbox.risk.core.InstrumentRules;
import blackbox.risk.core.LimitKind;
import blackbox.risk.core.LimitRow;
import blackbox.risk.core.Money;
import blackbox.risk.core.OrderContext;
import blackbox.risk.core.RiskOrder;
import blackbox.risk.core.Scope;
import blackbox.risk.core.StrategyId;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The benchmark's desk: {@code accounts} × {@code instruments} with limits at every level — desk (every kind but
 * the throttle), one strategy, each account (4 kinds), each instrument (3 kinds) and each account×instrument
 * (2 kinds: 100,000 rows for 1,000 × 50) — and a fixed set of random orders that all pass, so the accept path
 * (every check evaluated) is what is measured.
 */
final class RiskBook {
    static final InstrumentRules EQUITY = InstrumentRules.equity(LocalTime.of(10, 0), LocalTime.of(17, 55));
    static final StrategyId TWAP = new StrategyId("twap-1");

    final List<LimitRow> rows = new ArrayList<>();
    final AccountId[] accounts;
    final InstrumentId[] instruments;
    final RiskOrder[] orders;
    final OrderContext[] contexts;

    RiskBook(int accountCount, int instrumentCount, int orderCount, long seed) {
        accounts = new AccountId[accountCount];
        instruments = new InstrumentId[instrumentCount];
        for (int a = 0; a < accountCount; a++) accounts[a] = new AccountId("ACC" + (100_000 + a));
        for (int i = 0; i < instrumentCount; i++) instruments[i] = new InstrumentId("TICK" + i, "B");
        rows.add(new LimitRow(Scope.DESK, LimitKind.MAX_ORDER_QUANTITY, 100_000));
        rows.add(new LimitRow(Scope.DESK, LimitKind.MAX_ORDER_NOTIONAL, 5_000_000 * Money.ONE));
        rows.add(new LimitRow(Scope.DESK, LimitKind.MAX_LONG_POSITION, 1_000_000));
        rows.add(new LimitRow(Scope.DESK, LimitKind.MAX_SHORT_POSITION, 1_000_000));
        rows.add(new LimitRow(Scope.DESK, LimitKind.MAX_DAILY_NOTIONAL, 50_000_000 * Money.ONE));
        rows.add(new LimitRow(Scope.DESK, LimitKind.MAX_OPEN_ORDERS, 500));
        rows.add(new LimitRow(Scope.DESK, LimitKind.PRICE_BAND, 1_000));
        rows.add(new LimitRow(Scope.DESK, LimitKind.SESSION_START, LocalTime.of(10, 5).toSecondOfDay()));
        rows.add(new LimitRow(Scope.DESK, LimitKind.SESSION_END, LocalTime.of(17, 50).toSecondOfDay()));
        rows.add(new LimitRow(Scope.DESK, LimitKind.MIN_D2_CASH, 0));
        rows.add(new LimitRow(Scope.strategy(TWAP), LimitKind.MAX_ORDER_QUANTITY, 50_000));
        rows.add(new LimitRow(Scope.strategy(TWAP), LimitKind.MAX_ORDER_NOTIONAL, 2_000_000 * Money.ONE));
        for (AccountId a : accounts) {
            rows.add(new LimitRow(Scope.account(a), LimitKind.MAX_ORDER_NOTIONAL, 1_000_000 * Money.ONE));
            rows.add(new LimitRow(Scope.account(a), LimitKind.MAX_DAILY_NOTIONAL, 20_000_000 * Money.ONE));
            rows.add(new LimitRow(Scope.account(a), LimitKind.MAX_OPEN_ORDERS, 200));
            rows.add(new LimitRow(Scope.account(a), LimitKind.MIN_D2_CASH, -100_000 * Money.ONE));
        }
        for (InstrumentId i : instruments) {
            rows.add(new LimitRow(Scope.instrument(i), LimitKind.MAX_ORDER_QUANTITY, 80_000));
            rows.add(new LimitRow(Scope.instrument(i), LimitKind.PRICE_BAND, 800));
            rows.add(new LimitRow(Scope.instrument(i), LimitKind.MAX_LONG_POSITION, 500_000));
        }
        for (AccountId a : accounts) {
            for (InstrumentId i : instruments) {
                rows.add(new LimitRow(Scope.accountInstrument(a, i), LimitKind.MAX_LONG_POSITION, 200_000));
                rows.add(new LimitRow(Scope.accountInstrument(a, i), LimitKind.MAX_SHORT_POSITION, 100_000));
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        orders = new RiskOrder[orderCount];
        contexts = new OrderContext[orderCount];
        long t0 = 1_780_000_000_000_000_000L;
        for (int n = 0; n < orderCount; n++) {
            AccountId a = accounts[random.nextInt(accountCount)];
            InstrumentId i = instruments[random.nextInt(instrumentCount)];
            boolean buy = random.nextBoolean();
            long reference = (2_000 + random.nextInt(8_000)) * 100L; // R$ 20,00 .. R$ 99,99
            long price = reference + (random.nextInt(21) - 10) * 100L; // ± R$ 0,10
            long qty = (1 + random.nextInt(50)) * 100L;
            long position = (random.nextInt(200) - 50) * 100L;
            orders[n] = RiskOrder.limit(a, random.nextInt(4) == 0 ? TWAP : StrategyId.NONE, i, buy ? Side.BUY : Side.SELL, qty, price);
            contexts[n] = new OrderContext(position, 100_000, random.nextInt(100), random.nextInt(10) * 100L,
                    random.nextInt(10) * 100L, random.nextInt(1_000_000) * Money.ONE, reference,
                    (500_000 + random.nextInt(1_000_000)) * Money.ONE, EQUITY, t0 + n * 1_000L,
                    LocalTime.of(11, 0).toNanoOfDay() + n * 1_000_000L);
        }
    }
}
