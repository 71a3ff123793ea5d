package blackbox.candles.core;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Bucket rules per exchange: each exchange code (B3's "B" and "F", a crypto venue's code...) may have its own
 * time zone; the others use the default, {@code America/Sao_Paulo} unless configured. Immutable, thread-safe.
 */
public final class ExchangeBuckets {
    private final Buckets defaults;
    private final Map<String, Buckets> byExchange;

    /**
     * @param defaultZone the zone of exchanges not in {@code zones}
     * @param zones zone by exchange code
     */
    public ExchangeBuckets(ZoneId defaultZone, Map<String, ZoneId> zones) {
        this.defaults = new Buckets(Objects.requireNonNull(defaultZone, "defaultZone"));
        Map<String, Buckets> m = new HashMap<>();
        zones.forEach((exchange, zone) -> m.put(exchange, new Buckets(zone)));
        this.byExchange = Map.copyOf(m);
    }

    /** Every exchange in {@code America/Sao_Paulo}. */
    public static ExchangeBuckets saoPaulo() {
        return new ExchangeBuckets(Buckets.SAO_PAULO, Map.of());
    }

    /** @return the bucket rules of {@code exchange} */
    public Buckets of(String exchange) {
        return byExchange.getOrDefault(exchange, defaults);
    }

    /** @return the bucket rules of exchanges without their own zone */
    public Buckets defaults() {
        return defaults;
    }

    /** @return the configured exchanges and their rules */
    public Map<String, Buckets> configured() {
        return byExchange;
    }
}
