package blackbox.gateway.session;

import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * How to log in to the DLL.
 *
 * @param marketOnly {@code DLLInitializeMarketLogin} (market data only) instead of {@code DLLInitializeLogin}
 * @param activationKey the Nelogica activation key
 * @param user the Profit user
 * @param password the Profit password (never logged)
 * @param exchangeZone the zone of the DLL's local times (tzdb; {@code America/Sao_Paulo} for B3)
 * @param simulatorOptions options for the simulator library ({@code SimSetOption}), in order; must be empty
 *     for the real DLL
 */
public record SessionOptions(boolean marketOnly, String activationKey, String user, String password,
                             ZoneId exchangeZone, Map<String, String> simulatorOptions) {
    public SessionOptions {
        Objects.requireNonNull(activationKey, "activationKey");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(exchangeZone, "exchangeZone");
        simulatorOptions = simulatorOptions == null ? Map.of() : simulatorOptions;
    }

    @Override
    public String toString() {
        return "SessionOptions[marketOnly=" + marketOnly + ", user=" + user + ", zone=" + exchangeZone
                + ", simulatorOptions=" + simulatorOptions + "]";
    }
}
