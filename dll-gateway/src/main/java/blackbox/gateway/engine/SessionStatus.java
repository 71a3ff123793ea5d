package blackbox.gateway.engine;

/**
 * A snapshot of the DLL session as the gateway sees it.
 *
 * @param state the summary state
 * @param loginResult nResult of the last (0, x) state callback, -1 if none yet
 * @param routingResult nResult of the last (1, x), -1 if none
 * @param marketResult nResult of the last (2, x), -1 if none
 * @param activationResult nResult of the last (3, x), -1 if none
 * @param responsive the DLL's health callback (TSystemHealthState responsive)
 * @param overflows events dropped because the hand-off ring was full, over the gateway's life
 * @param reconnects times the market-data connection came back after a loss
 * @param changedNanos when this status was produced (UTC ns, gateway clock)
 * @param detail a human sentence on what is going on
 */
public record SessionStatus(State state, int loginResult, int routingResult, int marketResult, int activationResult,
                            boolean responsive, long overflows, long reconnects, long changedNanos, String detail) {
    /** Summary states, mirrored in the gRPC {@code ConnectionState}. */
    public enum State { CONNECTING, CONNECTED, PARTIAL, RECONNECTING, FAILED }

    public boolean marketDataConnected() {
        return marketResult == 4 || marketResult == 5 || marketResult == 6;
    }

    /** Routing ready: (1, ROTEAMENTO_BROKER_CONNECTED) only, as [README] of profitdll-api.md §2.2 recommends. */
    public boolean routingConnected() {
        return routingResult == 5;
    }
}
