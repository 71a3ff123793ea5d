package blackbox.cli.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code blackbox up} starts, validated by the command.
 *
 * @param dataDir where the embedded PostgreSQL and Redis keep their data, and the stack file, logs, rebased replays
 * @param replayFiles canonical replay files; empty: the sample the gateway jar carries (Binance BTCUSDT/ETHUSDT)
 * @param speed {@code realtime}, {@code max} or {@code <N>x}
 * @param rebaseToToday shift the replay so that its first trading day is today (exchange time zone), or the last B3
 *                      trading day before today when today is not one
 * @param databaseUrl an external PostgreSQL ({@code jdbc:postgresql://...}); empty: embedded
 * @param redisUrl an external Redis ({@code redis://host:port}); empty: embedded
 * @param exchangeTimezones candle-svc's {@code EXCHANGE=Zone,...} (exchanges not listed: America/Sao_Paulo)
 * @param freePorts true: every service on a free port; false: the default ports (50051..50053), a free one when taken
 * @param subscribeAll subscribe {@link #stackUser} to every instrument of the replay, so trades flow at once
 * @param stackUser the user id those subscriptions belong to
 * @param environment the base configuration (normally the process environment: {@code BLACKBOX_*} keys)
 */
public record StackOptions(Path dataDir, List<Path> replayFiles, String speed, boolean rebaseToToday,
                           Optional<String> databaseUrl, Optional<String> redisUrl, String exchangeTimezones,
                           boolean freePorts, boolean subscribeAll, String stackUser, Map<String, String> environment) {
    public static final String DEFAULT_TIMEZONES = "SPOT=UTC,USDM=UTC,CM=UTC";
    public static final String STACK_USER = "blackbox";
    /** {@code true} in {@link #environment}: plain-text gRPC between the services (`up --plaintext`); default mutual TLS. */
    public static final String PLAINTEXT = "BLACKBOX_STACK_PLAINTEXT";

    public StackOptions {
        replayFiles = List.copyOf(replayFiles);
        environment = Map.copyOf(environment);
    }
}
