package blackbox.gateway.engine;

import blackbox.gateway.session.DllEvent;

/**
 * What the trading side of the gateway hears from the {@link GatewayEngine}'s consumer thread ("dll-events"), in the
 * DLL's order. Implementations must not block: they run between ring polls, like every sink.
 */
public interface TradingListener {
    /** An order, trading-message, order-history or account-list event ({@link DllEvent#ORDER} ...). */
    void onRoutingEvent(DllEvent event);

    /** A routing state callback (1, nResult). */
    void onRoutingState(int result);

    /** A new DLL session started (its LocalOrderIDs are new); called before any of its events. */
    void onSessionStarted(long generation);

    /** After each poll of the ring and the engine's tasks: the place for deferred work. */
    void afterPoll();

    /** After a batch of events. */
    void endOfBatch();
}
