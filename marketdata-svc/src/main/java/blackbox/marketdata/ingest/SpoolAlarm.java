package blackbox.marketdata.ingest;

import blackbox.marketdata.core.Spool;
import blackbox.platform.health.Health;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says loudly that the spool is full (PostgreSQL has been away too long): an ERROR log once per episode,
 * health DOWN, and the dropped count in the metrics. The dropped windows are repaired from history once the
 * database is back.
 */
public final class SpoolAlarm {
    private static final Logger log = LoggerFactory.getLogger(SpoolAlarm.class);
    static final String COMPONENT = "trade-spool";

    private final Health health;
    private volatile boolean full;

    public SpoolAlarm(Health health) {
        this.health = health;
        health.report(COMPONENT, Health.Status.up("spool has room"));
    }

    void full(Spool spool) {
        if (!full) {
            full = true;
            log.error("trade spool FULL ({} trades): PostgreSQL is not keeping up or is away; trades are being dropped"
                    + " and will be recovered from history when it is back", spool.capacity());
            health.report(COMPONENT, Health.Status.down("spool full: trades dropped, to be repaired from history"));
        }
    }

    /** Called by the writer when the spool has drained below half. */
    void cleared(Spool spool) {
        if (full && spool.size() < spool.capacity() / 2) {
            full = false;
            log.info("trade spool has room again ({} of {}), {} trades dropped in all", spool.size(), spool.capacity(), spool.droppedTotal());
            health.report(COMPONENT, Health.Status.up("spool has room"));
        }
    }
}
