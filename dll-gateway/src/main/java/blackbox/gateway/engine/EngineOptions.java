package blackbox.gateway.engine;

import java.time.Duration;

/**
 * Tuning of the {@link GatewayEngine}.
 *
 * @param ringSize slots of the hand-off ring between the DLL's callback thread and the engine (power of two)
 * @param invalidTickerWait how long a subscribe waits for the DLL's invalid-ticker callback before it counts as accepted
 * @param reconnectTimeout how long the DLL may take to reconnect market data on its own before the engine
 *     finalizes and starts a new session
 * @param backoffInitial first wait before starting a new session after a failure; doubles each time
 * @param backoffMax the longest such wait
 * @param historyTimeout how long a history request may stay silent before it fails and the session is restarted
 */
public record EngineOptions(int ringSize, Duration invalidTickerWait, Duration reconnectTimeout,
                            Duration backoffInitial, Duration backoffMax, Duration historyTimeout) {
    public EngineOptions {
        if (ringSize < 2 || Integer.bitCount(ringSize) != 1) {
            throw new IllegalArgumentException("must be a power of two >= 2: ringSize=" + ringSize);
        }
    }

    public static EngineOptions defaults() {
        return new EngineOptions(1 << 18, Duration.ofMillis(250), Duration.ofSeconds(10), Duration.ofMillis(500),
                Duration.ofSeconds(30), Duration.ofSeconds(30));
    }
}
