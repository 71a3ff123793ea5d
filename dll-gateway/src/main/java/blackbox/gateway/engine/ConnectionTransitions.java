package blackbox.gateway.engine;

import blackbox.gateway.engine.ConnectionEffect.ArmReconnectTimer;
import blackbox.gateway.engine.ConnectionEffect.CountReconnect;
import blackbox.gateway.engine.ConnectionEffect.ForgetChannelResults;
import blackbox.gateway.engine.ConnectionEffect.ForwardRoutingState;
import blackbox.gateway.engine.ConnectionEffect.PublishStatus;
import blackbox.gateway.engine.ConnectionEffect.ResetBackoff;
import blackbox.gateway.engine.ConnectionEffect.RestartSession;
import blackbox.gateway.engine.ConnectionEffect.Resubscribe;
import blackbox.gateway.engine.ConnectionEffect.ScheduleRestart;
import blackbox.gateway.engine.ConnectionEvent.Activation;
import blackbox.gateway.engine.ConnectionEvent.Health;
import blackbox.gateway.engine.ConnectionEvent.Login;
import blackbox.gateway.engine.ConnectionEvent.Market;
import blackbox.gateway.engine.ConnectionEvent.ReconnectTimedOut;
import blackbox.gateway.engine.ConnectionEvent.Routing;
import blackbox.gateway.engine.ConnectionEvent.SessionRestarted;
import blackbox.gateway.engine.ConnectionEvent.SessionStartFailed;
import blackbox.gateway.engine.ConnectionState.Connected;
import blackbox.gateway.engine.ConnectionState.Connecting;
import blackbox.gateway.engine.ConnectionState.Failed;
import blackbox.gateway.engine.ConnectionState.Partial;
import blackbox.gateway.engine.ConnectionState.Reconnecting;
import java.util.ArrayList;
import java.util.List;

/**
 * The DLL session's connection state machine: one pure function of (state, event), no clock, no threads, no I/O.
 * {@link GatewayEngine} feeds it the DLL's state and health callbacks and what its threads observe, and carries out
 * the {@link ConnectionEffect}s it returns.
 */
public final class ConnectionTransitions {
    private ConnectionTransitions() {
    }

    /** The result of one event: the state moved (possibly to itself) with effects, or the event changes nothing. */
    public sealed interface Outcome {
    }

    /** The new state and what to do, in order. */
    public record Moved(ConnectionState next, List<ConnectionEffect> effects) implements Outcome {
        public Moved {
            effects = List.copyOf(effects);
        }
    }

    /** The event changes nothing and asks for nothing; {@code reason} says why that is right. */
    public record Ignored(String reason) implements Outcome {
    }

    /**
     * The transition. Callers pass the state they hold and replace it with {@link Moved#next()}.
     *
     * @return never {@code null}
     */
    public static Outcome next(ConnectionState state, ConnectionEvent event) {
        return switch (event) {
            case Login(int result) when result != 0 ->
                    // From any state, even CONNECTED: a refused login is final until an operator acts.
                    moved(new Failed(state.everConnected()), publish("login refused by the DLL: " + loginName(result)));
            case Activation(int result) when result != 0 ->
                    moved(new Failed(state.everConnected()), publish("activation key refused (CONNECTION_ACTIVATE_INVALID)"));
            case Login(int result) -> moved(state, publish("state (0," + result + ")"));
            case Activation(int result) -> moved(state, publish("state (3," + result + ")"));
            // Routing never moves the summary: it is market data's; the trading listener owns routing.
            case Routing(int result) -> moved(state, publish("state (1," + result + ")"), new ForwardRoutingState(result));
            case Market(int result) when result == 4 || result == 5 -> marketConnected(state, result);
            case Market(int result) when result == 6 -> moved(new Partial(state.everConnected()),
                    publish("MARKET_PARTIAL_CONNECTED: the DLL reports callbacks are not being consumed fast enough"));
            case Market(int result) -> marketLost(state, result);
            // Health never moves the summary: a frozen DLL still holds its connections; the status carries it.
            case Health(boolean responsive) ->
                    moved(state, publish(responsive ? "DLL responsive" : "DLL frozen (health callback)"));
            // Even from FAILED: the operator's refusal stands only for the session that was refused.
            case SessionStartFailed(String message) -> moved(new Reconnecting(state.everConnected()),
                    publish("session failed to start: " + message), new ScheduleRestart());
            case ReconnectTimedOut() -> state instanceof Reconnecting
                    ? moved(state, new RestartSession())
                    : new Ignored("market data came back, or the session failed, before the reconnect timeout");
            // The summary stays what the last callback said until the new session's callbacks arrive.
            case SessionRestarted() -> moved(state, new ForgetChannelResults());
        };
    }

    private static Outcome marketConnected(ConnectionState state, int result) {
        List<ConnectionEffect> effects = new ArrayList<>();
        effects.add(new ResetBackoff());
        // PARTIAL → CONNECTED is the same connection catching up: nothing was unsubscribed, no gap is reported.
        // CONNECTED → CONNECTED (e.g. 5 → 4) counts as a reconnection and re-subscribes: subscribing twice is
        // harmless at the DLL, and a gap of nothing costs a consumer one empty history request.
        // FAILED → CONNECTED: the DLL reports market data after a refusal; the engine believes the DLL.
        boolean recovering = state.everConnected() && !(state instanceof Partial);
        if (recovering) effects.add(new CountReconnect());
        effects.add(publish(result == 5 ? "connected (performance warning)" : "connected"));
        if (recovering) effects.add(new Resubscribe(true));
        else if (!state.everConnected()) effects.add(new Resubscribe(false));
        return new Moved(new Connected(), effects);
    }

    private static Outcome marketLost(ConnectionState state, int result) {
        if (state instanceof Reconnecting) {
            return new Ignored("already waiting for the DLL to reconnect: the timer armed on the first loss stands");
        }
        // From FAILED too: a refused session whose market data drops is restarted on the timeout like any other.
        return moved(new Reconnecting(state.everConnected()),
                publish("market data lost (" + result + "); waiting for the DLL to reconnect"), new ArmReconnectTimer());
    }

    private static Moved moved(ConnectionState next, ConnectionEffect... effects) {
        return new Moved(next, List.of(effects));
    }

    private static PublishStatus publish(String detail) {
        return new PublishStatus(detail);
    }

    /** The name of a refused login's nResult (TConnStateType channel 0). */
    static String loginName(int result) {
        return switch (result) {
            case 1 -> "LOGIN_INVALID";
            case 2 -> "LOGIN_INVALID_PASS";
            case 3 -> "LOGIN_BLOCKED_PASS";
            case 4 -> "LOGIN_EXPIRED_PASS";
            default -> "LOGIN_UNKNOWN_ERR (" + result + ")";
        };
    }
}
