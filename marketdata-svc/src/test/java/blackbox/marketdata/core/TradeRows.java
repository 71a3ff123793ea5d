package blackbox.marketdata.core;

import blackbox.platform.domain.InstrumentId;
import java.time.LocalDate;

/** Trades for tests: number n at time {@code 1_000 * n} ns unless told. */
final class TradeRows {
    static final InstrumentId PETR4 = new InstrumentId("PETR4", "B");
    static final InstrumentId VALE3 = new InstrumentId("VALE3", "B");
    static final LocalDate DAY = LocalDate.of(2024, 3, 15);

    private TradeRows() {
    }

    static TradeRow trade(long number) {
        return trade(PETR4, DAY, number);
    }

    static TradeRow trade(InstrumentId instrument, LocalDate day, long number) {
        return trade(instrument, day, number, timeOf(number));
    }

    static TradeRow trade(InstrumentId instrument, LocalDate day, long number, long timeNanos) {
        return new TradeRow(instrument, day, number, timeNanos, 38.5, 100, 3850.0, 3, 8, 2, false, timeNanos + 1);
    }

    static TradeRow edit(long number, double price, long quantity) {
        return new TradeRow(PETR4, DAY, number, timeOf(number), price, quantity, price * quantity, 3, 8, 2, true,
                timeOf(number) + 5);
    }

    static long timeOf(long number) {
        return 1_000 * number;
    }
}
