package blackbox.web.orders;

import io.grpc.Channel;
import java.util.Optional;

/**
 * The order side web-bff fronts: oms-svc, risk-svc and positions-svc (channels owned by the caller), the client
 * accounts and the desk this web-bff serves. Every web-bff user belongs to {@code desk}: a user sees and trades only
 * its accounts (one desk per web-bff today; users with their own desks come with the admin screens).
 */
public record OrderSide(Channel oms, Channel risk, Channel positions, DeskAccounts accounts, String desk) {
    /** No order side: the order, position and risk routes answer 503 saying so. */
    public static Optional<OrderSide> none() {
        return Optional.empty();
    }
}
