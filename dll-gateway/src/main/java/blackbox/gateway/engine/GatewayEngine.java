package blackbox.gateway.engine;

import blackbox.gateway.session.DllCall;
import blackbox.gateway.session.DllEvent;
import blackbox.gateway.session.HandoffRing;
import blackbox.platform.domain.InstrumentId;
import blackbox.gateway.session.NResult;
import blackbox.gateway.session.ProfitSession;
import blackbox.gateway.session.WallClock;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's heart: one DLL session at a time, the ring its callbacks hand off into, and the threads that
 * act on what arrives.
 *
 * <ul>
 *   <li>The <b>consumer</b> thread ("dll-events") takes events off the ring in the DLL's order and dispatches
 *       them: trades to the {@link MarketEventSink}s, history to the active request, states to the
 *       supervisor logic, price depth to the top-of-book table.</li>
 *   <li>The <b>control</b> thread ("dll-control") makes every request to the DLL that is not a client's
 *       direct call: re-subscription after a reconnect, session restarts with back-off, history requests,
 *       timeouts. Nothing here ever runs on the DLL's own callback thread.</li>
 * </ul>
 *
 * <p>Reconnection: when market data drops, the DLL normally reconnects by itself; when it is back the
 * engine subscribes again to everything that was subscribed and reports a gap (from the last trade seen to
 * the server clock after re-subscription) to the sinks. If the DLL does not come back within
 * {@link EngineOptions#reconnectTimeout()}, or a history request hangs, the engine finalizes the session and
 * starts a new one, waiting {@link EngineOptions#backoffInitial()} doubling up to {@link EngineOptions#backoffMax()}.
 * A refused login or an invalid activation is not retried: the state becomes FAILED for an operator.
 *
 * <p>The connection state machine itself is {@link ConnectionTransitions#next}, pure; this class feeds it events
 * ({@link #apply}) and carries out the {@link ConnectionEffect}s it returns. Silence of history requests is measured
 * on the injected {@link InstantSource}.
 */
public final class GatewayEngine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GatewayEngine.class);

    /** What became of a subscribe request. */
    public enum SubscribeOutcome { SUBSCRIBED, ALREADY_SUBSCRIBED, PENDING_CONNECTION, INVALID_TICKER, REJECTED }

    /** A subscribe outcome and, when REJECTED, the DLL's answer. */
    public record SubscribeResult(SubscribeOutcome outcome, DllCall call) {
    }

    private final SessionFactory sessionFactory;
    private final EngineOptions options;
    private final WallClock wallClock;
    private final RingBuffer<DllEvent> ring;
    private final EventPoller<DllEvent> poller;
    private final ScheduledExecutorService control;
    private final Thread consumer;

    private final List<MarketEventSink> sinks = new CopyOnWriteArrayList<>();
    private final List<Consumer<SessionStatus>> statusListeners = new CopyOnWriteArrayList<>();
    private final ConcurrentSkipListSet<InstrumentId> subscriptions = new ConcurrentSkipListSet<>();
    private final Map<InstrumentId, CompletableFuture<Void>> invalidTickerWaits = new ConcurrentHashMap<>();
    private final Map<InstrumentId, TopOfBook> topOfBook = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Runnable> consumerTasks = new ConcurrentLinkedQueue<>();
    private final HistoryQueue history;
    private final AtomicLong overflowsOfEndedSessions = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong restarts = new AtomicLong();

    private final Object sessionLock = new Object();
    private ProfitSession session;           // guarded by sessionLock
    private volatile ProfitSession current;  // the same, for routing requests that must not take sessionLock
    private volatile TradingListener trading;
    private long sessionGeneration;           // guarded by sessionLock
    private volatile boolean running;

    // consumer-thread state
    private final int[] states = {-1, -1, -1, -1};
    private boolean responsive = true;
    private long lastTradeNanos;
    private volatile SessionStatus status;

    // the state machine's state: read and replaced only in apply(), which any thread may call
    private final Object connectionLock = new Object();
    private ConnectionState connection = ConnectionState.initial(); // guarded by connectionLock

    // written on the control thread, reset (ResetBackoff) from the consumer
    private volatile Duration nextBackoff;

    /**
     * @param sessionFactory starts a DLL session that hands its callbacks off into the given ring
     * @param wallClock stamps statuses (UTC ns)
     * @param clock measures how long a history request has been silent ({@link EngineOptions#historyTimeout()})
     */
    public GatewayEngine(SessionFactory sessionFactory, EngineOptions options, WallClock wallClock, InstantSource clock) {
        this.sessionFactory = sessionFactory;
        this.options = options;
        this.wallClock = wallClock;
        this.history = new HistoryQueue(clock);
        this.ring = HandoffRing.create(options.ringSize());
        this.poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
        this.control = Executors.newSingleThreadScheduledExecutor(r -> named(r, "dll-control"));
        this.consumer = named(this::consume, "dll-events");
        this.nextBackoff = options.backoffInitial();
        this.status = new SessionStatus(SessionStatus.State.CONNECTING, -1, -1, -1, -1, true, 0, 0,
                wallClock.epochNanos(), "starting");
    }

    private static Thread named(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Starts the consumer thread and the first session (on the control thread). */
    public void start() {
        running = true;
        consumer.start();
        control.execute(this::startSession);
        control.scheduleWithFixedDelay(this::checkHistoryTimeout, 1, 1, TimeUnit.SECONDS);
    }

    // ------------------------------------------------------------------ public API (any thread)

    public void addSink(MarketEventSink sink) {
        sinks.add(sink);
    }

    public void removeSink(MarketEventSink sink) {
        sinks.remove(sink);
    }

    /** Listens to session status changes; called at once with the current one. Listeners must not block. */
    public void addStatusListener(Consumer<SessionStatus> listener) {
        statusListeners.add(listener);
        listener.accept(status);
    }

    public void removeStatusListener(Consumer<SessionStatus> listener) {
        statusListeners.remove(listener);
    }

    public SessionStatus status() {
        return status;
    }

    /** Sets the one trading listener (before {@link #start()}). */
    public void setTradingListener(TradingListener listener) {
        this.trading = listener;
    }

    /**
     * The running DLL session, or {@code null} between sessions. For routing requests, which synchronize with the
     * session's own life ({@link ProfitSession#routing()}) instead of this engine's lock, so orders never wait
     * behind market-data requests.
     */
    public ProfitSession currentSession() {
        return current;
    }

    /** The DLL session generation (increases with every session started). */
    public long generation() {
        synchronized (sessionLock) {
            return sessionGeneration;
        }
    }

    /** Runs {@code task} on the consumer thread, between ring polls. */
    public void runOnConsumer(Runnable task) {
        consumerTasks.add(task);
    }

    /** Instruments subscribed at the DLL (or to be, once connected), alphabetically. */
    public List<InstrumentId> subscriptions() {
        return List.copyOf(subscriptions);
    }

    public Optional<TopOfBook> topOfBook(InstrumentId instrument) {
        return Optional.ofNullable(topOfBook.get(instrument));
    }

    /**
     * Subscribes real-time trades and price depth of an instrument. Waits up to
     * {@link EngineOptions#invalidTickerWait()} for the DLL to call the ticker invalid; an invalid ticker is
     * not kept. While the DLL is not connected the subscription is kept and made on connection.
     */
    public SubscribeResult subscribe(InstrumentId instrument) throws InterruptedException {
        CompletableFuture<Void> invalid = new CompletableFuture<>();
        DllCall call;
        synchronized (sessionLock) {
            if (!subscriptions.add(instrument)) {
                return new SubscribeResult(SubscribeOutcome.ALREADY_SUBSCRIBED, null);
            }
            if (session == null || !status.marketDataConnected()) {
                return new SubscribeResult(SubscribeOutcome.PENDING_CONNECTION, null);
            }
            invalidTickerWaits.put(instrument, invalid);
            call = session.subscribeTicker(instrument);
            if (call.ok()) session.subscribePriceDepth(instrument);
        }
        try {
            if (!call.ok()) {
                subscriptions.remove(instrument);
                return new SubscribeResult(call.result() == NResult.NL_INVALID_TICKER
                        ? SubscribeOutcome.INVALID_TICKER : SubscribeOutcome.REJECTED, call);
            }
            try {
                invalid.get(options.invalidTickerWait().toMillis(), TimeUnit.MILLISECONDS);
                subscriptions.remove(instrument);
                unsubscribeAtDll(instrument);
                return new SubscribeResult(SubscribeOutcome.INVALID_TICKER, call);
            } catch (TimeoutException accepted) {
                return new SubscribeResult(SubscribeOutcome.SUBSCRIBED, call);
            } catch (java.util.concurrent.ExecutionException impossible) {
                throw new IllegalStateException(impossible);
            }
        } finally {
            invalidTickerWaits.remove(instrument, invalid);
        }
    }

    /** Unsubscribes; true when it was subscribed. */
    public boolean unsubscribe(InstrumentId instrument) {
        synchronized (sessionLock) {
            boolean was = subscriptions.remove(instrument);
            if (was) unsubscribeAtDll(instrument);
            topOfBook.remove(instrument);
            return was;
        }
    }

    private void unsubscribeAtDll(InstrumentId instrument) {
        synchronized (sessionLock) {
            if (session != null) {
                session.unsubscribeTicker(instrument);
                session.unsubscribePriceDepth(instrument);
            }
        }
    }

    /**
     * Queues a history request for [fromNanos, toNanos] (UTC ns, inclusive); requests run one at a time.
     *
     * @return a handle that cancels the request (its sink hears nothing more)
     */
    public Runnable requestHistory(InstrumentId instrument, long fromNanos, long toNanos, HistorySink sink) {
        HistoryQueue.Request request = new HistoryQueue.Request(instrument, fromNanos, toNanos, sink);
        history.add(request);
        control.execute(this::startNextHistory);
        return () -> request.cancelled = true;
    }

    /** Server clock of the DLL as UTC ns, or -1 without a session. */
    public long serverClockNanos() {
        synchronized (sessionLock) {
            return session == null ? -1 : session.serverClockNanos();
        }
    }

    // ------------------------------------------------------------------ control thread

    private void startSession() {
        if (!running) return;
        // The generation moves on before the DLL starts: its first state callbacks may reach the consumer while
        // start() is still registering callbacks, and the tasks they queue here must see the new generation.
        // They run after this method (one control thread), when the session is in place.
        long generation;
        synchronized (sessionLock) {
            generation = ++sessionGeneration;
        }
        TradingListener t = trading;
        if (t != null) consumerTasks.add(() -> t.onSessionStarted(generation));
        try {
            ProfitSession started = sessionFactory.start(ring);
            synchronized (sessionLock) {
                session = started;
                current = started;
            }
            log.info("DLL session started ({})", started.marketOnly() ? "market data only" : "market data and routing");
        } catch (RuntimeException e) {
            log.error("DLL session failed to start: {}; retrying in {} ms", e.getMessage(), nextBackoff.toMillis());
            apply(new ConnectionEvent.SessionStartFailed(e.getMessage()), generation);
        }
    }

    private void scheduleRestart() {
        Duration wait = nextBackoff;
        nextBackoff = nextBackoff.multipliedBy(2).compareTo(options.backoffMax()) > 0 ? options.backoffMax() : nextBackoff.multipliedBy(2);
        control.schedule(this::restartSession, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void restartSession() {
        if (!running) return;
        restarts.incrementAndGet();
        closeSession();
        long generation = generation();
        consumerTasks.add(() -> apply(new ConnectionEvent.SessionRestarted(), generation));
        startSession();
    }

    private void closeSession() {
        synchronized (sessionLock) {
            if (session != null) {
                current = null;
                overflowsOfEndedSessions.addAndGet(session.overflows());
                try {
                    session.close();
                } catch (RuntimeException e) {
                    log.warn("DLLFinalize failed: {}", e.getMessage());
                }
                session = null;
            }
        }
        HistoryQueue.Request active = history.active();
        if (active != null) {
            history.finishActive(active);
            if (!active.cancelled) active.sink.onAborted("the DLL session was restarted");
        }
    }

    /** After market data came (back): subscribe to everything, then report the gap unless gapFromNanos is -1. */
    private void resubscribe(long gapFromNanos, long generation) {
        List<InstrumentId> failed = new ArrayList<>();
        long gapTo;
        synchronized (sessionLock) {
            if (session == null || generation != sessionGeneration) return;
            for (InstrumentId instrument : subscriptions) {
                DllCall call = session.subscribeTicker(instrument);
                if (!call.ok()) failed.add(instrument);
                else session.subscribePriceDepth(instrument);
            }
            gapTo = session.serverClockNanos();
        }
        if (!failed.isEmpty()) log.warn("re-subscription refused by the DLL for {}", failed);
        if (gapFromNanos < 0) log.info("subscribed {} instruments on connection", subscriptions.size());
        else log.info("re-subscribed {} instruments after reconnect; gap {}..{}", subscriptions.size(), gapFromNanos, gapTo);
        if (gapFromNanos >= 0) { // -1: the first connection, nothing was missed
            // A new session's clock may read earlier than the last trade (the simulator restarts its tape), so the
            // window never ends before it starts.
            long to = Math.max(gapTo, gapFromNanos);
            consumerTasks.add(() -> sinks.forEach(s -> s.onGap(gapFromNanos, to, "DLL market data disconnected")));
        }
        control.execute(this::startNextHistory);
    }

    private void startNextHistory() {
        if (!status.marketDataConnected()) return; // retried when the session connects
        HistoryQueue.Request request = history.startNext();
        if (request == null) return;
        DllCall call;
        synchronized (sessionLock) {
            call = session == null ? DllCall.of("GetHistoryTrades", NResult.NL_NOT_INITIALIZED.code())
                    : session.getHistoryTrades(request.instrument, request.fromNanos, request.toNanos);
        }
        if (!call.ok()) {
            history.finishActive(request);
            if (!request.cancelled) request.sink.onRejected(call);
            control.execute(this::startNextHistory);
        }
    }

    private void checkHistoryTimeout() {
        HistoryQueue.Silent silent = history.expireSilent(options.historyTimeout());
        if (silent == null) return;
        HistoryQueue.Request active = silent.request();
        if (!active.cancelled) active.sink.onTimeout(silent.idleMillis());
        log.warn("history request for {} silent for {} ms: restarting the DLL session", active.instrument, silent.idleMillis());
        restartSession();
    }

    private void checkReconnect(long generation) {
        synchronized (sessionLock) {
            if (generation != sessionGeneration) return;
        }
        apply(new ConnectionEvent.ReconnectTimedOut(), generation);
    }

    // ------------------------------------------------------------------ consumer thread

    private void consume() {
        int idle = 0;
        while (running) {
            EventPoller.PollState state;
            try {
                state = poller.poll(this::onEvent);
            } catch (Exception e) {
                log.error("event dispatch failed", e);
                continue;
            }
            Runnable task;
            while ((task = consumerTasks.poll()) != null) task.run();
            TradingListener t = trading;
            if (t != null) t.afterPoll();
            if (state == EventPoller.PollState.PROCESSING) {
                idle = 0;
                for (MarketEventSink sink : sinks) sink.endOfBatch();
                if (t != null) t.endOfBatch();
            } else if (++idle < 100) {
                Thread.onSpinWait();
            } else if (idle < 200) {
                Thread.yield();
            } else {
                LockSupport.parkNanos(100_000);
            }
        }
    }

    private boolean onEvent(DllEvent e, long sequence, boolean endOfBatch) {
        switch (e.kind) {
            case DllEvent.TRADE -> {
                if (e.timeNanos > lastTradeNanos) lastTradeNanos = e.timeNanos;
                for (MarketEventSink sink : sinks) sink.onTrade(e);
            }
            case DllEvent.HISTORY_TRADE, DllEvent.PROGRESS -> {
                if (history.onEvent(e)) control.execute(this::startNextHistory);
            }
            case DllEvent.STATE -> onState(e.a, e.b);
            case DllEvent.HEALTH -> {
                responsive = e.a == 0;
                apply(new ConnectionEvent.Health(responsive), generation());
            }
            case DllEvent.INVALID_TICKER -> {
                CompletableFuture<Void> waiting = invalidTickerWaits.get(e.instrument);
                if (waiting != null) waiting.complete(null);
                else if (subscriptions.remove(e.instrument)) log.warn("DLL reports invalid ticker {}", e.instrument);
            }
            case DllEvent.PRICE_DEPTH -> {
                if (e.b == 0 && (e.a == 0 || e.a == 1) && subscriptions.contains(e.instrument)) {
                    double price = e.flags == 2 ? Double.NaN : e.price; // UT_DELETE empties the level
                    topOfBook.compute(e.instrument, (k, old) -> (old == null ? TopOfBook.empty(k) : old)
                            .withSide(e.a, price, e.quantity, e.receivedNanos));
                }
            }
            case DllEvent.TICKER_STATE -> {
                for (MarketEventSink sink : sinks) sink.onTickerState(e.instrument, e.a, e.receivedNanos);
            }
            case DllEvent.ORDER, DllEvent.TRADING_MESSAGE, DllEvent.ORDER_HISTORY, DllEvent.ACCOUNT_LIST,
                 DllEvent.SUB_ACCOUNT_LIST -> {
                TradingListener t = trading;
                if (t != null) t.onRoutingEvent(e);
            }
            default -> {
                // NONE: a callback that failed half-way, already counted by the session
            }
        }
        return true;
    }

    private void onState(int channel, int result) {
        ConnectionEvent event = ConnectionEvent.ofStateCallback(channel, result);
        if (event == null) return;
        states[channel] = result;
        apply(event, generation());
    }

    // ------------------------------------------------------------------ the state machine, any thread

    /**
     * Moves the connection state by {@link ConnectionTransitions#next} and carries out its effects, in order, on the
     * calling thread; none of them blocks (DLL requests are handed to the control thread).
     *
     * @param generation the session the event belongs to, for the effects that act on "this session"
     */
    private void apply(ConnectionEvent event, long generation) {
        synchronized (connectionLock) {
            if (!(ConnectionTransitions.next(connection, event) instanceof ConnectionTransitions.Moved(var next, var effects))) {
                return;
            }
            connection = next;
            for (ConnectionEffect effect : effects) carryOut(effect, next.summary(), generation);
        }
    }

    private void carryOut(ConnectionEffect effect, SessionStatus.State summary, long generation) {
        switch (effect) {
            case ConnectionEffect.PublishStatus(String detail) -> publishStatus(summary, detail);
            case ConnectionEffect.CountReconnect() -> reconnects.incrementAndGet();
            case ConnectionEffect.ResetBackoff() -> nextBackoff = options.backoffInitial();
            case ConnectionEffect.Resubscribe(boolean reportGap) -> {
                long from = reportGap ? lastTradeNanos : -1;
                control.execute(() -> resubscribe(from, generation));
            }
            case ConnectionEffect.ArmReconnectTimer() -> control.schedule(() -> checkReconnect(generation),
                    options.reconnectTimeout().toMillis(), TimeUnit.MILLISECONDS);
            case ConnectionEffect.RestartSession() -> {
                log.warn("DLL market data not back after {} ms: starting a new session", options.reconnectTimeout().toMillis());
                control.execute(this::restartSession);
            }
            case ConnectionEffect.ScheduleRestart() -> scheduleRestart();
            case ConnectionEffect.ForwardRoutingState(int result) -> {
                TradingListener t = trading;
                if (t != null) t.onRoutingState(result);
            }
            case ConnectionEffect.ForgetChannelResults() -> java.util.Arrays.fill(states, -1);
        }
    }

    private void publishStatus(SessionStatus.State state, String detail) {
        long overflows = overflowsOfEndedSessions.get();
        synchronized (sessionLock) {
            if (session != null) overflows += session.overflows();
        }
        SessionStatus next = new SessionStatus(state, states[0], states[1], states[2], states[3], responsive, overflows,
                reconnects.get(), wallClock.epochNanos(), detail);
        status = next;
        statusListeners.forEach(l -> l.accept(next));
    }

    /** Events dropped because the ring was full, over the engine's life. */
    public long overflows() {
        synchronized (sessionLock) {
            return overflowsOfEndedSessions.get() + (session == null ? 0 : session.overflows());
        }
    }

    /** Times the engine finalized a session and started a new one. */
    public long restarts() {
        return restarts.get();
    }

    /** The ring's current backlog (events published, not yet consumed). */
    public long backlog() {
        return ring.getCursor() - poller.getSequence().get();
    }

    /** Stops the threads, aborts pending history requests and finalizes the DLL session. */
    @Override
    public void close() {
        running = false;
        control.shutdownNow();
        try {
            control.awaitTermination(5, TimeUnit.SECONDS);
            consumer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        history.abortAll("the gateway is stopping");
        closeSession();
    }
}
