package blackbox.oms.core.reconcile;

/** What reconciliation concluded for one of our orders. */
public enum Verdict {
    /** The venue agrees with us: nothing to apply. */
    UNCHANGED,
    /** The venue's state (and any fills we missed) is applied. */
    UPDATED,
    /** The venue never saw the order: it becomes REJECTED with the reason; it is not re-sent. */
    NEVER_SEEN,
    /** A day order of an earlier session, no longer listed by the venue: it expired. */
    EXPIRED_EARLIER_SESSION,
    /** The venue and we disagree in a way no event explains (an alarm for a person); nothing is applied. */
    DISCREPANCY
}
