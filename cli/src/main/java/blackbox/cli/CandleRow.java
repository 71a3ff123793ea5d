package blackbox.cli;

import blackbox.candles.v1.Candle;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;

/**
 * A candle as the CLI prints it ({@code --json}): prices as candle-svc sends them, financial volume in BRL (or the
 * quote currency) from the exact 0.0001 units, times ISO-8601 UTC.
 *
 * @param symbol {@code PETR4} or {@code TICKER:EXCHANGE}
 * @param timeframe {@code 1m} .. {@code 1w}
 * @param openTime the bucket's start, ISO-8601 UTC
 * @param volume shares or contracts
 * @param financialVolume Σ price × quantity, 4 decimals
 * @param trades trades in the bucket (0 for a gap filler)
 */
@JsonPropertyOrder({"symbol", "timeframe", "open_time", "open", "high", "low", "close", "volume", "financial_volume",
        "trades", "vwap"})
public record CandleRow(@JsonProperty("symbol") String symbol,
                        @JsonProperty("timeframe") String timeframe,
                        @JsonProperty("open_time") String openTime,
                        @JsonProperty("open") double open,
                        @JsonProperty("high") double high,
                        @JsonProperty("low") double low,
                        @JsonProperty("close") double close,
                        @JsonProperty("volume") long volume,
                        @JsonProperty("financial_volume") BigDecimal financialVolume,
                        @JsonProperty("trades") long trades,
                        @JsonProperty("vwap") double vwap) {

    public static CandleRow of(String symbol, String timeframe, Candle c) {
        return new CandleRow(symbol, timeframe, Times.iso(c.getBucketStartNanos()), c.getOpen(), c.getHigh(), c.getLow(),
                c.getClose(), c.getVolume(), BigDecimal.valueOf(c.getFinancialVolumeUnits(), 4), c.getTrades(), c.getVwap());
    }
}
