package blackbox.oms.config;

import blackbox.oms.core.InstrumentRule;
import blackbox.oms.core.InstrumentRules;
import blackbox.oms.core.Prices;
import blackbox.platform.domain.InstrumentId;
import blackbox.risk.core.Money;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The instrument master oms-svc validates, allocates and checks risk with: lot, tick and fractional instrument (the
 * OMS's {@link InstrumentRule}) and, for the pre-trade check, point value and whether a sale needs cover and a buy
 * debits cash (risk-svc's {@link blackbox.risk.core.InstrumentRules}).
 *
 * <p>Rows come from {@code BLACKBOX_OMS_INSTRUMENTS}, the simulator's instrument master format (so the gateway and
 * oms-svc can share one file): {@code # blackbox-sim-instruments v1}, header
 * {@code ticker,exchange,lot,tick,max_quantity,hours}, empty = default. Without a row, an instrument gets the
 * simulator's documented defaults (dll-gateway/native/sim/README.md "Instruments"): exchange {@code B} lot 100, tick
 * 0.01, fractional market {@code <ticker>F} when the ticker ends in a digit; {@code B} tickers ending in {@code F}
 * whose base ends in a digit lot 1; exchange {@code F}: WIN/IND tick 5 (point R$ 0,20 / R$ 1), WDO/DOL tick 0.5
 * (R$ 10 / R$ 50), others tick 0.01, lot 1; any other exchange lot 1 and tick 0.0001 (our finest price grid). These
 * defaults stand in for the DLL's asset list until oms-svc reads it (b3-trading.md §1: the lot comes from the
 * instrument master, not from the ticker's shape).
 *
 * <p>The pre-trade check gets the whole day as the instrument's session: the venue enforces B3's hours (the
 * simulator's {@code routing.hours}); risk-svc's SESSION_START / SESSION_END limits narrow it.
 */
public final class InstrumentMaster implements InstrumentRules {
    static final String MAGIC = "# blackbox-sim-instruments v1";
    static final String HEADER = "ticker,exchange,lot,tick,max_quantity,hours";
    private static final long DAY = 86_400_000_000_000L;

    private final Map<InstrumentId, long[]> rows; // lot, tick (0 = default)

    private InstrumentMaster(Map<InstrumentId, long[]> rows) {
        this.rows = Map.copyOf(rows);
    }

    /** The defaults only. */
    public static InstrumentMaster defaults() {
        return new InstrumentMaster(Map.of());
    }

    /** @throws AccountsFile.AccountsFileException naming file, line, field and value */
    public static InstrumentMaster read(Path file) throws AccountsFile.AccountsFileException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AccountsFile.AccountsFileException(file + ": cannot read: " + e.getMessage());
        }
        if (lines.isEmpty() || !lines.getFirst().strip().equals(MAGIC)) {
            throw new AccountsFile.AccountsFileException(file + ":1: the first line must be \"" + MAGIC + "\"");
        }
        Map<InstrumentId, long[]> rows = new HashMap<>();
        boolean header = false;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) continue;
            String at = file + ":" + (i + 1);
            if (!header) {
                if (!line.strip().equals(HEADER)) throw new AccountsFile.AccountsFileException(at + ": the header must be \"" + HEADER + "\"");
                header = true;
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 6) throw new AccountsFile.AccountsFileException(at + ": 6 fields expected, " + f.length + " found");
            InstrumentId id;
            try {
                id = new InstrumentId(f[0].strip(), f[1].strip());
            } catch (IllegalArgumentException e) {
                throw new AccountsFile.AccountsFileException(at + ": field ticker: " + e.getMessage());
            }
            long lot = 0;
            if (!f[2].isBlank()) {
                try {
                    lot = Long.parseLong(f[2].strip());
                } catch (NumberFormatException e) {
                    lot = -1;
                }
                if (lot <= 0) throw new AccountsFile.AccountsFileException(at + ": field lot: value \"" + f[2].strip() + "\": must be an integer > 0");
            }
            long tick = 0;
            if (!f[3].isBlank()) {
                try {
                    tick = Prices.parse("tick", f[3].strip());
                } catch (IllegalArgumentException e) {
                    throw new AccountsFile.AccountsFileException(at + ": field tick: value \"" + f[3].strip() + "\": " + e.getMessage());
                }
                if (tick <= 0) throw new AccountsFile.AccountsFileException(at + ": field tick: value \"" + f[3].strip() + "\": must be > 0 with at most 4 decimals");
            }
            rows.put(id, new long[] {lot, tick});
        }
        return new InstrumentMaster(rows);
    }

    @Override
    public Optional<InstrumentRule> find(InstrumentId instrument) {
        long[] row = rows.get(instrument);
        long lot = row != null && row[0] > 0 ? row[0] : defaultLot(instrument);
        long tick = row != null && row[1] > 0 ? row[1] : defaultTick(instrument);
        return Optional.of(new InstrumentRule(instrument, lot, tick, fractional(instrument)));
    }

    /** What risk-svc's check needs of the instrument. */
    public blackbox.risk.core.InstrumentRules riskRules(InstrumentId instrument) {
        InstrumentRule rule = find(instrument).orElseThrow();
        boolean future = instrument.exchange().equals("F");
        return new blackbox.risk.core.InstrumentRules(rule.lot(), rule.tick(), pointValue(instrument), 0, DAY, !future, !future);
    }

    private static boolean isFractional(InstrumentId i) {
        String t = i.ticker();
        return i.exchange().equals("B") && t.length() > 1 && t.endsWith("F") && Character.isDigit(t.charAt(t.length() - 2));
    }

    private static Optional<InstrumentId> fractional(InstrumentId i) {
        String t = i.ticker();
        if (i.exchange().equals("B") && !isFractional(i) && Character.isDigit(t.charAt(t.length() - 1))) {
            return Optional.of(new InstrumentId(t + "F", "B"));
        }
        return Optional.empty();
    }

    private static long defaultLot(InstrumentId i) {
        return i.exchange().equals("B") && !isFractional(i) ? 100 : 1;
    }

    private static long defaultTick(InstrumentId i) {
        String t = i.ticker();
        return switch (i.exchange()) {
            case "B" -> 100;
            case "F" -> t.startsWith("WIN") || t.startsWith("IND") ? 50_000 : t.startsWith("WDO") || t.startsWith("DOL") ? 5_000 : 100;
            default -> 1;
        };
    }

    /** BRL per 1.0 of price, scaled (b3-trading.md §2): shares R$ 1; WIN R$ 0,20, IND R$ 1, WDO R$ 10, DOL R$ 50. */
    private static long pointValue(InstrumentId i) {
        if (!i.exchange().equals("F")) return Money.ONE;
        String t = i.ticker();
        if (t.startsWith("WIN")) return 2_000;
        if (t.startsWith("WDO")) return 100_000;
        if (t.startsWith("DOL")) return 500_000;
        return Money.ONE;
    }
}
