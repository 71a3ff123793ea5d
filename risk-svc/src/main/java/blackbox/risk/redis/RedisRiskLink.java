package blackbox.risk.redis;

import blackbox.risk.core.Scope;
import blackbox.risk.core.ScopeType;
import blackbox.risk.service.ChangeBroadcast;
import blackbox.risk.service.RiskView;
import blackbox.risk.store.PgRiskStore;
import blackbox.risk.store.StoreUnavailableException;
import blackbox.risk.switches.HaltMode;
import blackbox.risk.switches.KillSwitch;
import blackbox.risk.switches.SwitchState;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.redisson.Redisson;
import org.redisson.api.RBucket;
import org.redisson.api.RMap;
import org.redisson.api.NodeType;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.api.listener.StatusListener;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.redisson.connection.ConnectionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The risk state in Redis (Redisson, {@link StringCodec}):
 * <ul>
 *   <li>topic {@value #TOPIC}: {@code switch <version> <SCOPE> <key|-> <STATE> <MODE>} and
 *       {@code limits <version>}, one message per persisted change;</li>
 *   <li>hash {@value #SWITCHES}: field {@code <SCOPE>:<key>} → {@code <STATE> <MODE> <version>} for every switch
 *       not ACTIVE (the flags other readers may poll), and bucket {@value #VERSION}: the last change number the
 *       hash reflects. Both are rebuilt from PostgreSQL by the writer ({@link #rebuildMirror}) after a reconnect,
 *       and by {@link #maintain} when the version bucket is missing or behind (Redis flushed or restarted).</li>
 *   <li>hash {@value #VIEWS}: field = a reader view's name ({@code <name>@<pid>@<host>}) →
 *       {@code <version> <epoch ms> <known|unknown>}, refreshed by the reader's {@link #maintain} (its heartbeat) and
 *       after every change it applies, which it also announces on topic {@value #ACKS} ({@code <view> <version>}).
 *       The writer's {@link #awaitApplied} waits on these: a halt is answered once every live, known reader view
 *       denies what it forbids.</li>
 * </ul>
 * Views: the connection's loss marks the {@link RiskView} unknown (fail closed); when the subscription is active
 * again the view re-reads PostgreSQL and is known again. {@link #maintain} (every second, scheduled by the link
 * itself on its worker) retries a re-read that failed, and re-reads PostgreSQL when the version bucket is ahead of the view (a change whose message was lost:
 * published while the writer's connection was down). Thread-safe; Redisson's threads deliver, a single worker applies.
 */
public final class RedisRiskLink implements ChangeBroadcast, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisRiskLink.class);
    public static final String TOPIC = "blackbox:risk:changes";
    public static final String SWITCHES = "blackbox:risk:switches";
    public static final String VERSION = "blackbox:risk:version";
    public static final String VIEWS = "blackbox:risk:views";
    public static final String ACKS = "blackbox:risk:acks";
    /** A reader view whose heartbeat is older than this is not waited for (it stopped, or lost Redis). */
    static final long VIEW_STALE_MILLIS = 3_000;

    private final RedissonClient redisson;
    private final RTopic topic;
    private final RiskView view;
    private final PgRiskStore store;
    private final boolean writer;
    private final String viewName;
    private final Map<String, Long> acked = new java.util.concurrent.ConcurrentHashMap<>();
    private final Object ackMonitor = new Object();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "risk-redis-link");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean connected = true;
    private volatile boolean subscribed;

    private RedisRiskLink(String url, RiskView view, PgRiskStore store, boolean writer, String viewName) {
        this.view = view;
        this.store = store;
        this.writer = writer;
        this.viewName = viewName + "@" + java.lang.management.ManagementFactory.getRuntimeMXBean().getName();
        Config config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        config.setConnectionListener(new ConnectionListener() {
            @Override
            public void onConnect(InetSocketAddress addr, NodeType type) {
                connectedTo(addr);
            }

            @Override
            public void onDisconnect(InetSocketAddress addr, NodeType type) {
                disconnectedFrom(addr);
            }

            @Override
            @Deprecated
            public void onConnect(InetSocketAddress addr) {
                connectedTo(addr); // whichever form Redisson calls; both are idempotent
            }

            @Override
            @Deprecated
            public void onDisconnect(InetSocketAddress addr) {
                disconnectedFrom(addr);
            }
        });
        config.useSingleServer().setAddress(url).setConnectTimeout(2_000).setTimeout(2_000).setRetryAttempts(1)
                .setPingConnectionInterval(1_000);
        this.redisson = Redisson.create(config);
        this.topic = redisson.getTopic(TOPIC, StringCodec.INSTANCE);
        topic.addListener(new StatusListener() {
            @Override
            public void onSubscribe(String channel) {
                subscribed = true;
                worker.execute(RedisRiskLink.this::linkUpQuietly);
            }

            @Override
            public void onUnsubscribe(String channel) {
                subscribed = false;
                view.linkDown("Redis subscription to " + channel + " ended");
            }
        });
        topic.addListener(String.class, (channel, message) -> worker.execute(() -> apply(message)));
        if (writer) {
            redisson.getTopic(ACKS, StringCodec.INSTANCE).addListener(String.class, (channel, message) -> onAck(message));
        }
        // the link's own upkeep, on the worker that applies messages: a reader embedded elsewhere (oms-svc) needs no
        // timer of its own for its heartbeat and for catching up on a change whose message was lost
        worker.scheduleWithFixedDelay(this::maintainQuietly, 1, 1, TimeUnit.SECONDS);
    }

    private void connectedTo(InetSocketAddress addr) {
        connected = true;
        worker.execute(this::maintainQuietly);
    }

    private void disconnectedFrom(InetSocketAddress addr) {
        connected = false;
        subscribed = false;
        view.linkDown("Redis connection to " + addr + " lost");
    }

    /**
     * Connects to {@code url} ({@code redis://host:port}) and subscribes. The view becomes known once the
     * subscription is active and PostgreSQL was read.
     *
     * @param writer true in risk-svc (which owns the hash and rebuilds it), false in a reader such as oms-svc
     */
    public static RedisRiskLink connect(String url, RiskView view, PgRiskStore store, boolean writer) {
        return connect(url, view, store, writer, writer ? "risk-svc" : "view");
    }

    /**
     * {@link #connect(String, RiskView, PgRiskStore, boolean)} naming the view (e.g. {@code oms-svc}): a reader
     * announces itself as {@code <viewName>@<pid>@<host>} in {@value #VIEWS}.
     */
    public static RedisRiskLink connect(String url, RiskView view, PgRiskStore store, boolean writer, String viewName) {
        return new RedisRiskLink(url, view, store, writer, viewName);
    }

    /** This view's name in {@value #VIEWS} ({@code <name>@<pid>@<host>}). */
    public String viewName() {
        return viewName;
    }

    /**
     * The writer's wait for the reader views: every view in {@value #VIEWS} with a heartbeat younger than 3 s that
     * says it is known must report change {@code version} (or a later one) applied. A view that is unknown denies
     * every order already, so it is not waited for.
     *
     * @return the names of the views still behind when {@code timeout} passed; empty when every view has applied it
     */
    @Override
    public List<String> awaitApplied(long version, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, String> views;
        try {
            views = redisson.<String, String>getMap(VIEWS, StringCodec.INSTANCE).readAllMap();
        } catch (RuntimeException e) {
            LOG.warn("could not read the views registry: {}", e.toString());
            return List.of("(views registry unreadable: " + e.getMessage() + ")");
        }
        long now = System.currentTimeMillis();
        List<String> waiting = new ArrayList<>();
        for (Map.Entry<String, String> e : views.entrySet()) {
            String[] v = e.getValue().split(" ");
            if (v.length < 3 || now - Long.parseLong(v[1]) > VIEW_STALE_MILLIS || !v[2].equals("known")) continue;
            acked.merge(e.getKey(), Long.parseLong(v[0]), Math::max);
            waiting.add(e.getKey());
        }
        synchronized (ackMonitor) {
            while (true) {
                waiting.removeIf(name -> acked.getOrDefault(name, 0L) >= version);
                long left = deadline - System.nanoTime();
                if (waiting.isEmpty() || left <= 0) return List.copyOf(waiting);
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(ackMonitor, left);
            }
        }
    }

    private void onAck(String message) {
        String[] parts = message.split(" ");
        if (parts.length != 2) return;
        try {
            acked.merge(parts[0], Long.parseLong(parts[1]), Math::max);
        } catch (NumberFormatException e) {
            return;
        }
        synchronized (ackMonitor) {
            ackMonitor.notifyAll();
        }
    }

    /** A reader announces the change it has applied (and that it is alive). */
    private void announce(boolean changed) {
        if (writer) return;
        RiskSnapshotState s = RiskSnapshotState.of(view);
        try {
            redisson.<String, String>getMap(VIEWS, StringCodec.INSTANCE).fastPutAsync(viewName,
                    s.version + " " + System.currentTimeMillis() + " " + (s.known ? "known" : "unknown"));
            if (changed && s.known) redisson.getTopic(ACKS, StringCodec.INSTANCE).publishAsync(viewName + " " + s.version);
        } catch (RuntimeException e) {
            LOG.debug("could not announce view {}: {}", viewName, e.toString());
        }
    }

    private record RiskSnapshotState(long version, boolean known) {
        static RiskSnapshotState of(RiskView view) {
            var snapshot = view.snapshot();
            return new RiskSnapshotState(snapshot.switches().version(), snapshot.known());
        }
    }

    @Override
    public boolean publishSwitch(KillSwitch k) {
        try {
            RMap<String, String> hash = redisson.getMap(SWITCHES, StringCodec.INSTANCE);
            if (k.state() == SwitchState.ACTIVE) hash.fastRemove(field(k.scope()));
            else hash.fastPut(field(k.scope()), k.state() + " " + k.mode() + " " + k.version());
            bucket().set(Long.toString(k.version()));
            topic.publish("switch " + k.version() + " " + k.scope().type() + " " + (k.scope().key().isEmpty() ? "-" : k.scope().key())
                    + " " + k.state() + " " + k.mode() + " " + k.changedAtNanos() + " " + k.who() + "\t" + k.why());
            return true;
        } catch (RuntimeException e) {
            LOG.warn("could not publish switch change {}: {}", k.version(), e.toString());
            return false;
        }
    }

    @Override
    public boolean publishLimits(long version) {
        try {
            bucket().set(Long.toString(version));
            topic.publish("limits " + version);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("could not publish limits change {}: {}", version, e.toString());
            return false;
        }
    }

    /**
     * Periodic upkeep (every second): a view that is unknown with an active subscription re-reads PostgreSQL; the
     * writer rebuilds the hash when its version bucket is missing or behind PostgreSQL (Redis flushed or restarted).
     */
    public void maintain() throws StoreUnavailableException {
        if (subscribed && !view.snapshot().known()) {
            view.linkUp();
            announce(true);
        } else if (!writer && subscribed && behindTheBucket()) {
            view.resync(); // a change whose message never came (the writer's publish failed): read PostgreSQL
            announce(true);
        } else {
            announce(false);
        }
        if (writer && connected) {
            String v = bucket().get();
            long pg = store.latestVersion();
            if (v == null || Long.parseLong(v) < pg) rebuildMirror();
        }
    }

    /** Is the version bucket (set by the writer with every change and every rebuild) ahead of this view? */
    private boolean behindTheBucket() {
        try {
            String v = bucket().get();
            return v != null && Long.parseLong(v) > view.snapshot().switches().version();
        } catch (RuntimeException e) {
            return false; // Redis away: the connection listener handles it
        }
    }

    /** Rewrites the switch hash and the version bucket from PostgreSQL. */
    public void rebuildMirror() throws StoreUnavailableException {
        long version = store.latestVersion();
        Map<String, String> fields = new HashMap<>();
        for (KillSwitch k : store.switches()) {
            if (k.state() != SwitchState.ACTIVE) fields.put(field(k.scope()), k.state() + " " + k.mode() + " " + k.version());
        }
        RMap<String, String> hash = redisson.getMap(SWITCHES, StringCodec.INSTANCE);
        hash.delete();
        if (!fields.isEmpty()) hash.putAll(fields);
        bucket().set(Long.toString(version));
        LOG.info("switch mirror rebuilt from PostgreSQL: {} switches not ACTIVE at change {}", fields.size(), version);
    }

    /** The hash as Redis has it now (for tests and tools): field → value. */
    public Map<String, String> mirror() {
        return redisson.<String, String>getMap(SWITCHES, StringCodec.INSTANCE).readAllMap();
    }

    private RBucket<String> bucket() {
        return redisson.getBucket(VERSION, StringCodec.INSTANCE);
    }

    private void apply(String message) {
        try {
            String[] head = message.split("\t", 2)[0].split(" ");
            switch (head[0]) {
                case "switch" -> {
                    String why = message.contains("\t") ? message.substring(message.indexOf('\t') + 1) : "";
                    Scope scope = Scope.parse(ScopeType.valueOf(head[2]), head[3].equals("-") ? "" : head[3]);
                    view.onSwitch(new KillSwitch(scope, SwitchState.valueOf(head[4]), HaltMode.valueOf(head[5]),
                            head.length > 7 ? head[7] : "", why, Long.parseLong(head[6]), Long.parseLong(head[1])));
                }
                case "limits" -> view.onLimitsChanged(Long.parseLong(head[1]));
                default -> LOG.warn("unknown risk broadcast ignored: {}", message);
            }
            announce(true);
        } catch (StoreUnavailableException e) {
            view.linkDown("PostgreSQL unavailable while following the broadcast: " + e.getMessage());
            subscribed = true; // the link is fine; maintain() re-reads when PostgreSQL is back
        } catch (RuntimeException e) {
            LOG.warn("bad risk broadcast {}: {}", message, e.toString());
            maintainQuietly();
        }
    }

    private void linkUpQuietly() {
        try {
            view.linkUp();
            announce(true);
            if (writer) rebuildMirror();
        } catch (StoreUnavailableException | RuntimeException e) {
            LOG.warn("re-reading the risk state after the subscription: {}", e.toString());
        }
    }

    private void maintainQuietly() {
        try {
            maintain();
        } catch (StoreUnavailableException | RuntimeException e) {
            LOG.debug("risk link upkeep: {}", e.toString());
        }
    }

    private static String field(Scope s) {
        return s.type() + ":" + s.key();
    }

    @Override
    public void close() {
        if (!writer) {
            try {
                redisson.<String, String>getMap(VIEWS, StringCodec.INSTANCE).fastRemove(viewName);
            } catch (RuntimeException e) {
                LOG.debug("could not remove view {}: {}", viewName, e.toString());
            }
        }
        worker.shutdownNow();
        redisson.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
