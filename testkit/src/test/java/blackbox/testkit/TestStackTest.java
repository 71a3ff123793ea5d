package blackbox.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.platform.config.Config;
import blackbox.platform.redis.EmbeddedRedisServer;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.protobuf.services.HealthStatusManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.TestAbortedException;

@Timeout(120)
class TestStackTest {
    /** A part that records its starts and closes and the configuration it was started with. */
    static final class Recorded implements AutoCloseable {
        final String name;
        final Map<String, String> overrides;
        final List<String> log;

        Recorded(String name, Map<String, String> overrides, List<String> log) {
            this.name = name;
            this.overrides = overrides;
            this.log = log;
            log.add("start " + name + " " + new java.util.TreeMap<>(overrides));
        }

        @Override
        public void close() {
            log.add("close " + name);
        }
    }

    @Test
    void partsRestartWithTheirLastStarterAndOverridesAndCloseInReverseOrderOfFirstStart() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        Path dataDir;
        try (TestStack stack = new TestStack("kit-test")) {
            dataDir = stack.dataDir();
            stack.start("gateway", Map.of("SPEED", "max"), o -> new Recorded("gateway", o, log));
            stack.start("marketdata", Map.of(), o -> new Recorded("marketdata", o, log));
            stack.restart("gateway");
            stack.restart("gateway", Map.of("SPEED", "10x"));
            stack.stop("marketdata");
            assertEquals(List.of("gateway"), stack.runningParts());
            assertThrows(IllegalStateException.class, () -> stack.instance("marketdata", Recorded.class));
            stack.restart("marketdata");
            assertEquals("10x", stack.instance("gateway", Recorded.class).overrides.get("SPEED"));
            assertEquals(List.of("gateway", "marketdata"), stack.runningParts(), "the order of first start stays");
        }
        assertEquals(List.of(
                "start gateway {SPEED=max}", "start marketdata {}",
                "close gateway", "start gateway {SPEED=max}",
                "close gateway", "start gateway {SPEED=10x}",
                "close marketdata", "start marketdata {}",
                "close marketdata", "close gateway"), log);
        assertFalse(Files.exists(dataDir), "the data directory is deleted");
    }

    @Test
    void aPartThatFailsToStartIsNotRunningAndCannotBeRestarted() throws Exception {
        try (TestStack stack = new TestStack("kit-test")) {
            assertThrows(IllegalStateException.class, () -> stack.start("broken", Map.of(), o -> {
                throw new IllegalStateException("cannot bind");
            }));
            assertFalse(stack.running("broken"));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> stack.restart("broken"));
            assertEquals("broken was never started in stack kit-test", e.getMessage());
            stack.stop("never-started"); // no-op
        }
    }

    /** A gRPC part: the standard health service on the stack's in-process server. */
    static final class HealthPart extends Part<HealthPart.App> {
        record App(Server server, HealthStatusManager health) implements AutoCloseable {
            @Override
            public void close() {
                server.shutdownNow();
            }
        }

        final List<Config> configs = new ArrayList<>();

        HealthPart(TestStack stack) {
            super(stack, "health", App.class);
        }

        @Override
        protected Map<String, String> defaults() {
            return Map.of("MODE", "default", "COLOUR", "grey");
        }

        @Override
        protected App launch(Config config) throws Exception {
            configs.add(config);
            HealthStatusManager health = new HealthStatusManager();
            Server server = stack().serverBuilder(name()).addService(health.getHealthService()).build().start();
            return new App(server, health);
        }
    }

    @Test
    void aPartStartsOnItsDefaultsUnderTheOverridesAndItsChannelOutlivesARestart() throws Exception {
        try (TestStack stack = new TestStack("kit-test")) {
            HealthPart part = new HealthPart(stack);
            part.start(Map.of("MODE", "test"));
            assertEquals("test", part.configs.getLast().string("MODE", ""));
            assertEquals("grey", part.configs.getLast().string("COLOUR", ""));
            var stub = HealthGrpc.newBlockingStub(part.channel()).withWaitForReady().withDeadlineAfter(5, TimeUnit.SECONDS);
            assertEquals(HealthCheckResponse.ServingStatus.SERVING, stub.check(HealthCheckRequest.getDefaultInstance()).getStatus());

            HealthPart.App first = part.instance();
            part.restart();
            assertEquals("test", part.configs.getLast().string("MODE", ""), "a restart keeps the overrides");
            assertTrue(first.server().isShutdown());
            assertSame(part.channel(), stack.channel("health"), "one cached channel per part");
            part.channel().resetConnectBackoff();
            assertEquals(HealthCheckResponse.ServingStatus.SERVING, HealthGrpc.newBlockingStub(part.channel()).withWaitForReady()
                    .withDeadlineAfter(5, TimeUnit.SECONDS).check(HealthCheckRequest.getDefaultInstance()).getStatus(),
                    "the same channel reaches the restarted server");
        }
    }

    @Test
    void theDatabaseIsStartedOnFirstUseAndSharedAndItsServerCanBeStoppedAndStarted() throws Exception {
        try (TestStack stack = new TestStack("kit-test")) {
            var database = stack.database();
            assertSame(database, stack.database());
            assertTrue(stack.postgres().clusterDirectory().startsWith(stack.dataDir()), "in the stack's own directory");
            database.jdbi().useHandle(h -> h.execute("CREATE TABLE kept (n int); INSERT INTO kept VALUES (7)"));
            stack.postgres().stop();
            stack.postgres().start();
            TestStack.await(() -> {
                try {
                    return database.jdbi().withHandle(h -> h.createQuery("SELECT n FROM kept").mapTo(Integer.class).one()) == 7;
                } catch (RuntimeException stillReconnecting) {
                    return false;
                }
            }, Duration.ofSeconds(20), "the pool to reconnect");
        }
    }

    @Test
    void redisIsStartedOnFirstUseInTheStacksDirectoryAndStoppedWithIt() throws Exception {
        EmbeddedRedisServer redis;
        try (TestStack stack = new TestStack("kit-test")) {
            redis = stack.redis();
            assertSame(redis, stack.redis());
            assertTrue(redis.isRunning());
            assertTrue(redis.workDirectory().startsWith(stack.dataDir()), redis.workDirectory().toString());
        }
        assertFalse(redis.isRunning(), "closed with the stack");
    }

    @Test
    void awaitFailsNamingWhatItWaitedFor() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> TestStack.await(() -> false, Duration.ofMillis(50), () -> "the gateway to connect (state LOGGING_IN)"));
        assertEquals("timed out after 50 ms waiting for the gateway to connect (state LOGGING_IN)", e.getMessage());
    }

    @Test
    void theRepositoryAndItsSamplesAreFoundAndAbsentSharedDataSkipsSayingWhy() {
        assertTrue(Files.isRegularFile(TestStack.repoFile("samples/replay/binance-spot-sample.replay.csv")));
        assertEquals(TestStack.repoRoot().resolve("../shared/data").normalize(), TestStack.sharedData());
        TestAbortedException e = assertThrows(TestAbortedException.class,
                () -> TestStack.skipUnlessSharedData("no-such-folder/PETR4.csv"));
        assertTrue(e.getMessage().contains("shared data absent (" + TestStack.sharedData().resolve("no-such-folder/PETR4.csv")),
                e.getMessage());
    }
}
