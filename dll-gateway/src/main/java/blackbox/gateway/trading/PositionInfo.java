package blackbox.gateway.trading;

import blackbox.platform.domain.InstrumentId;

/**
 * A position as GetPositionV2 reports it (profitdll-api.md §3.4); prices are the DLL's doubles.
 *
 * @param positionType 1 day trade, 2 consolidated
 * @param openQuantity signed: {@code > 0} long, {@code < 0} short (OpenQuantity with the sign of OpenSide)
 */
public record PositionInfo(AccountKey account, InstrumentId instrument, int positionType, long openQuantity,
                           double openAveragePrice, long dailyBuyQuantity, double dailyAverageBuyPrice,
                           long dailySellQuantity, double dailyAverageSellPrice) {
}
