package blackbox.risk.service;

import blackbox.risk.switches.KillSwitch;

/** Where the writer announces a persisted change to every view (Redis topics in production). */
public interface ChangeBroadcast {
    /** A switch's new state; returns false when it could not be published (the views will re-read on reconnect). */
    boolean publishSwitch(KillSwitch change);

    /** Limits changed with change number {@code version}. */
    boolean publishLimits(long version);
}
