package blackbox.positions.config;

import blackbox.platform.domain.InstrumentId;
import blackbox.positions.core.InstrumentMaster;
import blackbox.positions.core.InstrumentSpec;
import blackbox.positions.core.Scaled;
import blackbox.positions.core.Segment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The instrument master file ({@code instruments.csv}; format in positions-svc/README.md):
 *
 * <pre>
 * ticker,exchange,segment,lot,tick,multiplier,settlement_days
 * PETR4,B,EQUITY,100,0.01,1,2
 * WIN*,F,FUTURE,1,5,0.20,1
 * *,B,EQUITY,100,0.01,1,2
 * </pre>
 *
 * {@code ticker} is exact, or a series root ending in {@code *} (longest root wins), or {@code *} for the
 * exchange's default; {@code tick} and {@code multiplier} (BRL per point) are decimals (at most 4 and 2
 * decimals); {@code settlement_days} is D+n in B3 business days (0..2).
 */
public final class InstrumentMasterFile {
    static final List<String> COLUMNS = List.of("ticker", "exchange", "segment", "lot", "tick", "multiplier",
            "settlement_days");
    /** The built-in default, a classpath resource. */
    public static final String DEFAULT_RESOURCE = "blackbox/positions/instruments.csv";

    private InstrumentMasterFile() {
    }

    /** @throws ConfigFileException naming the file, line, field and value */
    public static InstrumentMaster parse(String file, String content) {
        List<InstrumentMaster.Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CsvFile.Row row : CsvFile.read(file, content, COLUMNS)) {
            String ticker = row.required("ticker");
            String pattern = ticker.endsWith("*") ? ticker.substring(0, ticker.length() - 1) : ticker;
            if (!pattern.isEmpty() && !InstrumentId.validTicker(pattern)) {
                throw row.fail("ticker", ticker, "must match [A-Z0-9_.-]{1,32}, optionally ending in *");
            }
            String exchange = row.required("exchange");
            if (!InstrumentId.validExchange(exchange)) throw row.fail("exchange", exchange, "must match [A-Z0-9_]{1,8}");
            if (!seen.add(ticker + ":" + exchange)) throw row.fail("ticker", ticker, "is listed twice for exchange " + exchange);
            Segment segment = row.choice("segment", Segment.class);
            long lot = row.integer("lot", 1, 1_000_000);
            long tick = row.scaled("tick", Scaled.PRICE_SCALE);
            if (tick <= 0) throw row.fail("tick", row.text("tick"), "must be > 0");
            long multiplier = row.scaled("multiplier", Scaled.MULTIPLIER_SCALE);
            if (multiplier <= 0) throw row.fail("multiplier", row.text("multiplier"), "must be > 0");
            int days = (int) row.integer("settlement_days", 0, 2);
            entries.add(new InstrumentMaster.Entry(ticker, exchange, new InstrumentSpec(segment, lot, tick, multiplier, days)));
        }
        return new InstrumentMaster(entries);
    }

    /** The built-in master. */
    public static InstrumentMaster defaults() {
        return parse(DEFAULT_RESOURCE, Resources.read(DEFAULT_RESOURCE));
    }
}
