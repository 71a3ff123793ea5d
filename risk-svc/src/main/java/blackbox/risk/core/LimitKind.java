package blackbox.risk.core;

/**
 * The limits a scope may set, with their unit and which value is the tightest. Values are {@code long}s in the
 * unit named; money at {@link Money#SCALE}.
 */
public enum LimitKind {
    /** Largest quantity of one order (TMOC/TMOV-like, b3-trading.md §4). Shares or contracts. */
    MAX_ORDER_QUANTITY("max order quantity", Unit.QUANTITY, Tightest.LOWEST),
    /** Largest notional of one order. Money. */
    MAX_ORDER_NOTIONAL("max order notional", Unit.MONEY, Tightest.LOWEST),
    /** Largest potential long in the instrument: position + working buys + the order (SPCI-like). Quantity. */
    MAX_LONG_POSITION("max long position", Unit.QUANTITY, Tightest.LOWEST),
    /** Largest potential short in the instrument: −(position − working sells − the order) (SPVI-like). Quantity. */
    MAX_SHORT_POSITION("max short position", Unit.QUANTITY, Tightest.LOWEST),
    /** Largest traded notional of the account today, the order included. Money. */
    MAX_DAILY_NOTIONAL("max daily traded notional", Unit.MONEY, Tightest.LOWEST),
    /** Most working orders of the account, the order included. Count. */
    MAX_OPEN_ORDERS("max open orders", Unit.COUNT, Tightest.LOWEST),
    /** Most orders accepted in any one-second window of the scope (the scope's own stream; see PreTradeCheck). Count. */
    MAX_ORDERS_PER_SECOND("max orders per second", Unit.COUNT, Tightest.LOWEST),
    /** Price band around the reference price (BRPC/BRPV-like, b3-trading.md §4). Basis points (100 = 1%). */
    PRICE_BAND("price band", Unit.BASIS_POINTS, Tightest.LOWEST),
    /** Earliest time of day orders may be sent, exchange-local. Seconds of day. */
    SESSION_START("session start", Unit.TIME_OF_DAY, Tightest.HIGHEST),
    /** Time of day from which orders are refused, exchange-local. Seconds of day. */
    SESSION_END("session end", Unit.TIME_OF_DAY, Tightest.LOWEST),
    /** Lowest projected D+2 cash the account may reach after a buy (SDP-like); negative: a credit line. Money. */
    MIN_D2_CASH("min projected D+2 cash", Unit.MONEY, Tightest.HIGHEST);

    /** What a value counts. */
    public enum Unit { QUANTITY, MONEY, COUNT, BASIS_POINTS, TIME_OF_DAY }

    /** Which of two values of one kind is the stricter. */
    public enum Tightest { LOWEST, HIGHEST }

    private static final LimitKind[] VALUES = values();

    private final String label;
    private final Unit unit;
    private final Tightest tightest;

    LimitKind(String label, Unit unit, Tightest tightest) {
        this.label = label;
        this.unit = unit;
        this.tightest = tightest;
    }

    /** The words messages use: {@code max order notional}. */
    public String label() {
        return label;
    }

    public Unit unit() {
        return unit;
    }

    public Tightest tightest() {
        return tightest;
    }

    /** The value that never binds: no limit of this kind. */
    public long unset() {
        return tightest == Tightest.LOWEST ? Long.MAX_VALUE : Long.MIN_VALUE;
    }

    /** Is {@code a} at least as strict as {@code b}? */
    public boolean atLeastAsTight(long a, long b) {
        return tightest == Tightest.LOWEST ? a <= b : a >= b;
    }

    static LimitKind of(int ordinal) {
        return VALUES[ordinal];
    }

    static int count() {
        return VALUES.length;
    }

    /**
     * A value in the unit's text form: quantities and counts {@code 10.000}, money {@code R$ 500.000,00}, basis
     * points {@code 5%}/{@code 2,5%}, times {@code 17:30:00}.
     */
    public String format(long value) {
        return switch (unit) {
            case QUANTITY, COUNT -> Money.quantity(value);
            case MONEY -> Money.brl(value);
            case BASIS_POINTS -> new java.math.BigDecimal(value).movePointLeft(2).stripTrailingZeros().toPlainString()
                    .replace('.', ',') + "%";
            case TIME_OF_DAY -> String.format("%02d:%02d:%02d", value / 3600, value / 60 % 60, value % 60);
        };
    }

    /**
     * Checks a value's range for this kind.
     *
     * @throws IllegalArgumentException naming the kind and value
     */
    public long validate(long value) {
        boolean ok = switch (unit) {
            case QUANTITY, COUNT -> value >= 0;
            case MONEY -> this == MIN_D2_CASH || value >= 0;
            case BASIS_POINTS -> value >= 0 && value <= 10_000;
            case TIME_OF_DAY -> value >= 0 && value <= 86_400;
        };
        if (!ok) throw new IllegalArgumentException(name() + " out of range: value=" + value);
        return value;
    }
}
