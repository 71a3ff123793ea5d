package blackbox.gateway.engine;

import blackbox.platform.domain.InstrumentId;

/**
 * Best bid and ask of an instrument as the DLL's price-depth callback last reported them.
 * Prices NaN when the side is empty; quantities 0 when unknown. updatedNanos: gateway clock, UTC ns.
 */
public record TopOfBook(InstrumentId instrument, double bidPrice, long bidQuantity, double askPrice, long askQuantity,
                        long updatedNanos) {
    static TopOfBook empty(InstrumentId instrument) {
        return new TopOfBook(instrument, Double.NaN, 0, Double.NaN, 0, 0);
    }

    TopOfBook withSide(int side, double price, long quantity, long nanos) {
        return side == 0
                ? new TopOfBook(instrument, price, quantity, askPrice, askQuantity, nanos)
                : new TopOfBook(instrument, bidPrice, bidQuantity, price, quantity, nanos);
    }
}
