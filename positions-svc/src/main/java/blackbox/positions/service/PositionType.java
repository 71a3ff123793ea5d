package blackbox.positions.service;

/** ProfitDLL's {@code TConnectorPositionType} (profitdll-api.md §2.3): DayTrade = 1, Consolidated = 2. */
public enum PositionType {
    DAY_TRADE,
    CONSOLIDATED
}
