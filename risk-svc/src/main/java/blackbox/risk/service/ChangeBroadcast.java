package blackbox.risk.service;

import blackbox.risk.switches.KillSwitch;
import java.time.Duration;
import java.util.List;

/** Where the writer announces a persisted change to every view (Redis topics in production). */
public interface ChangeBroadcast {
    /** A switch's new state; returns false when it could not be published (the views will re-read on reconnect). */
    boolean publishSwitch(KillSwitch change);

    /** Limits changed with change number {@code version}. */
    boolean publishLimits(long version);

    /**
     * Waits until every view that follows the broadcast has applied change {@code version}, at most {@code timeout}.
     * By default there are no other views.
     *
     * @return the views that had not applied it when the wait ended (empty when all had)
     */
    default List<String> awaitApplied(long version, Duration timeout) throws InterruptedException {
        return List.of();
    }
}
