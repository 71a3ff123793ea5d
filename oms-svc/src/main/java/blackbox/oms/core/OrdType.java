package blackbox.oms.core;

/** The order types ProfitDLL sends (b3-trading.md §3; profitdll-api.md §2.3: 1 market, 2 limit, 4 stop-limit). */
public enum OrdType {
    MARKET,
    LIMIT,
    /** Price = limit, stop price = trigger. */
    STOP_LIMIT;

    public boolean hasLimitPrice() {
        return this != MARKET;
    }
}
