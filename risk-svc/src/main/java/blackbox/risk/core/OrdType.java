package blackbox.risk.core;

/** The order types ProfitDLL sends (b3-trading.md §3): market, limit and stop-limit. */
public enum OrdType {
    MARKET,
    LIMIT,
    STOP_LIMIT
}
