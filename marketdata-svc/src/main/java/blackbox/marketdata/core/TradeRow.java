package blackbox.marketdata.core;

import blackbox.platform.domain.InstrumentId;
import java.time.LocalDate;

/**
 * One trade as marketdata-svc stores it.
 *
 * @param instrument the instrument
 * @param tradingDay the exchange's session date of the trade (B3: the America/Sao_Paulo date of timeNanos)
 * @param tradeNumber the DLL's trade number, unique per instrument and session (uint32 range)
 * @param timeNanos trade time, UTC epoch ns
 * @param price as the DLL gave it (BRL for B3)
 * @param quantity shares or contracts
 * @param volume financial volume as the DLL computed it
 * @param buyAgent broker code of the buyer, 0 if unknown
 * @param sellAgent broker code of the seller, 0 if unknown
 * @param tradeType the DLL's trade type (2 aggressive buy, 3 aggressive sell, 4 auction, ...)
 * @param edit true for an edit (TC_IS_EDIT) of the trade with this number: kept apart, never a new trade
 * @param receivedNanos when the gateway received it, UTC epoch ns
 */
public record TradeRow(InstrumentId instrument, LocalDate tradingDay, long tradeNumber, long timeNanos, double price,
                       long quantity, double volume, int buyAgent, int sellAgent, int tradeType, boolean edit,
                       long receivedNanos) {
}
