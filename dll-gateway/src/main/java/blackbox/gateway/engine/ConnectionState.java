package blackbox.gateway.engine;

/**
 * Where the DLL session's market-data connection stands, as the engine tracks it across sessions. Pure value;
 * {@link ConnectionTransitions#next} is the only way from one to the next.
 *
 * <p>{@code everConnected} remembers whether market data was ever connected in this engine's life (any session):
 * it decides whether a (re)connection re-subscribes with a gap or subscribes for the first time.
 */
public sealed interface ConnectionState {
    /** The summary state published in {@link SessionStatus} and mirrored in the gRPC {@code ConnectionState}. */
    SessionStatus.State summary();

    /** Whether market data was connected at least once, in any session. */
    boolean everConnected();

    /** The engine has started and no market-data state has arrived yet (only ever the first state). */
    record Connecting() implements ConnectionState {
        public SessionStatus.State summary() { return SessionStatus.State.CONNECTING; }
        public boolean everConnected() { return false; }
    }

    /** Market data connected: (2, MARKET_CONNECTED) or (2, MARKET_CONNECTED with the performance warning). */
    record Connected() implements ConnectionState {
        public SessionStatus.State summary() { return SessionStatus.State.CONNECTED; }
        public boolean everConnected() { return true; }
    }

    /** (2, MARKET_PARTIAL_CONNECTED): connected, but the DLL says its callbacks are not consumed fast enough. */
    record Partial(boolean everConnected) implements ConnectionState {
        public SessionStatus.State summary() { return SessionStatus.State.PARTIAL; }
    }

    /** Market data lost (or the session failed to start): waiting for the DLL, or for a new session. */
    record Reconnecting(boolean everConnected) implements ConnectionState {
        public SessionStatus.State summary() { return SessionStatus.State.RECONNECTING; }
    }

    /** Login or activation key refused: not retried, an operator must act. */
    record Failed(boolean everConnected) implements ConnectionState {
        public SessionStatus.State summary() { return SessionStatus.State.FAILED; }
    }

    /** The state of a new engine. */
    static ConnectionState initial() {
        return new Connecting();
    }
}
