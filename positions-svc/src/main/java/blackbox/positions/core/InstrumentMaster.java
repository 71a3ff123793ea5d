package blackbox.positions.core;

import blackbox.platform.domain.InstrumentId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The instruments the core knows: exact tickers, and series roots written {@code ROOT*} (e.g. {@code WIN*} for
 * WINJ25, WINM25...) per exchange, the longest root winning; {@code *} alone is the exchange's default.
 * Every entry is an explicit line of configuration (see {@code config/InstrumentMasterFile}). Thread-safe.
 */
public final class InstrumentMaster {
    /** One line of the master: {@code ticker} is exact, or a root ending in {@code *}. */
    public record Entry(String ticker, String exchange, InstrumentSpec spec) {
    }

    private final Map<InstrumentId, InstrumentSpec> exact = new HashMap<>();
    private final List<Entry> roots = new ArrayList<>();
    private final Map<InstrumentId, Optional<InstrumentSpec>> resolved = new ConcurrentHashMap<>();

    public InstrumentMaster(List<Entry> entries) {
        for (Entry e : entries) {
            if (e.ticker().endsWith("*")) {
                roots.add(e);
            } else {
                exact.put(new InstrumentId(e.ticker(), e.exchange()), e.spec());
            }
        }
        roots.sort(Comparator.comparingInt((Entry e) -> e.ticker().length()).reversed());
    }

    /** The instrument's spec, or empty when no line of the master covers it. */
    public Optional<InstrumentSpec> find(InstrumentId instrument) {
        return resolved.computeIfAbsent(instrument, this::lookUp);
    }

    private Optional<InstrumentSpec> lookUp(InstrumentId instrument) {
        InstrumentSpec spec = exact.get(instrument);
        if (spec != null) return Optional.of(spec);
        for (Entry root : roots) {
            String prefix = root.ticker().substring(0, root.ticker().length() - 1);
            if (root.exchange().equals(instrument.exchange()) && instrument.ticker().startsWith(prefix)) {
                return Optional.of(root.spec());
            }
        }
        return Optional.empty();
    }
}
