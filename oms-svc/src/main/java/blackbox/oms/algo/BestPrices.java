package blackbox.oms.algo;

import blackbox.platform.domain.InstrumentId;
import java.util.Optional;

/** The instruments' top of book, for "cobrir até X" ({@link CoverUpTo}). Thread-safe. */
public interface BestPrices {
    /**
     * The last known top of book of {@code instrument}; empty when none is known yet. Asking is also how an
     * implementation learns which instruments to follow.
     */
    Optional<Quote> quote(InstrumentId instrument);

    /** Knows no book: a cover never sends. */
    BestPrices NONE = instrument -> Optional.empty();
}
