package blackbox.gateway.engine;

/**
 * What can move the {@link ConnectionState}: the DLL's state callback (SetStateCallback, one record per
 * TConnStateType channel, profitdll-api.md §2.2), its health callback, and what the engine's own threads observe.
 */
public sealed interface ConnectionEvent {
    /** (0, nResult): login; 0 = LOGIN_CONNECTED, anything else a refusal (LOGIN_INVALID…). */
    record Login(int result) implements ConnectionEvent {
    }

    /** (1, nResult): order routing; 5 = ROTEAMENTO_BROKER_CONNECTED is ready, the rest is not. */
    record Routing(int result) implements ConnectionEvent {
    }

    /** (2, nResult): market data; 4 connected, 5 connected with a performance warning, 6 partial, others lost. */
    record Market(int result) implements ConnectionEvent {
    }

    /** (3, nResult): activation key; 0 = CONNECTION_ACTIVATE_VALID, anything else invalid. */
    record Activation(int result) implements ConnectionEvent {
    }

    /** The DLL's health callback: responsive or frozen. */
    record Health(boolean responsive) implements ConnectionEvent {
    }

    /** The control thread could not start a DLL session (the factory threw). */
    record SessionStartFailed(String message) implements ConnectionEvent {
    }

    /** The reconnect timeout armed on a market-data loss has run out (in the same session). */
    record ReconnectTimedOut() implements ConnectionEvent {
    }

    /** The engine finalized the session and is starting a new one. */
    record SessionRestarted() implements ConnectionEvent {
    }

    /**
     * The event of a state callback, or {@code null} for a channel outside TConnStateType (0..3), which the
     * engine ignores.
     */
    static ConnectionEvent ofStateCallback(int channel, int result) {
        return switch (channel) {
            case 0 -> new Login(result);
            case 1 -> new Routing(result);
            case 2 -> new Market(result);
            case 3 -> new Activation(result);
            default -> null;
        };
    }
}
