package blackbox.oms.risk;

import blackbox.platform.domain.InstrumentId;

/**
 * The reference price of the pre-trade check (risk-svc's {@code OrderContext.referencePrice}): the instrument's last
 * trade, scaled like prices ({@link blackbox.oms.core.Prices}); 0 when none is known. Thread-safe.
 */
@FunctionalInterface
public interface LastPrices {
    long last(InstrumentId instrument);

    /** Nothing known: market orders are denied NO_REFERENCE_PRICE, price bands cannot be checked. */
    LastPrices NONE = instrument -> 0;
}
