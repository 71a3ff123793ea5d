package blackbox.oms.algo;

import blackbox.oms.core.ClOrdId;

/** What an algorithm asks of the engine: a new child order, or a cancel of a working one. */
public sealed interface Action {
    /**
     * A new child order of {@code qty} (a multiple of the lot) at {@code price} (scaled; the parent's limit, or a cover's
     * price of the moment; 0 for MARKET).
     */
    record Send(ClOrdId childId, AccountTarget account, int slice, long qty, long price) implements Action {
    }

    /** Cancel the working child {@code childId}. */
    record Cancel(ClOrdId childId, String why) implements Action {
    }
}
