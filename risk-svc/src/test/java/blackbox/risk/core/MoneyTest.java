package blackbox.risk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MoneyTest {
    @Test
    void formatsPtBrReais() {
        assertEquals("R$ 500.000,00", Money.brl(5_000_000_000L));
        assertEquals("R$ 0,00", Money.brl(0));
        assertEquals("-R$ 1.234,5678", Money.brl(-12_345_678L));
        assertEquals("R$ 40,425", Money.brl(404_250L));
        assertEquals("10.000", Money.quantity(10_000));
    }

    @Test
    void productsSaturateInsteadOfWrapping() {
        assertEquals(Long.MAX_VALUE, Money.times(Long.MAX_VALUE / 2, 3));
        assertEquals(Long.MIN_VALUE, Money.times(Long.MAX_VALUE / 2, -3));
        assertEquals(Long.MAX_VALUE, Money.notional(1_000_000_000L, 100_000_000_000L, Money.ONE));
        assertEquals(2_600_000_000L, Money.notional(10, 1_300_000_000L, 2_000)); // 10 WIN at 130.000 = R$ 260.000
    }
}
