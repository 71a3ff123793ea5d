package blackbox.gateway.engine;

import blackbox.gateway.session.DllEvent;
import blackbox.platform.domain.InstrumentId;

/**
 * Receives the real-time market events the engine takes off the hand-off ring, in the DLL's order.
 * Called on the engine's single consumer thread; implementations copy what they keep (the event slot is
 * reused) and must not block.
 */
public interface MarketEventSink {
    /** A real-time trade ({@link DllEvent#TRADE}). */
    void onTrade(DllEvent trade);

    /** A ticker's trading state changed (TCS_* code, e.g. 4 = auction / leilão). */
    void onTickerState(InstrumentId instrument, int state, long receivedNanos);

    /** Real-time delivery may have missed trades between {@code fromNanos} and {@code toNanos} (exchange time, UTC ns). */
    void onGap(long fromNanos, long toNanos, String reason);

    /** The end of a batch of events taken off the ring: a good moment to flush. */
    void endOfBatch();
}
