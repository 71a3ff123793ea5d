package blackbox.oms.core;

import blackbox.platform.domain.InstrumentId;
import java.util.Objects;
import java.util.Optional;

/**
 * What the OMS must know of an instrument to validate and allocate: lot and tick from the instrument master (the
 * DLL's asset list or configuration, never the ticker's shape; b3-trading.md §1, §2) and its fractional-market
 * instrument when it has one (B3: round-lot code + {@code F}, its own book).
 *
 * @param lot shares or contracts per lot, {@code > 0}
 * @param tick the price grid, scaled ({@link Prices}), {@code > 0}
 */
public record InstrumentRule(InstrumentId instrument, long lot, long tick, Optional<InstrumentId> fractional) {
    public InstrumentRule {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(fractional, "fractional");
        if (lot <= 0 || tick <= 0) {
            throw new IllegalArgumentException("lot and tick must be > 0: instrument=" + instrument + ", lot=" + lot
                    + ", tick=" + tick);
        }
    }
}
