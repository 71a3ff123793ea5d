package blackbox.gateway.session;

import blackbox.platform.domain.InstrumentId;
import blackbox.gateway.ffm.ProfitDLL;
import blackbox.gateway.ffm.TChangeStateTicker;
import blackbox.gateway.ffm.TConnectorAccountCallback;
import blackbox.gateway.ffm.TConnectorAssetIdentifier;
import blackbox.gateway.ffm.TConnectorBrokerAccountListCallback;
import blackbox.gateway.ffm.TConnectorBrokerSubAccountListCallback;
import blackbox.gateway.ffm.TConnectorOrderCallback;
import blackbox.gateway.ffm.TConnectorPriceDepthCallback;
import blackbox.gateway.ffm.TConnectorTradeCallback;
import blackbox.gateway.ffm.TConnectorTradingMessageResultCallback;
import blackbox.gateway.ffm.TInvalidTickerCallback;
import blackbox.gateway.ffm.TProgressCallback;
import blackbox.gateway.ffm.TStateCallback;
import blackbox.gateway.ffm.TSystemHealthCallback;
import com.lmax.disruptor.RingBuffer;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.ToIntBiFunction;

/**
 * One login to ProfitDLL (or its simulator): owns the arena that holds the upcall stubs, registers every
 * callback, and turns the request functions' {@code NResult} codes into {@link DllCall} values.
 *
 * <p>Callbacks never block the DLL's ConnectorThread: they copy into the hand-off ring given at start
 * (see {@link CallbackHandoff}); whoever consumes the ring sees the events in the DLL's order.
 *
 * <p>Request methods ({@link #subscribeTicker}, {@link #getHistoryTrades}, ...) may be called from any
 * thread except the ConnectorThread (the manual forbids request functions inside callbacks, §7.1); the
 * gateway calls them from its own threads only. {@link #close()} finalizes the DLL and only then frees the
 * stubs, so no callback can run into freed code. One session per process at a time, as with the real DLL.
 *
 * <p>A full login ({@code marketOnly = false}) also registers the routing callbacks (order, trading message,
 * order history, account and sub-account lists) and offers its routing requests through {@link #routing()}; those
 * do not take this object's monitor (orders must not queue behind market-data calls) but the read side of
 * {@link #lifecycle}, whose write side {@link #close()} holds while it finalizes.
 */
public final class ProfitSession implements AutoCloseable {
    private final ProfitDLL dll;
    private final Arena arena;
    private final CallbackHandoff handoff;
    private final ExchangeClock requestClock;
    private final boolean marketOnly;
    private final LostOrderEvents lost;
    private final RoutingCalls routing;
    /** Read: a routing request in progress; write: close(). */
    final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    volatile boolean closed;

    private ProfitSession(ProfitDLL dll, Arena arena, CallbackHandoff handoff, SessionOptions options, LostOrderEvents lost,
                          RoutingOptions routingOptions) {
        this.dll = dll;
        this.arena = arena;
        this.handoff = handoff;
        this.requestClock = new ExchangeClock(options.exchangeZone());
        this.marketOnly = options.marketOnly();
        this.lost = lost;
        this.routing = new RoutingCalls(dll, this, routingOptions.passwords(), options.exchangeZone(),
                routingOptions.serializeRequests(), arena);
    }

    /** A session without routing passwords (market data; routing requests are refused with NL_NO_PASSWORD). */
    public static ProfitSession start(ProfitDLL dll, SessionOptions options, RingBuffer<DllEvent> ring, WallClock wallClock) {
        return start(dll, options, ring, wallClock, RoutingOptions.none());
    }

    /**
     * Configures the simulator (when {@code options} has simulator options), initializes the DLL and
     * registers the callbacks in the order of the vendor's own client (profitdll-api.md §7.2): the init call
     * first, then every {@code Set*Callback} at once, before any state arrives.
     *
     * @param ring where callbacks hand their events off; single producer (the ConnectorThread)
     * @throws SessionStartException when a simulator option is refused or the init call fails
     */
    public static ProfitSession start(ProfitDLL dll, SessionOptions options, RingBuffer<DllEvent> ring, WallClock wallClock,
                                      RoutingOptions routingOptions) {
        applySimulatorOptions(dll, options.simulatorOptions());
        Arena arena = Arena.ofShared();
        try {
            LostOrderEvents lost = new LostOrderEvents(1 << 16);
            CallbackHandoff handoff = new CallbackHandoff(dll, ring, new ExchangeClock(options.exchangeZone()), wallClock, arena, lost);
            // Every stub is made before the init call: making one is slow the first time (class and method-handle set-up,
            // milliseconds), and the DLL starts reporting right after init, so the setters must follow it at once.
            MemorySegment state = TStateCallback.allocate(handoff::onState, arena);
            MemorySegment progress = TProgressCallback.allocate(handoff::onProgress, arena);
            MemorySegment trade = TConnectorTradeCallback.allocate(handoff::onTrade, arena);
            MemorySegment historyTrade = TConnectorTradeCallback.allocate(handoff::onHistoryTrade, arena);
            MemorySegment depth = TConnectorPriceDepthCallback.allocate(handoff::onPriceDepth, arena);
            MemorySegment invalid = TInvalidTickerCallback.allocate(handoff::onInvalidTicker, arena);
            MemorySegment tickerState = TChangeStateTicker.allocate(handoff::onTickerState, arena);
            MemorySegment health = TSystemHealthCallback.allocate(handoff::onHealth, arena);
            boolean routing = !options.marketOnly();
            MemorySegment none = MemorySegment.NULL;
            MemorySegment order = routing ? TConnectorOrderCallback.allocate(handoff::onOrder, arena) : none;
            MemorySegment message = routing ? TConnectorTradingMessageResultCallback.allocate(handoff::onTradingMessage, arena) : none;
            MemorySegment accountList = routing ? TConnectorBrokerAccountListCallback.allocate(handoff::onAccountList, arena) : none;
            MemorySegment subAccountList = routing ? TConnectorBrokerSubAccountListCallback.allocate(handoff::onSubAccountList, arena) : none;
            MemorySegment orderHistory = routing ? TConnectorAccountCallback.allocate(handoff::onOrderHistory, arena) : none;
            MemorySegment key = Utf16.allocate(arena, options.activationKey());
            MemorySegment user = Utf16.allocate(arena, options.user());
            MemorySegment password = Utf16.allocate(arena, options.password());
            int rc = options.marketOnly()
                    ? dll.DLLInitializeMarketLogin(key, user, password, state, none, none, none, none, none, progress, none)
                    : dll.DLLInitializeLogin(key, user, password, state, none, none, none, none, none, none, none, none, progress, none);
            if (rc != 0) {
                throw new SessionStartException((options.marketOnly() ? "DLLInitializeMarketLogin" : "DLLInitializeLogin")
                        + " failed: " + DllCall.of("init", rc).result() + " (0x" + Integer.toHexString(rc) + ")");
            }
            dll.SetTradeCallbackV2(trade);
            dll.SetHistoryTradeCallbackV2(historyTrade);
            dll.SetPriceDepthCallback(depth);
            dll.SetInvalidTickerCallback(invalid);
            dll.SetChangeStateTickerCallback(tickerState);
            dll.SetHealthCallback(health);
            if (routing) {
                dll.SetOrderCallback(order);
                dll.SetTradingMessageResultCallback(message);
                dll.SetBrokerAccountListChangedCallback(accountList);
                dll.SetBrokerSubAccountListChangedCallback(subAccountList);
                dll.SetOrderHistoryCallback(orderHistory);
            }
            return new ProfitSession(dll, arena, handoff, options, lost, routingOptions);
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    private static void applySimulatorOptions(ProfitDLL dll, Map<String, String> options) {
        if (options.isEmpty()) return;
        var simulator = dll.simulator().orElseThrow(() -> new SessionStartException(
                "simulator options given but the loaded library is not the ProfitDLL simulator: " + options.keySet()));
        try (Arena call = Arena.ofConfined()) {
            simulator.SimResetOptions();
            for (var option : options.entrySet()) {
                int rc = simulator.SimSetOption(call.allocateFrom(option.getKey()), call.allocateFrom(option.getValue()));
                if (rc != 0) {
                    String error = simulator.SimLastError().reinterpret(4096).getString(0);
                    throw new SessionStartException("simulator option refused: " + error);
                }
            }
        }
    }

    /** SubscribeTicker: real-time trades for the instrument. An unknown ticker is reported later by callback. */
    public synchronized DllCall subscribeTicker(InstrumentId instrument) {
        return tickerCall("SubscribeTicker", instrument, dll::SubscribeTicker);
    }

    /** UnsubscribeTicker. */
    public synchronized DllCall unsubscribeTicker(InstrumentId instrument) {
        return tickerCall("UnsubscribeTicker", instrument, dll::UnsubscribeTicker);
    }

    private DllCall tickerCall(String function, InstrumentId instrument, ToIntBiFunction<MemorySegment, MemorySegment> call) {
        checkOpen();
        try (Arena arena = Arena.ofConfined()) {
            return DllCall.of(function, call.applyAsInt(Utf16.allocate(arena, instrument.ticker()), Utf16.allocate(arena, instrument.exchange())));
        }
    }

    /** SubscribePriceDepth: top-of-book changes arrive as {@link DllEvent#PRICE_DEPTH}. */
    public synchronized DllCall subscribePriceDepth(InstrumentId instrument) {
        checkOpen();
        try (Arena call = Arena.ofConfined()) {
            return DllCall.of("SubscribePriceDepth", dll.SubscribePriceDepth(asset(call, instrument)));
        }
    }

    /** UnsubscribePriceDepth. */
    public synchronized DllCall unsubscribePriceDepth(InstrumentId instrument) {
        checkOpen();
        try (Arena call = Arena.ofConfined()) {
            return DllCall.of("UnsubscribePriceDepth", dll.UnsubscribePriceDepth(asset(call, instrument)));
        }
    }

    /**
     * GetHistoryTrades for [fromNanos, toNanos] (UTC epoch ns), sent to the DLL as exchange-local
     * {@code dd/MM/yyyy HH:mm:ss} with the start rounded down and the end rounded up to the second; the caller
     * filters the answer to the exact window. Trades then arrive as {@link DllEvent#HISTORY_TRADE}, progress
     * as {@link DllEvent#PROGRESS}.
     */
    public synchronized DllCall getHistoryTrades(InstrumentId instrument, long fromNanos, long toNanos) {
        checkOpen();
        long endCeil = toNanos > Long.MAX_VALUE - 1_000_000_000L ? toNanos
                : Math.floorDiv(toNanos + 999_999_999L, 1_000_000_000L) * 1_000_000_000L;
        try (Arena call = Arena.ofConfined()) {
            int rc = dll.GetHistoryTrades(Utf16.allocate(call, instrument.ticker()), Utf16.allocate(call, instrument.exchange()),
                    Utf16.allocate(call, requestClock.toDllDateTime(fromNanos)), Utf16.allocate(call, requestClock.toDllDateTime(endCeil)));
            return DllCall.of("GetHistoryTrades", rc);
        }
    }

    /** GetServerClock as UTC epoch nanoseconds (ms precision), or -1 when the DLL refuses. */
    public synchronized long serverClockNanos() {
        checkOpen();
        try (Arena call = Arena.ofConfined()) {
            MemorySegment date = call.allocate(ValueLayout.JAVA_DOUBLE);
            MemorySegment[] parts = new MemorySegment[7];
            for (int i = 0; i < parts.length; i++) parts[i] = call.allocate(ValueLayout.JAVA_INT);
            int rc = dll.GetServerClock(date, parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6]);
            return rc == 0 ? requestClock.tDateTimeToUtcNanos(date.get(ValueLayout.JAVA_DOUBLE, 0)) : -1;
        }
    }

    /** GetHealthStatus: true when responsive. */
    public synchronized boolean responsive() {
        checkOpen();
        try (Arena call = Arena.ofConfined()) {
            MemorySegment state = call.allocate(ValueLayout.JAVA_INT);
            return dll.GetHealthStatus(state) == 0 && state.get(ValueLayout.JAVA_INT, 0) == 0;
        }
    }

    /** The routing requests of this session (orders, accounts, positions, order history). */
    public RoutingCalls routing() {
        return routing;
    }

    /** Order events the hand-off ring had no room for, to be re-read by the engine. */
    public LostOrderEvents lostOrderEvents() {
        return lost;
    }

    /** Was this a market-data-only login ({@code DLLInitializeMarketLogin})? */
    public boolean marketOnly() {
        return marketOnly;
    }

    /** Events dropped because the hand-off ring was full. */
    public long overflows() {
        return handoff.overflows();
    }

    /** Callbacks that could not be translated (bad pointer, TranslateTrade error, unexpected exception). */
    public long callbackFailures() {
        return handoff.failures();
    }

    /** The last nResult reported for a state channel (0 login, 1 routing, 2 market data, 3 activation), -1 if none. */
    public int lastState(int channel) {
        return handoff.lastState(channel);
    }

    private static MemorySegment asset(Arena call, InstrumentId instrument) {
        MemorySegment asset = TConnectorAssetIdentifier.allocate(call);
        TConnectorAssetIdentifier.Version(asset, (byte) 0);
        TConnectorAssetIdentifier.Ticker(asset, Utf16.allocate(call, instrument.ticker()));
        TConnectorAssetIdentifier.Exchange(asset, Utf16.allocate(call, instrument.exchange()));
        TConnectorAssetIdentifier.FeedType(asset, (byte) 0);
        return asset;
    }

    private void checkOpen() {
        if (closed) throw new IllegalStateException("session closed");
    }

    /**
     * DLLFinalize (after any routing request in progress), unregisters the callbacks (the DLL keeps setters across
     * sessions), then frees the stubs. Idempotent. Never call from a callback.
     */
    @Override
    public synchronized void close() {
        if (closed) return;
        lifecycle.writeLock().lock();
        try {
            closed = true;
            dll.DLLFinalize();
        } finally {
            lifecycle.writeLock().unlock();
            try {
                // The simulator keeps setters across sessions (its README): clear ours before their stubs are freed.
                // The vendor's behaviour after DLLFinalize is undocumented, so it is left alone.
                if (dll.simulator().isPresent()) unregisterCallbacks();
            } finally {
                arena.close();
            }
        }
    }

    private void unregisterCallbacks() {
        MemorySegment none = MemorySegment.NULL;
        dll.SetTradeCallbackV2(none);
        dll.SetHistoryTradeCallbackV2(none);
        dll.SetPriceDepthCallback(none);
        dll.SetInvalidTickerCallback(none);
        dll.SetChangeStateTickerCallback(none);
        dll.SetHealthCallback(none);
        if (!marketOnly) {
            dll.SetOrderCallback(none);
            dll.SetTradingMessageResultCallback(none);
            dll.SetBrokerAccountListChangedCallback(none);
            dll.SetBrokerSubAccountListChangedCallback(none);
            dll.SetOrderHistoryCallback(none);
        }
    }
}
