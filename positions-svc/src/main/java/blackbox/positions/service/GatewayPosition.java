package blackbox.positions.service;

import blackbox.platform.domain.InstrumentId;
import java.math.BigDecimal;

/**
 * One position as the DLL reports it through the gateway ({@code blackbox.gateway.v1.Position}, from
 * {@code TConnectorTradingAccountPosition}): prices as the gateway's decimal text parsed, BRL (points).
 *
 * @param openQuantity signed, + long
 */
public record GatewayPosition(InstrumentId instrument, PositionType type, long openQuantity,
                              BigDecimal openAveragePrice, long dailyBuyQuantity, BigDecimal dailyAverageBuyPrice,
                              long dailySellQuantity, BigDecimal dailyAverageSellPrice) {
}
