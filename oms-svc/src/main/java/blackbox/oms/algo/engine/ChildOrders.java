package blackbox.oms.algo.engine;

import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.Order;
import java.util.concurrent.CompletableFuture;

/**
 * How the engine places and cancels children: through oms-svc's own entry points (account gate, pre-trade risk, the
 * writer's persist-before-send, the gateway sender), so a child is an order like any other. The algorithms never see
 * it. Implementations must not block the caller.
 */
public interface ChildOrders {
    /** What became of a child the engine asked for. */
    enum Placed {
        /** Persisted PENDING_NEW and handed to the gateway sender. */
        SENT,
        /** Persisted DENIED by pre-trade risk: never sent. */
        DENIED,
        /** Its ClOrdID was already an order (a restart's retry): nothing new. */
        EXISTS,
        /** Not persisted: the account is not open for orders now (reconciling, in doubt, refused); try again later. */
        NOT_ADMITTED
    }

    /** Places a new child (PENDING_NEW, its parent set). Completes once persisted (or refused); never exceptionally for a refusal. */
    CompletableFuture<Placed> place(Order child);

    /** Asks the venue to cancel a working child; completes true when the cancel was persisted and sent. */
    CompletableFuture<Boolean> cancel(ClOrdId child, String why);
}
