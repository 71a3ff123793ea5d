package blackbox.oms.api;

import blackbox.oms.core.UserId;
import java.util.Objects;

/**
 * Who calls, from where, and when: taken by the server from the call (authentication, the peer address, the
 * service's clock), never from the request body.
 *
 * @param nowNanos the service clock when the call arrived, UTC ns
 */
public record Caller(UserId user, String address, long nowNanos) {
    public Caller {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(address, "address");
    }
}
