package blackbox.platform.redis;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * A Redis server run by this process: the {@code redis-server} binary (6.2, linux-amd64, needs libssl 3) comes from
 * codemonstur's {@code embedded-redis} artifact on Maven Central and is unpacked once under
 * {@code ${java.io.tmpdir}/blackbox-redis-<version>}; the environment variable {@code BLACKBOX_REDIS_SERVER} names
 * another binary (e.g. Debian's {@code /usr/bin/redis-server}). Listens on 127.0.0.1 only; works in
 * {@code <dataDir>/redis}; no snapshots or append-only file, because everything BlackBox keeps in Redis can be
 * rebuilt from PostgreSQL.
 *
 * <p>The server is a child process of this JVM: {@link #close()} stops it (SIGTERM, then waits for it), and so does
 * the library's shutdown hook if the JVM exits first.
 *
 * <p>Not thread-safe: start and stop from one thread.
 */
public final class EmbeddedRedisServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedisServer.class);
    private static final String BINARY_RESOURCE = "/redis-server-6.2.6-v5-linux-amd64";
    private static final String BINARY_VERSION = "6.2.6-v5";
    /** Environment variable naming a {@code redis-server} binary to use instead of the bundled one. */
    public static final String SERVER_BINARY_KEY = "BLACKBOX_REDIS_SERVER";

    private final RedisServer server;
    private final int port;
    private final Path workDir;

    private EmbeddedRedisServer(RedisServer server, int port, Path workDir) {
        this.server = server;
        this.port = port;
        this.workDir = workDir;
    }

    /**
     * Starts a server working in {@code dataDir/redis}.
     *
     * @param port the TCP port, 0 for a free one
     * @param maxMemoryMegabytes Redis's {@code maxmemory}, MiB (keys are then evicted, least recently used first)
     * @throws IOException when the binary cannot be unpacked or the server does not report ready
     */
    public static EmbeddedRedisServer start(Path dataDir, int port, int maxMemoryMegabytes) throws IOException {
        Path work = dataDir.toAbsolutePath().normalize().resolve("redis");
        Files.createDirectories(work);
        int chosen = port == 0 ? freePort() : port;
        Path binary = binary();
        Logger serverLog = LoggerFactory.getLogger("redis-server");
        RedisServer server = RedisServer.newRedisServer()
                .executableProvider(binary::toFile)
                .bind("127.0.0.1")
                .port(chosen)
                .setting("dir " + work)
                .setting("save \"\"")
                .setting("appendonly no")
                .setting("maxmemory " + maxMemoryMegabytes + "mb")
                .setting("maxmemory-policy allkeys-lru")
                // the library reads stdout until "Ready to accept connections"; these keep draining it afterwards
                .soutListener(serverLog::debug)
                .serrListener(serverLog::warn)
                .build();
        server.start();
        LOG.info("embedded Redis on 127.0.0.1:{}, working in {}", chosen, work);
        return new EmbeddedRedisServer(server, chosen, work);
    }

    /** {@code redis://127.0.0.1:<port>}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path workDirectory() {
        return workDir;
    }

    public boolean isRunning() {
        return server.isActive();
    }

    /** Stops the server and waits for its process to end. No-op when stopped. */
    @Override
    public void close() throws IOException {
        if (!server.isActive()) return;
        server.stop();
        LOG.info("embedded Redis on port {} stopped", port);
    }

    /** The binary: {@code BLACKBOX_REDIS_SERVER}, else the bundled one, unpacked once per version. */
    private static synchronized Path binary() throws IOException {
        Optional<String> configured = Optional.ofNullable(System.getenv(SERVER_BINARY_KEY)).filter(s -> !s.isBlank());
        if (configured.isPresent()) {
            Path p = Path.of(configured.get());
            if (!Files.isExecutable(p)) {
                throw new IOException("must be an executable redis-server: " + SERVER_BINARY_KEY + "=" + configured.get());
            }
            return p;
        }
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "blackbox-redis-" + BINARY_VERSION);
        Path target = dir.resolve("redis-server");
        if (Files.isExecutable(target)) return target;
        Files.createDirectories(dir);
        Path staging = Files.createTempFile(dir, "redis-server", ".unpack");
        try (InputStream in = RedisServer.class.getResourceAsStream(BINARY_RESOURCE)) {
            if (in == null) throw new IOException("no " + BINARY_RESOURCE + " in the embedded-redis artifact");
            Files.copy(in, staging, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(staging); // another process won the race
        }
        return target;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
