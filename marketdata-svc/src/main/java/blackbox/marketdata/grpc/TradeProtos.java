package blackbox.marketdata.grpc;

import blackbox.gateway.v1.Aggressor;
import blackbox.gateway.v1.InstrumentId;
import blackbox.gateway.v1.Trade;
import blackbox.gateway.v1.TradeBatch;
import blackbox.marketdata.core.TradeRow;
import java.util.List;

/** Stored trades as the gateway's {@link Trade} messages (the form every consumer already reads). */
final class TradeProtos {
    private TradeProtos() {
    }

    /** The aggressor of a DLL trade type, as the gateway maps it: 2 aggressive buy, 3 aggressive sell, else none. */
    static Aggressor aggressor(int tradeType) {
        return switch (tradeType) {
            case 2 -> Aggressor.AGGRESSOR_BUY;
            case 3 -> Aggressor.AGGRESSOR_SELL;
            default -> Aggressor.AGGRESSOR_NONE;
        };
    }

    /** One batch message; the rows are of one instrument. */
    static TradeBatch batch(List<TradeRow> rows) {
        TradeBatch.Builder batch = TradeBatch.newBuilder();
        InstrumentId instrument = null;
        for (TradeRow row : rows) {
            if (instrument == null) instrument = MarketDataService.proto(row.instrument());
            batch.addTrades(trade(row, instrument));
        }
        return batch.build();
    }

    static Trade trade(TradeRow row, InstrumentId instrument) {
        return Trade.newBuilder()
                .setInstrument(instrument)
                .setTimeNanos(row.timeNanos())
                .setPrice(row.price())
                .setQuantity(row.quantity())
                .setVolume(row.volume())
                .setTradeNumber((int) row.tradeNumber()) // uint32 on the wire
                .setBuyAgent(row.buyAgent())
                .setSellAgent(row.sellAgent())
                .setTradeType(row.tradeType())
                .setAggressor(aggressor(row.tradeType()))
                .setEdit(row.edit())
                .setReceivedNanos(row.receivedNanos())
                .build();
    }
}
