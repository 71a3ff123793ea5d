package blackbox.platform.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.platform.config.Config;
import blackbox.platform.config.ConfigException;
import blackbox.platform.db.Database;
import blackbox.platform.db.DatabaseConfig;
import blackbox.platform.db.EmbeddedPostgresServer;
import blackbox.platform.security.CertificateAuthority;
import blackbox.platform.security.TlsFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class ServiceMainTest {
    /** The process as a test sees it: the exit status asked for, stderr's text, the hooks added. */
    static final class FakeProcess implements ProcessHooks {
        final List<Integer> exits = new ArrayList<>();
        final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        final List<Thread> hooks = new ArrayList<>();

        @Override
        public void exit(int status) {
            exits.add(status);
        }

        @Override
        public PrintStream err() {
            return err;
        }

        @Override
        public void addShutdownHook(Thread hook) {
            hooks.add(hook);
        }

        String errText() {
            return errBytes.toString(StandardCharsets.UTF_8);
        }
    }

    record Settings(int pool) {
        static Settings from(Config config) {
            return new Settings(DatabaseConfig.from(config).poolSize());
        }
    }

    private static Optional<ServiceMain.Running> start(Map<String, String> env, ServiceMain.Starter<Settings> starter,
                                                       FakeProcess process) {
        return ServiceMain.start("test-svc", Config.of(env), Settings::from, starter, process);
    }

    @Test
    void aBadValueExitsWithStatus2NamingTheKeyBeforeAnythingStarts() {
        FakeProcess process = new FakeProcess();
        AtomicBoolean started = new AtomicBoolean();
        Optional<ServiceMain.Running> running = start(Map.of(DatabaseConfig.POOL_KEY, "0"), (c, s) -> started.set(true), process);
        assertTrue(running.isEmpty());
        assertEquals(List.of(2), process.exits);
        assertEquals("configuration error: BLACKBOX_DATABASE_POOL: must be between 1 and 1000: value \"0\"\n",
                process.errText());
        assertFalse(started.get(), "the starter never ran");
        assertEquals(List.of(), process.hooks, "no shutdown hook for a process that exits");
    }

    @Test
    void theLogLevelAndTheTelemetryEndpointAreCheckedAsConfigurationToo() {
        FakeProcess logLevel = new FakeProcess();
        start(Map.of("BLACKBOX_LOG_LEVEL", "loud"), (c, s) -> { }, logLevel);
        assertEquals(List.of(2), logLevel.exits);
        assertTrue(logLevel.errText().startsWith("configuration error: BLACKBOX_LOG_LEVEL: must be one of"), logLevel.errText());

        FakeProcess otlp = new FakeProcess();
        start(Map.of("BLACKBOX_OTLP_ENDPOINT", "localhost:4317"), (c, s) -> { }, otlp);
        assertEquals(List.of(2), otlp.exits);
        assertEquals("configuration error: BLACKBOX_OTLP_ENDPOINT: must be an http:// or https:// URL: value \"localhost:4317\"\n",
                otlp.errText());
    }

    @Test
    void theShutdownHookClosesEverythingInReverseOrderOfStartAndThenReleasesMain() throws Exception {
        FakeProcess process = new FakeProcess();
        List<String> closed = new CopyOnWriteArrayList<>();
        Optional<ServiceMain.Running> running = start(Map.of(), (settings, startup) -> {
            assertEquals(8, settings.pool(), "the parsed settings are handed over");
            startup.closeOnShutdown("channel", () -> closed.add("channel"));
            startup.closeOnShutdown("app", () -> closed.add("app"));
            startup.closeOnShutdown("exporter", () -> closed.add("exporter"));
        }, process);
        assertTrue(running.isPresent());
        assertEquals(List.of(), process.exits);
        assertEquals(1, process.hooks.size(), "one shutdown hook");
        assertEquals(List.of(), closed, "nothing closes before shutdown");

        Thread hook = process.hooks.getFirst();
        hook.start();
        hook.join();
        running.get().awaitShutdown(); // main returns now
        assertEquals(List.of("exporter", "app", "channel"), closed);
        running.get().shutdown();
        assertEquals(3, closed.size(), "shutdown is idempotent");
    }

    @Test
    void aFailedStartClosesWhatItHadStartedAndExitsWithStatus1() {
        FakeProcess process = new FakeProcess();
        List<String> closed = new ArrayList<>();
        Optional<ServiceMain.Running> running = start(Map.of(), (settings, startup) -> {
            startup.closeOnShutdown("channel", () -> closed.add("channel"));
            startup.closeOnShutdown("half-started", () -> {
                closed.add("half-started");
                throw new IOException("already broken");
            });
            throw new IOException("cannot bind 127.0.0.1:50052");
        }, process);
        assertTrue(running.isEmpty());
        assertEquals(List.of(1), process.exits);
        assertEquals(List.of("half-started", "channel"), closed, "a failing close does not stop the others");
        assertEquals("test-svc did not start: java.io.IOException: cannot bind 127.0.0.1:50052\n", process.errText());
        process.hooks.getFirst().run(); // the hook of the exiting process finds nothing left to close
        assertEquals(List.of("half-started", "channel"), closed);
    }

    @Test
    void aStopRequestedWhileStartingClosesWhatWasStartedSoFar() {
        FakeProcess process = new FakeProcess();
        List<String> closed = new ArrayList<>();
        start(Map.of(), (settings, startup) -> {
            startup.closeOnShutdown("database", () -> closed.add("database"));
            assertEquals(1, process.hooks.size(), "the hook is there before the start");
            process.hooks.getFirst().run(); // SIGTERM now
        }, process);
        assertEquals(List.of("database"), closed);
    }

    @Test
    void aBadValueFoundWhileStartingStillExitsWith2() {
        FakeProcess process = new FakeProcess();
        List<String> closed = new ArrayList<>();
        start(Map.of(), (settings, startup) -> {
            startup.closeOnShutdown("database", () -> closed.add("database"));
            throw new ConfigException("BLACKBOX_TEST_TARGET", "must be host:port: value \"x\"");
        }, process);
        assertEquals(List.of(2), process.exits);
        assertEquals(List.of("database"), closed);
        assertEquals("configuration error: BLACKBOX_TEST_TARGET: must be host:port: value \"x\"\n", process.errText());
    }

    @Test
    void theEmbeddedDatabaseStaysUpUntilTheServiceStartedAfterItHasClosed(@TempDir Path tmp) throws Exception {
        // a data directory the unprivileged OS user can reach when the tests run as root
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        FakeProcess process = new FakeProcess();
        List<String> lastWrites = new CopyOnWriteArrayList<>();
        EmbeddedPostgresServer[] server = new EmbeddedPostgresServer[1];
        Function<Config, Settings> settings = Settings::from;
        Optional<ServiceMain.Running> running = ServiceMain.start("test-svc",
                Config.of(Map.of(DatabaseConfig.DATA_DIR_KEY, tmp.resolve("data").toString())), settings, (s, startup) -> {
                    Database database = startup.database(DatabaseConfig.from(startup.raw()));
                    server[0] = database.embeddedServer().orElseThrow();
                    startup.closeOnShutdown("app", () -> lastWrites.add(
                            database.jdbi().withHandle(h -> h.createQuery("SELECT 'flushed'").mapTo(String.class).one())));
                }, process);
        assertTrue(running.isPresent(), process.errText());
        assertTrue(server[0].isRunning());
        process.hooks.getFirst().run();
        assertEquals(List.of("flushed"), lastWrites, "the service's last write found the database open");
        assertFalse(server[0].isRunning(), "then the database and its embedded server were closed");
    }

    @Test
    void halfTheTlsFilesIsAConfigurationErrorNamingTheMissingOne(@TempDir Path tmp) throws IOException {
        Path cert = Files.writeString(tmp.resolve("svc.pem"), "not used");
        FakeProcess process = new FakeProcess();
        start(Map.of(TlsFiles.CERT, cert.toString()), (c, s) -> { }, process);
        assertEquals(List.of(2), process.exits);
        assertEquals("configuration error: BLACKBOX_TLS_KEY: must be set with the other TLS files (BLACKBOX_TLS_CERT,"
                + " BLACKBOX_TLS_KEY, BLACKBOX_TLS_CA)\n", process.errText());
    }

    @Test
    void plainTextIsRefusedOnAHostThatIsNotLoopback() {
        FakeProcess process = new FakeProcess();
        start(Map.of(), (c, startup) -> startup.server("0.0.0.0", 0), process);
        assertEquals(List.of(2), process.exits);
        assertTrue(process.errText().startsWith("configuration error: BLACKBOX_TLS_CERT: plain-text gRPC is for a loopback-only"
                + " development stack, and test-svc is to listen on 0.0.0.0"), process.errText());
    }

    @Test
    void withTheTlsFilesTheServersAndChannelsSpeakMutualTls(@TempDir Path tmp) throws Exception {
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(tmp, "test CA");
        TlsFiles files = ca.issue("test-svc", tmp);
        FakeProcess process = new FakeProcess();
        List<String> answers = new CopyOnWriteArrayList<>();
        Optional<ServiceMain.Running> running = start(Map.of(TlsFiles.CERT, files.certificate().toString(),
                TlsFiles.KEY, files.privateKey().toString(), TlsFiles.CA, files.trustedCa().toString()), (c, startup) -> {
            assertEquals("test-svc", startup.tls().orElseThrow().identity());
            io.grpc.Server server = startup.server("127.0.0.1", 0).addService(new io.grpc.protobuf.services.HealthStatusManager()
                    .getHealthService()).build().start();
            startup.closeOnShutdown("server", server::shutdownNow);
            var health = io.grpc.health.v1.HealthGrpc.newBlockingStub(startup.channel("localhost:" + server.getPort()));
            answers.add(health.check(io.grpc.health.v1.HealthCheckRequest.getDefaultInstance()).getStatus().toString());
            var plain = io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
            try {
                io.grpc.health.v1.HealthGrpc.newBlockingStub(plain).withDeadlineAfter(5, java.util.concurrent.TimeUnit.SECONDS)
                        .check(io.grpc.health.v1.HealthCheckRequest.getDefaultInstance());
                answers.add("plain text answered");
            } catch (io.grpc.StatusRuntimeException e) {
                answers.add(e.getStatus().getCode().toString());
            } finally {
                plain.shutdownNow();
            }
        }, process);
        assertEquals(List.of(), process.exits, process.errText());
        running.orElseThrow().shutdown();
        assertEquals(List.of("SERVING", "UNAVAILABLE"), answers);
    }
}
