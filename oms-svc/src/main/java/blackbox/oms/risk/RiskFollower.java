package blackbox.oms.risk;

import blackbox.platform.db.Database;
import blackbox.risk.redis.RedisRiskLink;
import blackbox.risk.service.RiskGate;
import blackbox.risk.service.RiskView;
import blackbox.risk.store.PgRiskStore;
import blackbox.risk.store.RiskSchema;
import blackbox.risk.store.StoreUnavailableException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * risk-svc's state followed in oms-svc's process, for its in-process {@link RiskGate}: the limits and kill switches in
 * PostgreSQL (schema {@code risk}, migrated here too: the gate's library owns it, and oms-svc may start first) kept
 * current by risk-svc's Redis broadcast ({@link RedisRiskLink} as a reader). Fail closed: until the view is known
 * every new order is denied RISK_STATE_UNKNOWN, and it turns unknown whenever the broadcast is down.
 *
 * <p>Without Redis (a test, or a desk running without it) the view re-reads PostgreSQL every {@code poll}: a halt then
 * takes effect within that period instead of at once; the README says so. With no limit rows the gate accepts (which
 * limits a desk must have is a configuration question, oms-svc/README.md).
 */
public final class RiskFollower implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RiskFollower.class);

    private final RiskView view;
    private final RiskGate gate;
    private final RedisRiskLink link;
    private final ScheduledExecutorService poller;

    private RiskFollower(RiskView view, RedisRiskLink link, ScheduledExecutorService poller) {
        this.view = view;
        this.gate = new RiskGate(view);
        this.link = link;
        this.poller = poller;
    }

    /**
     * @param redisUrl risk-svc's Redis ({@code redis://host:port}); empty to poll PostgreSQL
     * @param clock UTC epoch ns
     */
    public static RiskFollower start(Database database, Optional<String> redisUrl, Duration poll, LongSupplier clock) {
        RiskSchema.migrate(database);
        PgRiskStore store = new PgRiskStore(database.jdbi());
        RiskView view = new RiskView(store, clock, event -> log.info("risk state: {}", event));
        if (redisUrl.isPresent()) {
            return new RiskFollower(view, RedisRiskLink.connect(redisUrl.get(), view, store, false), null);
        }
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "oms-risk-poll");
            t.setDaemon(true);
            return t;
        });
        Runnable reread = () -> {
            try {
                if (view.isLinkUp()) view.resync();
                else view.linkUp(); // no broadcast to follow: PostgreSQL read every period stands in for it
            } catch (StoreUnavailableException e) {
                view.linkDown("PostgreSQL unreadable: " + e.getMessage());
            } catch (RuntimeException e) {
                log.warn("risk state re-read failed: {}", e.toString());
            }
        };
        reread.run();
        poller.scheduleWithFixedDelay(reread, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
        return new RiskFollower(view, null, poller);
    }

    public RiskGate gate() {
        return gate;
    }

    public RiskView view() {
        return view;
    }

    @Override
    public void close() {
        if (link != null) link.close();
        if (poller != null) poller.shutdownNow();
    }
}
