package blackbox.risk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import blackbox.platform.domain.Side;
import java.time.LocalTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReducingTest {
    static final InstrumentRules EQUITY = InstrumentRules.equity(LocalTime.of(10, 0), LocalTime.of(17, 55));

    @ParameterizedTest(name = "{0} {1} with position {2}, working buys {3}, sells {4}: reducing={5}")
    @CsvSource({
            "SELL, 100, 100, 0, 0, true",      // closes the long
            "SELL, 50, 100, 0, 0, true",
            "SELL, 101, 100, 0, 0, false",     // would open a short
            "SELL, 100, 100, 0, 100, false",   // with the working sell, would open a short
            "SELL, 50, 100, 0, 50, true",      // both fill: flat
            "SELL, 100, 100, 500, 0, true",    // working buys do not matter
            "SELL, 100, 0, 0, 0, false",       // flat: any sale opens a short
            "SELL, 100, -100, 0, 0, false",    // short: a sale adds to it
            "BUY, 100, -100, 0, 0, true",
            "BUY, 100, -100, 100, 0, false",
            "BUY, 200, -100, 0, 0, false",
            "BUY, 100, 100, 0, 0, false",
            "BUY, 0, -100, 0, 0, false",       // no quantity is no order
    })
    void anOrderIsReducingWhenNoFillOrderCanFlipOrGrowThePosition(Side side, long qty, long position, long openBuy,
                                                                  long openSell, boolean expected) {
        OrderContext c = new OrderContext(position, 0, 0, openBuy, openSell, 0, 1, 0, EQUITY, 0, 0);
        assertEquals(expected, Reducing.isReducing(side, qty, c));
    }
}
