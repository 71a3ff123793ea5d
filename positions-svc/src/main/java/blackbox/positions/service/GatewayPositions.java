package blackbox.positions.service;

import blackbox.platform.domain.AccountId;
import java.util.List;

/**
 * The port to the DLL's positions (GetPositionV2 through the gateway's {@code Trading.ListPositions}). The lead
 * plugs in the gateway client; the account mapping (desk account → broker, account, sub-account) is the
 * adapter's business.
 */
public interface GatewayPositions {
    /**
     * Every position of the account with a non-zero quantity, of one position type. Called from the service's
     * reconciliation thread.
     *
     * @throws GatewayUnavailableException when the gateway cannot answer now
     */
    List<GatewayPosition> list(AccountId account, PositionType type);

    /** The gateway (or its routing) is not reachable: nothing was compared. */
    final class GatewayUnavailableException extends RuntimeException {
        public GatewayUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
