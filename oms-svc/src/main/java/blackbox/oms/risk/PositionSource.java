package blackbox.oms.risk;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Where the pre-trade context takes an account's position and projected D+2 cash from, and block allocation its
 * equity and cash (the lead's decision 4: positions-svc, through a local cache of its {@code StreamPositions}). While
 * it is not synced, orders are denied with the reason it gives (fail closed). Implementations are thread-safe.
 */
public interface PositionSource extends AutoCloseable {
    /** Empty when the numbers can be used; else why not (the text of the denial). */
    Optional<String> unknownBecause();

    /** The account's signed position in the instrument (> 0 long), shares or contracts; 0 when it has none. */
    long position(AccountId account, InstrumentId instrument);

    /** The account's projected D+2 cash balance in BRL, scaled like prices ({@link blackbox.oms.core.Prices}). */
    long d2Cash(AccountId account);

    /** The account's equity in BRL (cash D+2 plus positions at market), for EQUITY allocation; empty when unknown. */
    Optional<BigDecimal> equity(AccountId account);

    /** The account's settled cash (D+0) in BRL, for CASH allocation; empty when unknown. */
    Optional<BigDecimal> cash(AccountId account);

    @Override
    default void close() {
    }

    /** No source configured: every order is denied, saying which key to set. */
    static PositionSource unconfigured(String key) {
        return new PositionSource() {
            @Override
            public Optional<String> unknownBecause() {
                return Optional.of("POSITIONS_UNKNOWN: no positions source configured (" + key + " is unset: set it to"
                        + " positions-svc's host:port, or to \"none\" to check orders against flat positions and no cash)");
            }

            @Override
            public long position(AccountId account, InstrumentId instrument) {
                return 0;
            }

            @Override
            public long d2Cash(AccountId account) {
                return 0;
            }

            @Override
            public Optional<BigDecimal> equity(AccountId account) {
                return Optional.empty();
            }

            @Override
            public Optional<BigDecimal> cash(AccountId account) {
                return Optional.empty();
            }
        };
    }

    /**
     * {@code none}: every account flat with no cash, always synced — for a desk without positions-svc. A sale then needs
     * borrow to be covered (it is denied SHORT_NOT_COVERED for spot equities) and a buy passes unless a MIN_D2_CASH
     * limit is set.
     */
    PositionSource FLAT = new PositionSource() {
        @Override
        public Optional<String> unknownBecause() {
            return Optional.empty();
        }

        @Override
        public long position(AccountId account, InstrumentId instrument) {
            return 0;
        }

        @Override
        public long d2Cash(AccountId account) {
            return 0;
        }

        @Override
        public Optional<BigDecimal> equity(AccountId account) {
            return Optional.empty();
        }

        @Override
        public Optional<BigDecimal> cash(AccountId account) {
            return Optional.empty();
        }
    };
}
