package blackbox.gateway.session;

import java.util.Objects;

/**
 * How a full-login session routes.
 *
 * @param passwords routing passwords per account (never logged)
 * @param serializeRequests make one routing request at a time: the vendor does not document whether its request
 *     functions may run concurrently (the simulator's may)
 */
public record RoutingOptions(RoutingPasswords passwords, boolean serializeRequests) {
    public RoutingOptions {
        Objects.requireNonNull(passwords, "passwords");
    }

    /** No passwords, requests concurrent: a market-data gateway. */
    public static RoutingOptions none() {
        return new RoutingOptions(RoutingPasswords.none(), false);
    }
}
