package blackbox.gateway.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import blackbox.gateway.engine.ConnectionTransitions.Ignored;
import blackbox.gateway.engine.ConnectionTransitions.Moved;
import blackbox.gateway.engine.ConnectionTransitions.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every state × every event of the connection state machine, each with its expected next state and effects or its
 * rejection. The table is written out, not computed: it is the specification of {@link ConnectionTransitions#next}.
 */
class ConnectionTransitionsTest {
    private static final ConnectionState CONNECTING = new Connecting();
    private static final ConnectionState CONNECTED = new Connected();
    private static final ConnectionState PARTIAL_FIRST = new Partial(false);
    private static final ConnectionState PARTIAL = new Partial(true);
    private static final ConnectionState RECONNECTING_FIRST = new Reconnecting(false);
    private static final ConnectionState RECONNECTING = new Reconnecting(true);
    private static final ConnectionState FAILED_FIRST = new Failed(false);
    private static final ConnectionState FAILED = new Failed(true);

    /** Every state, both memories where a state has one. */
    private static final List<ConnectionState> STATES = List.of(CONNECTING, CONNECTED, PARTIAL_FIRST, PARTIAL,
            RECONNECTING_FIRST, RECONNECTING, FAILED_FIRST, FAILED);

    /** Every event type, with each distinct guard of the transition covered by one value. */
    private static final List<ConnectionEvent> EVENTS = List.of(new Login(0), new Login(2), new Activation(0),
            new Activation(1), new Routing(5), new Routing(1), new Market(4), new Market(5), new Market(6), new Market(2),
            new Health(true), new Health(false), new SessionStartFailed("no DLL"), new ReconnectTimedOut(),
            new SessionRestarted());

    private record Key(ConnectionState state, ConnectionEvent event) {
    }

    /** What a cell of the table expects: a move with these effects, or a rejection whose reason contains a text. */
    private record Expected(ConnectionState next, List<ConnectionEffect> effects, String ignoredBecause) {
    }

    private static final Map<Key, Expected> TABLE = new LinkedHashMap<>();

    private static void moves(ConnectionState from, ConnectionEvent event, ConnectionState to, ConnectionEffect... effects) {
        Expected previous = TABLE.put(new Key(from, event), new Expected(to, List.of(effects), null));
        if (previous != null) throw new IllegalStateException("twice in the table: " + from + " × " + event);
    }

    private static void ignores(ConnectionState from, ConnectionEvent event, String because) {
        Expected previous = TABLE.put(new Key(from, event), new Expected(null, List.of(), because));
        if (previous != null) throw new IllegalStateException("twice in the table: " + from + " × " + event);
    }

    private static PublishStatus publish(String detail) {
        return new PublishStatus(detail);
    }

    static {
        // (0, 0) LOGIN_CONNECTED: no move, the status says it
        for (ConnectionState s : STATES) moves(s, new Login(0), s, publish("state (0,0)"));
        // (0, 2) LOGIN_INVALID_PASS: FAILED from anywhere, remembering whether market data was ever up
        String login = "login refused by the DLL: LOGIN_INVALID_PASS";
        moves(CONNECTING, new Login(2), FAILED_FIRST, publish(login));
        moves(CONNECTED, new Login(2), FAILED, publish(login));
        moves(PARTIAL_FIRST, new Login(2), FAILED_FIRST, publish(login));
        moves(PARTIAL, new Login(2), FAILED, publish(login));
        moves(RECONNECTING_FIRST, new Login(2), FAILED_FIRST, publish(login));
        moves(RECONNECTING, new Login(2), FAILED, publish(login));
        moves(FAILED_FIRST, new Login(2), FAILED_FIRST, publish(login));
        moves(FAILED, new Login(2), FAILED, publish(login));
        // (3, 0) CONNECTION_ACTIVATE_VALID: no move
        for (ConnectionState s : STATES) moves(s, new Activation(0), s, publish("state (3,0)"));
        // (3, 1) CONNECTION_ACTIVATE_INVALID: FAILED from anywhere
        String activation = "activation key refused (CONNECTION_ACTIVATE_INVALID)";
        moves(CONNECTING, new Activation(1), FAILED_FIRST, publish(activation));
        moves(CONNECTED, new Activation(1), FAILED, publish(activation));
        moves(PARTIAL_FIRST, new Activation(1), FAILED_FIRST, publish(activation));
        moves(PARTIAL, new Activation(1), FAILED, publish(activation));
        moves(RECONNECTING_FIRST, new Activation(1), FAILED_FIRST, publish(activation));
        moves(RECONNECTING, new Activation(1), FAILED, publish(activation));
        moves(FAILED_FIRST, new Activation(1), FAILED_FIRST, publish(activation));
        moves(FAILED, new Activation(1), FAILED, publish(activation));
        // (1, x) routing: never moves the summary, always reaches the trading listener
        for (ConnectionState s : STATES) {
            moves(s, new Routing(5), s, publish("state (1,5)"), new ForwardRoutingState(5));
            moves(s, new Routing(1), s, publish("state (1,1)"), new ForwardRoutingState(1));
        }
        // (2, 4) and (2, 5): connected; first connection subscribes, a recovery re-subscribes with a gap,
        // PARTIAL → CONNECTED after a connection does neither
        for (int result : new int[] {4, 5}) {
            Market m = new Market(result);
            PublishStatus p = publish(result == 5 ? "connected (performance warning)" : "connected");
            ConnectionEffect reset = new ResetBackoff();
            ConnectionEffect count = new CountReconnect();
            moves(CONNECTING, m, CONNECTED, reset, p, new Resubscribe(false));
            moves(CONNECTED, m, CONNECTED, reset, count, p, new Resubscribe(true));
            moves(PARTIAL_FIRST, m, CONNECTED, reset, p, new Resubscribe(false));
            moves(PARTIAL, m, CONNECTED, reset, p);
            moves(RECONNECTING_FIRST, m, CONNECTED, reset, p, new Resubscribe(false));
            moves(RECONNECTING, m, CONNECTED, reset, count, p, new Resubscribe(true));
            moves(FAILED_FIRST, m, CONNECTED, reset, p, new Resubscribe(false));
            moves(FAILED, m, CONNECTED, reset, count, p, new Resubscribe(true));
        }
        // (2, 6) MARKET_PARTIAL_CONNECTED
        PublishStatus partial = publish("MARKET_PARTIAL_CONNECTED: the DLL reports callbacks are not being consumed fast enough");
        moves(CONNECTING, new Market(6), PARTIAL_FIRST, partial);
        moves(CONNECTED, new Market(6), PARTIAL, partial);
        moves(PARTIAL_FIRST, new Market(6), PARTIAL_FIRST, partial);
        moves(PARTIAL, new Market(6), PARTIAL, partial);
        moves(RECONNECTING_FIRST, new Market(6), PARTIAL_FIRST, partial);
        moves(RECONNECTING, new Market(6), PARTIAL, partial);
        moves(FAILED_FIRST, new Market(6), PARTIAL_FIRST, partial);
        moves(FAILED, new Market(6), PARTIAL, partial);
        // (2, 2) market data lost: RECONNECTING and the timer, once
        PublishStatus lost = publish("market data lost (2); waiting for the DLL to reconnect");
        ConnectionEffect arm = new ArmReconnectTimer();
        moves(CONNECTING, new Market(2), RECONNECTING_FIRST, lost, arm);
        moves(CONNECTED, new Market(2), RECONNECTING, lost, arm);
        moves(PARTIAL_FIRST, new Market(2), RECONNECTING_FIRST, lost, arm);
        moves(PARTIAL, new Market(2), RECONNECTING, lost, arm);
        ignores(RECONNECTING_FIRST, new Market(2), "already waiting");
        ignores(RECONNECTING, new Market(2), "already waiting");
        moves(FAILED_FIRST, new Market(2), RECONNECTING_FIRST, lost, arm);
        moves(FAILED, new Market(2), RECONNECTING, lost, arm);
        // health: no move
        for (ConnectionState s : STATES) {
            moves(s, new Health(true), s, publish("DLL responsive"));
            moves(s, new Health(false), s, publish("DLL frozen (health callback)"));
        }
        // a session that did not start: RECONNECTING and a restart after the back-off
        PublishStatus notStarted = publish("session failed to start: no DLL");
        ConnectionEffect later = new ScheduleRestart();
        moves(CONNECTING, new SessionStartFailed("no DLL"), RECONNECTING_FIRST, notStarted, later);
        moves(CONNECTED, new SessionStartFailed("no DLL"), RECONNECTING, notStarted, later);
        moves(PARTIAL_FIRST, new SessionStartFailed("no DLL"), RECONNECTING_FIRST, notStarted, later);
        moves(PARTIAL, new SessionStartFailed("no DLL"), RECONNECTING, notStarted, later);
        moves(RECONNECTING_FIRST, new SessionStartFailed("no DLL"), RECONNECTING_FIRST, notStarted, later);
        moves(RECONNECTING, new SessionStartFailed("no DLL"), RECONNECTING, notStarted, later);
        moves(FAILED_FIRST, new SessionStartFailed("no DLL"), RECONNECTING_FIRST, notStarted, later);
        moves(FAILED, new SessionStartFailed("no DLL"), RECONNECTING, notStarted, later);
        // the reconnect timeout restarts only a session still waiting
        ignores(CONNECTING, new ReconnectTimedOut(), "before the reconnect timeout");
        ignores(CONNECTED, new ReconnectTimedOut(), "before the reconnect timeout");
        ignores(PARTIAL_FIRST, new ReconnectTimedOut(), "before the reconnect timeout");
        ignores(PARTIAL, new ReconnectTimedOut(), "before the reconnect timeout");
        moves(RECONNECTING_FIRST, new ReconnectTimedOut(), RECONNECTING_FIRST, new RestartSession());
        moves(RECONNECTING, new ReconnectTimedOut(), RECONNECTING, new RestartSession());
        ignores(FAILED_FIRST, new ReconnectTimedOut(), "before the reconnect timeout");
        ignores(FAILED, new ReconnectTimedOut(), "before the reconnect timeout");
        // a new session: the summary stays, the channels' last results are forgotten
        for (ConnectionState s : STATES) moves(s, new SessionRestarted(), s, new ForgetChannelResults());
    }

    static Stream<Arguments> everyStateTimesEveryEvent() {
        List<Arguments> cells = new ArrayList<>();
        for (ConnectionState s : STATES) for (ConnectionEvent e : EVENTS) cells.add(Arguments.of(s, e));
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("everyStateTimesEveryEvent")
    void eachStateAndEventGivesTheTablesOutcome(ConnectionState state, ConnectionEvent event) {
        Expected expected = TABLE.get(new Key(state, event));
        assertTrue(expected != null, "the table has no row for " + state + " × " + event);
        Outcome outcome = ConnectionTransitions.next(state, event);
        if (expected.ignoredBecause() != null) {
            Ignored ignored = assertInstanceOf(Ignored.class, outcome);
            assertTrue(ignored.reason().contains(expected.ignoredBecause()), ignored.reason());
        } else {
            Moved moved = assertInstanceOf(Moved.class, outcome);
            assertEquals(expected.next(), moved.next());
            assertEquals(expected.effects(), moved.effects());
        }
    }

    @Test
    void theTableCoversEveryStateTimesEveryEventAndNothingElse() {
        assertEquals(STATES.size() * EVENTS.size(), TABLE.size());
    }

    @Test
    void everyEventTypeAndStateTypeIsInTheTable() {
        // A new record in either sealed interface must get its rows here.
        assertEquals(ConnectionEvent.class.getPermittedSubclasses().length,
                EVENTS.stream().map(Object::getClass).distinct().count());
        assertEquals(ConnectionState.class.getPermittedSubclasses().length,
                STATES.stream().map(Object::getClass).distinct().count());
    }

    @Test
    void summaryOfEachStateIsTheStatusItPublishes() {
        assertEquals(SessionStatus.State.CONNECTING, CONNECTING.summary());
        assertEquals(SessionStatus.State.CONNECTED, CONNECTED.summary());
        assertEquals(SessionStatus.State.PARTIAL, PARTIAL.summary());
        assertEquals(SessionStatus.State.RECONNECTING, RECONNECTING.summary());
        assertEquals(SessionStatus.State.FAILED, FAILED.summary());
    }

    @Test
    void refusedLoginNamesEachLoginResult() {
        assertEquals(List.of(publish("login refused by the DLL: LOGIN_INVALID")), effects(new Login(1)));
        assertEquals(List.of(publish("login refused by the DLL: LOGIN_BLOCKED_PASS")), effects(new Login(3)));
        assertEquals(List.of(publish("login refused by the DLL: LOGIN_EXPIRED_PASS")), effects(new Login(4)));
        assertEquals(List.of(publish("login refused by the DLL: LOGIN_UNKNOWN_ERR (9)")), effects(new Login(9)));
    }

    @Test
    void everyMarketResultOtherThanFourFiveSixIsALoss() {
        for (int result : new int[] {0, 1, 2, 3, 7, -1}) {
            Moved moved = assertInstanceOf(Moved.class, ConnectionTransitions.next(CONNECTED, new Market(result)));
            assertEquals(RECONNECTING, moved.next(), "market result " + result);
        }
    }

    @Test
    void stateCallbackChannelsMapToTheirEventsAndOthersToNone() {
        assertEquals(new Login(1), ConnectionEvent.ofStateCallback(0, 1));
        assertEquals(new Routing(5), ConnectionEvent.ofStateCallback(1, 5));
        assertEquals(new Market(4), ConnectionEvent.ofStateCallback(2, 4));
        assertEquals(new Activation(0), ConnectionEvent.ofStateCallback(3, 0));
        assertEquals(null, ConnectionEvent.ofStateCallback(4, 0));
        assertEquals(null, ConnectionEvent.ofStateCallback(-1, 0));
    }

    @Test
    void aLossThenARecoveryReSubscribesWithAGapOnce() {
        ConnectionState s = ConnectionState.initial();
        s = next(s, new Market(4));
        s = next(s, new Market(2));
        assertInstanceOf(Ignored.class, ConnectionTransitions.next(s, new Market(3)));
        Moved back = assertInstanceOf(Moved.class, ConnectionTransitions.next(s, new Market(4)));
        assertTrue(back.effects().contains(new Resubscribe(true)), back.effects().toString());
        assertTrue(back.effects().contains(new CountReconnect()), back.effects().toString());
    }

    private static List<ConnectionEffect> effects(ConnectionEvent event) {
        return assertInstanceOf(Moved.class, ConnectionTransitions.next(CONNECTING, event)).effects();
    }

    private static ConnectionState next(ConnectionState state, ConnectionEvent event) {
        return assertInstanceOf(Moved.class, ConnectionTransitions.next(state, event)).next();
    }
}
