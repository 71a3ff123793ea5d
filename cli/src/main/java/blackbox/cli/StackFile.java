package blackbox.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * {@code <data dir>/stack.json}: what a running {@code blackbox up} tells the other commands (its process id and
 * where each service answers). Written when the stack is up, deleted when it stops.
 *
 * @param pid the {@code blackbox up} process
 * @param startedAt ISO-8601 UTC
 * @param dataDir the data directory
 * @param gateway dll-gateway {@code host:port}
 * @param marketdata marketdata-svc {@code host:port}
 * @param candles candle-svc (and indicators) {@code host:port}
 * @param web the web app's URL, null until web-bff is part of the stack
 * @param databaseUrl the PostgreSQL JDBC URL
 * @param redisUrl the Redis URL
 * @param oms oms-svc {@code host:port}, null when the stack has no order side
 * @param risk risk-svc {@code host:port}, likewise
 * @param positions positions-svc {@code host:port}, likewise
 * @param tls the directory of the stack's CA and certificates (the commands present {@code operator.pem}); null
 *            when the services speak plain text
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StackFile(@JsonProperty("pid") long pid,
                        @JsonProperty("started_at") String startedAt,
                        @JsonProperty("data_dir") String dataDir,
                        @JsonProperty("gateway") String gateway,
                        @JsonProperty("marketdata") String marketdata,
                        @JsonProperty("candles") String candles,
                        @JsonProperty("web") String web,
                        @JsonProperty("database_url") String databaseUrl,
                        @JsonProperty("redis_url") String redisUrl,
                        @JsonProperty("oms") String oms,
                        @JsonProperty("risk") String risk,
                        @JsonProperty("positions") String positions,
                        @JsonProperty("tls") String tls) {
    public static final String NAME = "stack.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Writes atomically (a reader never sees half a file). */
    public void write(Path dataDir) throws IOException {
        Path target = dataDir.resolve(NAME);
        Path temp = dataDir.resolve(NAME + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), this);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The stack file in {@code dataDir}, if there is one and its process is alive. */
    public static Optional<StackFile> readLive(Path dataDir) {
        Path file = dataDir.resolve(NAME);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            StackFile s = JSON.readValue(file.toFile(), StackFile.class);
            return ProcessHandle.of(s.pid()).filter(ProcessHandle::isAlive).map(p -> s);
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage());
        }
    }

    public static void delete(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(NAME));
        } catch (IOException e) {
            // nothing to do: a stale file names a dead pid and is ignored by readLive
        }
    }

    /** The {@code host:port} of {@code service}. */
    public String target(Service service) {
        return switch (service) {
            case GATEWAY -> gateway;
            case MARKETDATA -> marketdata;
            case CANDLES -> candles;
        };
    }
}
