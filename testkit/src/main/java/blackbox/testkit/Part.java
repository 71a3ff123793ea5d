package blackbox.testkit;

import blackbox.platform.config.Config;
import io.grpc.ManagedChannel;
import java.util.HashMap;
import java.util.Map;

/**
 * One service of a {@link TestStack}, as the service's test-jar offers it to every module's tests: the service
 * started on the stack's database, telemetry and in-process server {@link #name()}, with test defaults under the
 * test's overrides. A part object is a handle: the running instance lives in the stack's registry, so a handle
 * sees a restart, and any number of handles may exist for one part.
 *
 * <p>A subclass says what its test defaults are ({@link #defaults()}), how the service starts on a
 * configuration ({@link #launch}) and, if a started instance is not at once usable, what to wait for
 * ({@link #awaitReady}).
 *
 * @param <T> the running service, e.g. {@code MarketDataApp}
 */
public abstract class Part<T extends AutoCloseable> {
    private final TestStack stack;
    private final String name;
    private final Class<T> type;

    /**
     * @param name the part's name in the stack: its in-process server and channel, e.g. {@code "marketdata-svc"}
     * @param type the running service's class
     */
    protected Part(TestStack stack, String name, Class<T> type) {
        this.stack = stack;
        this.name = name;
        this.type = type;
    }

    /** Configuration keys and values the tests run this service with unless a test overrides them. */
    protected abstract Map<String, String> defaults();

    /**
     * Starts the service: on {@code stack().serverBuilder(name())} for a gRPC service, clients from
     * {@code stack().channel(...)}, the stack's database and telemetry.
     *
     * @param config the defaults with the test's overrides on top
     */
    protected abstract T launch(Config config) throws Exception;

    /** Waits until a just-launched instance is usable; by default nothing. If it throws, the instance is closed. */
    protected void awaitReady(T instance) throws Exception {
    }

    /** Starts the service with the test defaults (closing a running instance first). */
    public final T start() throws Exception {
        return start(Map.of());
    }

    /** Starts the service with these keys over the test defaults (closing a running instance first). */
    public final T start(Map<String, String> overrides) throws Exception {
        return stack.start(name, overrides, this::launchReady);
    }

    /** Stops and starts the service with the overrides of its last start. */
    public final T restart() throws Exception {
        return type.cast(stack.restart(name));
    }

    /** Stops and starts the service with new overrides. */
    public final T restart(Map<String, String> overrides) throws Exception {
        return type.cast(stack.restart(name, overrides));
    }

    /** Stops the service (no-op when stopped). */
    public final void stop() throws Exception {
        stack.stop(name);
    }

    public final boolean running() {
        return stack.running(name);
    }

    /**
     * The running instance.
     *
     * @throws IllegalStateException when the part is not running
     */
    public final T instance() {
        return stack.instance(name, type);
    }

    /** The in-process channel to this part's gRPC server. */
    public final ManagedChannel channel() {
        return stack.channel(name);
    }

    public final TestStack stack() {
        return stack;
    }

    public final String name() {
        return name;
    }

    private T launchReady(Map<String, String> overrides) throws Exception {
        Map<String, String> values = new HashMap<>(defaults());
        values.putAll(overrides);
        T instance = launch(Config.of(values));
        try {
            awaitReady(instance);
        } catch (Exception | AssertionError e) {
            try {
                instance.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return instance;
    }

    @Override
    public String toString() {
        return name + (running() ? " (running)" : " (stopped)");
    }
}
