package blackbox.oms.core;

import blackbox.platform.domain.InstrumentId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The instrument master as the OMS sees it: lot, tick, fractional instrument. Implementations are thread-safe. */
@FunctionalInterface
public interface InstrumentRules {
    Optional<InstrumentRule> find(InstrumentId instrument);

    /** A fixed set (configuration, tests). */
    static InstrumentRules of(Collection<InstrumentRule> rules) {
        Map<InstrumentId, InstrumentRule> map = new HashMap<>();
        for (InstrumentRule r : rules) map.put(r.instrument(), r);
        Map<InstrumentId, InstrumentRule> fixed = Map.copyOf(map);
        return instrument -> Optional.ofNullable(fixed.get(instrument));
    }
}
