package blackbox.positions.service;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import java.util.Collection;
import java.util.List;

/**
 * The port to the DLL's positions (GetPositionV2 through the gateway's {@code Trading.ListPositions}). The lead
 * plugs in the gateway client; the account mapping (desk account → broker, account, sub-account) is the
 * adapter's business.
 */
public interface GatewayPositions {
    /**
     * Every position of the account with a non-zero quantity, of one position type, and the position in each of
     * {@code alsoAsk} the DLL has (a position flat at the end of a day that traded it: the DLL enumerates only
     * non-zero positions, but its day's buys and sells are still to compare). Called from the service's
     * reconciliation thread.
     *
     * @param alsoAsk instruments to read one by one when the enumeration omits them (ours of the account)
     * @throws GatewayUnavailableException when the gateway cannot answer now
     */
    List<GatewayPosition> list(AccountId account, PositionType type, Collection<InstrumentId> alsoAsk);

    /** The gateway (or its routing) is not reachable: nothing was compared. */
    final class GatewayUnavailableException extends RuntimeException {
        public GatewayUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
