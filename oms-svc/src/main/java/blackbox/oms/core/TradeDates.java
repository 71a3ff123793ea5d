package blackbox.oms.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The exchange's local date of an instant (B3: America/Sao_Paulo, through tzdb; architecture.md §5). */
public final class TradeDates {
    /** B3's zone. */
    public static final ZoneId B3 = ZoneId.of("America/Sao_Paulo");

    private TradeDates() {
    }

    /** The local date in {@code zone} of {@code epochNanos} (UTC). */
    public static LocalDate of(long epochNanos, ZoneId zone) {
        return LocalDate.ofInstant(Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
                Math.floorMod(epochNanos, 1_000_000_000L)), zone);
    }
}
