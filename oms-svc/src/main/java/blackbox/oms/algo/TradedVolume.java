package blackbox.oms.algo;

import blackbox.platform.domain.InstrumentId;

/** The market's live traded volume, for a VWAP's participation cap. Thread-safe. */
public interface TradedVolume {
    /**
     * Shares (or contracts) traded in {@code instrument} at or after {@code sinceNanos} (UTC epoch ns, the trades' own
     * time), as far as this process has seen: trades before it started listening, or lost in a gap, are not counted.
     */
    long since(InstrumentId instrument, long sinceNanos);

    /** Knows no trade: a VWAP's cap then allows only its one-lot minimum per account and slice. */
    TradedVolume NONE = (instrument, since) -> 0;
}
