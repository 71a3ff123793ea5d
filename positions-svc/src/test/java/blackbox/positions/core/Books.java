package blackbox.positions.core;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;
import blackbox.platform.domain.B3Calendar;
import blackbox.positions.config.FeeTableFile;
import blackbox.positions.config.InstrumentMasterFile;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** Test fixtures: the built-in master and fee table, accounts, and fills written in BRL text. */
public final class Books {
    public static final InstrumentId PETR4 = new InstrumentId("PETR4", "B");
    public static final InstrumentId VALE3 = new InstrumentId("VALE3", "B");
    public static final InstrumentId WINM25 = new InstrumentId("WINM25", "F");
    public static final AccountId A1 = new AccountId("1001");
    public static final AccountId A2 = new AccountId("1002");
    public static final AccountId A3 = new AccountId("1003");
    /** Mon 7 Apr 2025. */
    public static final LocalDate MON = LocalDate.of(2025, 4, 7);
    private static int ids;

    private Books() {
    }

    public static PositionBook book() {
        return new PositionBook(InstrumentMasterFile.defaults(), FeeTableFile.defaults(), B3Calendar.instance(),
                new AccountGroups(Map.of(A1, "fundA", A2, "fundA", A3, "fundB")));
    }

    /** A trade with a fresh ExecID. */
    public static Fill fill(AccountId account, InstrumentId instrument, Side side, long qty, String price, LocalDate day) {
        return fill("E" + (++ids), account, instrument, side, qty, price, day, "O" + ids);
    }

    public static Fill fill(String execId, AccountId account, InstrumentId instrument, Side side, long qty, String price,
                            LocalDate day, String orderId) {
        return Fill.trade(execId, account, instrument, side, qty, e4(price), day.toEpochDay() * 86_400_000_000_000L,
                day, orderId);
    }

    public static long e4(String price) {
        return new BigDecimal(price).setScale(4).unscaledValue().longValueExact();
    }

    /** BRL text as money (1e-6). */
    public static long brl(String amount) {
        return new BigDecimal(amount).setScale(6).unscaledValue().longValueExact();
    }

    public static BigDecimal px(String price) {
        return new BigDecimal(price).setScale(8);
    }
}
