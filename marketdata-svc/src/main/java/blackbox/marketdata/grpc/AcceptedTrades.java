package blackbox.marketdata.grpc;

import java.time.Duration;

/**
 * The trades marketdata-svc has accepted and whether they are committed yet: ReadTrades waits on this so that a
 * read sees every trade accepted (and so perhaps already streamed) before it.
 */
public interface AcceptedTrades {
    /** @return a mark covering every trade accepted before this call (any thread) */
    long mark();

    /**
     * Waits (calling thread) until the trades of {@code mark} are committed.
     *
     * @return true when they are; false when {@code timeout} passed first or the thread was interrupted
     */
    boolean awaitStored(long mark, Duration timeout);
}
