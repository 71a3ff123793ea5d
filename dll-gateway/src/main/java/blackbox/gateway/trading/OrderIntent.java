package blackbox.gateway.trading;

import blackbox.platform.domain.InstrumentId;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a caller asked the gateway to send, as journaled before the DLL is called.
 *
 * @param key the caller's idempotency key
 * @param kind a SendOrder or a SendZeroPositionV2
 * @param side {@code null} for a zeroing order (the DLL picks the side)
 * @param ordType {@code null} for a zeroing order (market or limit by {@code price})
 * @param quantity shares or contracts; 0 for a zeroing order (the DLL takes the position's)
 * @param price limit price (BRL); {@code null} for market
 * @param stopPrice trigger (stop-limit only), else {@code null}
 * @param positionType 1 day trade, 2 consolidated (zeroing orders), else 0
 */
public record OrderIntent(IdempotencyKey key, Kind kind, AccountKey account, InstrumentId instrument, OrderSide side,
                          OrderType ordType, long quantity, BigDecimal price, BigDecimal stopPrice, int positionType) {
    /** The DLL function the intent goes to. */
    public enum Kind { ORDER, ZERO_POSITION }

    public OrderIntent {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(instrument, "instrument");
    }

    /** Same order fields (a repeated key must carry the same ones, or it is ALREADY_EXISTS). */
    public boolean sameFieldsAs(OrderIntent o) {
        return kind == o.kind && account.equals(o.account) && instrument.equals(o.instrument) && side == o.side
                && ordType == o.ordType && quantity == o.quantity && samePrice(price, o.price)
                && samePrice(stopPrice, o.stopPrice) && positionType == o.positionType;
    }

    private static boolean samePrice(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
