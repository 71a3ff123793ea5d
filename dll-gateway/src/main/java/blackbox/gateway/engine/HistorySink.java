package blackbox.gateway.engine;

import blackbox.gateway.session.DllCall;
import blackbox.gateway.session.DllEvent;

/**
 * Receives the answer to one history request. Called on the engine's consumer thread (trades, progress,
 * completion) or its control thread (failure, timeout); never concurrently. Implementations copy what they
 * keep and must not block.
 */
public interface HistorySink {
    /** A trade inside the requested window, in the DLL's order. */
    void onTrade(DllEvent trade);

    /** Progress 0..100 from the DLL's progress callback. */
    void onProgress(int percent);

    /** The DLL reported 100%: every trade of the window was delivered. */
    void onComplete(long trades);

    /** The DLL refused the request (e.g. NL_HISTORY_PERIOD_LIMIT, NL_INVALID_TICKER). */
    void onRejected(DllCall call);

    /** The DLL went silent for longer than the history timeout; the engine restarts the session. */
    void onTimeout(long idleMillis);

    /** The gateway is stopping or the session was lost before completion. */
    void onAborted(String reason);
}
