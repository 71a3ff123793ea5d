package blackbox.gateway;

import blackbox.gateway.session.RoutingPasswords;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The trading API's settings (keys in {@code dll-gateway/README.md}).
 *
 * @param journalDir where the order journal's day files live
 * @param reportBuffer execution reports held for resumption
 * @param serializeRouting make one routing request at a time (default for the vendor DLL, whose thread safety is
 *     undocumented; the simulator's requests are thread-safe)
 * @param historyTimeout how long ListOrders and reconciliation wait for an order history to load
 * @param passwords routing passwords from {@code BLACKBOX_GATEWAY_ROUTING_PASSWORDS}, or {@code null} to take them from
 *     the simulator's roster
 * @param roster the simulator's roster file; {@code null}: the bundled demo roster (full login on the simulator only)
 */
public record TradingConfig(Path journalDir, int reportBuffer, boolean serializeRouting, Duration historyTimeout,
                            RoutingPasswords passwords, Path roster) {
    @Override
    public String toString() {
        return "TradingConfig[journalDir=" + journalDir + ", reportBuffer=" + reportBuffer + ", serializeRouting=" + serializeRouting
                + ", historyTimeout=" + historyTimeout + ", passwords=" + passwords + ", roster=" + roster + "]";
    }
}
