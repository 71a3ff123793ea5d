package blackbox.platform.domain;

/** FIX Side (54) as B3 and ProfitDLL use it for orders: buy or sell ({@code cosBuy=1}, {@code cosSell=2}). */
public enum Side {
    BUY(1),
    SELL(-1);

    private final int sign;

    Side(int sign) {
        this.sign = sign;
    }

    /** +1 for a buy, -1 for a sell: the sign a fill of this side adds to a position. */
    public int sign() {
        return sign;
    }

    /** The other side. */
    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}
