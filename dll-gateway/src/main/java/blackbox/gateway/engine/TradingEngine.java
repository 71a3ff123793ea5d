package blackbox.gateway.engine;

import blackbox.gateway.journal.JournalRecord;
import blackbox.gateway.journal.OrderJournal;
import blackbox.gateway.session.DllCall;
import blackbox.gateway.session.DllEvent;
import blackbox.platform.domain.InstrumentId;
import blackbox.gateway.session.LostOrderEvents;
import blackbox.gateway.session.NResult;
import blackbox.gateway.session.ProfitSession;
import blackbox.gateway.session.WallClock;
import blackbox.gateway.trading.AccountKey;
import blackbox.gateway.trading.ExecReport;
import blackbox.gateway.trading.IdempotencyBook;
import blackbox.gateway.trading.OrderIntent;
import blackbox.gateway.trading.OrderSnapshot;
import blackbox.gateway.trading.OrderTracker;
import blackbox.gateway.trading.RequestKind;
import blackbox.gateway.trading.TradingCounters;
import blackbox.gateway.trading.TradingMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trading side of the gateway: every order this DLL session sees, its {@link OrderTracker}, and the
 * execution reports they derive, in the DLL's order.
 *
 * <p>Threads.
 * <ul>
 *   <li>The engine's consumer thread ("dll-events") owns the trackers: order events, trading messages and routing
 *       states arrive through {@link TradingListener}; RPC threads hand over what they learnt (a LocalOrderID and
 *       MessageID returned by SendOrder, a refusal) as tasks of this engine's queue, drained there.</li>
 *   <li>The "trading-control" thread makes the DLL requests of reconciliation (HasOrdersInInterval,
 *       EnumerateAllOrders): never the DLL's callback thread (profitdll-api.md §7.1). What they read goes back to
 *       the consumer as tasks.</li>
 * </ul>
 *
 * <p>An order event can name a LocalOrderID before the RPC thread that sent it has told this engine (SendOrder
 * returns after the DLL may already have called back). Such events wait, in order, until the send is bound, or
 * no request is in flight, or {@link #DEFER_LIMIT} passed (then the order counts as sent elsewhere).
 *
 * <p>Reconciliation — the order's state is read back from the DLL and fed through the trackers, whose ExecIDs make
 * a re-read harmless: after a routing drop, when routing is back; after a new DLL session; for orders whose events
 * the hand-off ring had no room for ({@link LostOrderEvents}); at start for the accounts of the day's journal, which
 * also resolves the keys left in doubt by a crash ({@link IdempotencyBook#resolve}).
 */
public final class TradingEngine implements TradingListener, MarketEventSink {
    private static final Logger log = LoggerFactory.getLogger(TradingEngine.class);
    /** How long an event of an unknown LocalOrderID waits for its send to be bound. */
    static final long DEFER_LIMIT = 250_000_000L;
    /** How long a routing drop waits for sends whose DLL call is returning (consumer thread; drops are rare). */
    static final long IN_FLIGHT_WAIT_NANOS = 5_000_000L;

    private final GatewayEngine engine;
    private final IdempotencyBook book;
    private final OrderJournal journal;
    private final ReportPublisher publisher;
    private final WallClock clock;
    private final ZoneId zone;
    private final Duration historyTimeout;
    private final TradingCounters counters = new TradingCounters();
    private final ScheduledExecutorService control;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger requestsInFlight = new AtomicInteger();
    private final Map<String, ExecReport> views = new ConcurrentHashMap<>();
    private final Map<AccountKey, CompletableFuture<Void>> historyWaits = new ConcurrentHashMap<>();
    private final AtomicLong reportsOut = new AtomicLong();
    private final AtomicLong lostReread = new AtomicLong();
    private volatile long lastDllNanos;
    private volatile boolean routingUp;
    private volatile int routingResult = -1;
    private volatile int ordersInDoubt;

    // consumer thread only
    private final Map<String, OrderTracker> byClOrderId = new HashMap<>();
    private final Map<Long, OrderTracker> byLocal = new HashMap<>();
    private final Map<Long, OrderTracker> byMessage = new HashMap<>();
    private final Map<Long, RequestKind> messageKinds = new HashMap<>();
    private final Map<String, OrderTracker> byKey = new HashMap<>();
    private final Set<OrderTracker> active = new LinkedHashSet<>();
    private final ArrayDeque<Deferred> deferred = new ArrayDeque<>();
    private final Set<Long> deferredLocals = new HashSet<>();
    private final ReportSinkImpl sink = new ReportSinkImpl();
    private long generation;
    private int drops;
    private boolean droppedSinceUp;
    private boolean reconcileOnConnect;
    private final InstantSource today;

    /** An event waiting for its send to be bound: a snapshot or a trading message. */
    private record Deferred(OrderSnapshot snapshot, TradingMessage message, long receivedNanos, long since) {
    }

    /**
     * @param journal where bindings found here (ClOrderIDs, resolved keys) are recorded
     * @param historyTimeout how long a history load may take before reconciliation asks again
     * @param today the wall clock that names today when the DLL's clock gives no day ({@link #dllDay})
     */
    public TradingEngine(GatewayEngine engine, IdempotencyBook book, OrderJournal journal, ReportPublisher publisher,
                         WallClock clock, ZoneId zone, Duration historyTimeout, InstantSource today) {
        this.engine = engine;
        this.book = book;
        this.journal = journal;
        this.publisher = publisher;
        this.clock = clock;
        this.zone = zone;
        this.historyTimeout = historyTimeout;
        this.today = today;
        this.control = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "trading-control");
            t.setDaemon(true);
            return t;
        });
        engine.setTradingListener(this);
        engine.addSink(this);
        // the journal's accounts are read as soon as routing connects: trackers for their orders, keys resolved
        reconcileOnConnect = true;
    }

    // ------------------------------------------------------------------ RPC threads

    /** A routing request is about to be made; call {@link #endRequest()} after its outcome was handed over. */
    public void beginRequest() {
        requestsInFlight.incrementAndGet();
    }

    public void endRequest() {
        requestsInFlight.decrementAndGet();
    }

    /** SendOrder returned {@code localOrderId} for {@code intent} in DLL session {@code generation}. */
    public void sent(OrderIntent intent, long generation, long localOrderId, long messageId) {
        tasks.add(() -> bindSend(intent, generation, localOrderId, messageId));
    }

    /** The DLL refused {@code intent} at once (NResult {@code code}): a REJECTED report, nothing was sent. */
    public void refusedAtOnce(OrderIntent intent, String text) {
        long now = clock.epochNanos();
        tasks.add(() -> {
            OrderTracker t = new OrderTracker(counters, intent, generation, 0, 0);
            byKey.put(intent.key().value(), t);
            t.onSendRefused(text, now, sink.of(t));
        });
    }

    /** A change or cancel went to the DLL: its MessageID belongs to the order with this key or ids. */
    public void requestSent(RequestKind kind, String key, long localOrderId, String clOrderId, long messageId) {
        if (messageId <= 0) return;
        tasks.add(() -> {
            OrderTracker t = find(key, localOrderId, clOrderId);
            if (t == null) return;
            byMessage.put(messageId, t);
            messageKinds.put(messageId, kind);
        });
    }

    /** A change or cancel the DLL refused at once: REPLACE_REJECTED / CANCEL_REJECTED, when the order is known. */
    public void requestRefused(RequestKind kind, String key, long localOrderId, String clOrderId, String text) {
        long now = clock.epochNanos();
        tasks.add(() -> {
            OrderTracker t = find(key, localOrderId, clOrderId);
            if (t != null) t.onRefused(kind, text, now, sink.of(t));
        });
    }

    /** The order of a key as it stands, if the gateway has seen or sent it in this run. */
    public Optional<ExecReport> view(String key) {
        return Optional.ofNullable(views.get(key));
    }

    /** The latest DLL time the gateway has seen (order updates, trades), UTC ns; 0 before any. */
    public long lastDllNanos() {
        return lastDllNanos;
    }

    /** Routing is ready: (1, ROTEAMENTO_BROKER_CONNECTED). */
    public boolean routingReady() {
        return routingUp;
    }

    public int routingResult() {
        return routingResult;
    }

    public int ordersInDoubt() {
        return ordersInDoubt;
    }

    public TradingCounters counters() {
        return counters;
    }

    /** Execution reports derived so far. */
    public long reportsOut() {
        return reportsOut.get();
    }

    /** Orders re-read because an event of theirs did not fit the hand-off ring. */
    public long lostReread() {
        return lostReread.get();
    }

    /**
     * Completes when the order history of {@code account}'s master has loaded (the DLL's order-history callback),
     * for a caller that got {@code NL_WAITING_SERVER} from HasOrdersInInterval.
     */
    public CompletableFuture<Void> historyLoaded(AccountKey account) {
        return historyWaits.computeIfAbsent(account.master(), k -> new CompletableFuture<>());
    }

    /** The exchange-local day of the DLL's clock (the simulator's is its tape's), or today's when it gives none. */
    public LocalDate dllDay(ProfitSession session) {
        long nanos = session == null ? -1 : session.serverClockNanos();
        Instant instant = nanos > 0 ? Instant.ofEpochSecond(nanos / 1_000_000_000L) : today.instant();
        return instant.atZone(zone).toLocalDate();
    }

    // ------------------------------------------------------------------ consumer thread

    @Override
    public void onTrade(DllEvent trade) {
        if (trade.timeNanos > lastDllNanos) lastDllNanos = trade.timeNanos;
    }

    @Override
    public void onGap(long fromNanos, long toNanos, String reason) {
    }

    @Override
    public void onTickerState(InstrumentId instrument, int state, long receivedNanos) {
    }

    @Override
    public void endOfBatch() {
        publisher.flush();
    }

    @Override
    public void onRoutingEvent(DllEvent e) {
        switch (e.kind) {
            case DllEvent.ORDER -> {
                OrderSnapshot s = e.order.snapshot(e.instrument);
                if (s.updatedNanos() > lastDllNanos) lastDllNanos = s.updatedNanos();
                onSnapshot(s, e.receivedNanos, false);
            }
            case DllEvent.TRADING_MESSAGE -> onMessage(e.order.message(), e.receivedNanos);
            case DllEvent.ORDER_HISTORY -> {
                CompletableFuture<Void> wait = historyWaits.remove(e.order.account.master());
                if (wait != null) wait.complete(null);
                AccountKey master = e.order.account.master();
                HistoryWait pending = historyPending.remove(master);
                if (pending != null) control.execute(() -> enumerate(pending.accounts, pending.master));
            }
            default -> {
                // account lists: ListAccounts reads them when asked
            }
        }
    }

    @Override
    public void onRoutingState(int result) {
        boolean up = result == 5;
        boolean was = routingUp;
        // A send whose DLL call is returning right now is in flight at the drop: give it a moment to be bound, so the
        // drop's RoutingState counts it (a DLL call takes microseconds; bounded, and only when routing drops).
        if (was && !up) {
            long until = System.nanoTime() + IN_FLIGHT_WAIT_NANOS;
            while (requestsInFlight.get() > 0 && System.nanoTime() < until) Thread.onSpinWait();
        }
        drainTasks(); // sends bound before this state are in flight at the drop (a later one: see bindSend)
        routingResult = result;
        routingUp = up;
        long now = clock.epochNanos();
        if (was && !up) {
            drops++;
            droppedSinceUp = true;
            int n = 0;
            for (OrderTracker t : List.copyOf(active)) if (t.onRoutingLost(drops, now, sink.of(t))) n++;
            ordersInDoubt = n;
        }
        publisher.routing(up, result, now, ordersInDoubt);
        if (up && !was && (droppedSinceUp || reconcileOnConnect)) {
            Set<AccountKey> accounts = accountsToReconcile();
            // a (new) session knows nothing of the day yet: read the accounts of every key of the journal too, so a key
            // answers its order's state, not UNKNOWN
            if (reconcileOnConnect) accounts.addAll(book.accounts());
            droppedSinceUp = false;
            reconcileOnConnect = false;
            reconcile(accounts, true);
        }
    }

    @Override
    public void onSessionStarted(long generation) {
        this.generation = generation;
        byLocal.clear();
        // a new session numbers orders anew and does not know the earlier ones until their history is read
        reconcileOnConnect = true;
    }

    @Override
    public void afterPoll() {
        boolean quiet = requestsInFlight.get() == 0;
        drainTasks();
        if (!deferred.isEmpty()) resolveDeferred(quiet);
        ProfitSession session = engine.currentSession();
        if (session != null) pollLost(session.lostOrderEvents());
        publisher.flush(); // reports made here (deferred events, tasks) wake the streams now, not at the next batch
    }

    private void drainTasks() {
        Runnable r;
        while ((r = tasks.poll()) != null) r.run();
    }

    private void bindSend(OrderIntent intent, long gen, long localOrderId, long messageId) {
        OrderTracker t = gen == generation ? byLocal.get(localOrderId) : null;
        if (t == null) {
            t = new OrderTracker(counters, intent, gen, localOrderId, messageId);
            if (gen == generation) byLocal.put(localOrderId, t);
            active.add(t);
        } else if (t.key() == null) {
            t.bind(intent); // its events came first and waited too long: from now on the reports carry the key
        }
        byKey.put(intent.key().value(), t);
        if (messageId > 0) {
            byMessage.put(messageId, t);
            messageKinds.put(messageId, RequestKind.NEW);
        }
        if (!views.containsKey(intent.key().value())) views.put(intent.key().value(), t.current(clock.epochNanos()));
        if (!routingUp && drops > 0 && t.onRoutingLost(drops, clock.epochNanos(), sink.of(t))) {
            // sent as routing dropped: its outcome is as unknown as those in flight at the drop
            ordersInDoubt++;
            publisher.routing(false, routingResult, clock.epochNanos(), ordersInDoubt);
        }
    }

    private OrderTracker find(String key, long localOrderId, String clOrderId) {
        OrderTracker t = null;
        if (clOrderId != null && !clOrderId.isEmpty()) t = byClOrderId.get(clOrderId);
        if (t == null && key != null) t = byKey.get(key);
        if (t == null && localOrderId > 0) t = byLocal.get(localOrderId);
        return t;
    }

    /** An order snapshot from the order callback ({@code reread = false}) or read back from the DLL. */
    private void onSnapshot(OrderSnapshot s, long receivedNanos, boolean reread) {
        if (!reread && !deferredLocals.isEmpty() && deferredLocals.contains(s.localOrderId())) {
            deferred.add(new Deferred(s, null, receivedNanos, System.nanoTime())); // behind its order's earlier events
            return;
        }
        OrderTracker t = trackerOf(s);
        if (t == null) {
            if (!reread) {
                drainTasks();
                t = trackerOf(s);
            }
            if (t == null && !reread && (requestsInFlight.get() > 0 || deferredLocals.contains(s.localOrderId()))) {
                deferredLocals.add(s.localOrderId());
                deferred.add(new Deferred(s, null, receivedNanos, System.nanoTime()));
                return;
            }
        }
        if (t == null) {
            t = new OrderTracker(counters, generation);
            active.add(t);
            Optional<String> key = book.keyOf(s.clOrderId());
            if (key.isPresent()) {
                IdempotencyBook.Entry entry = book.get(key.get()).orElse(null);
                if (entry != null) {
                    t.bind(entry.intent());
                    byKey.put(key.get(), t);
                }
            }
            index(t, s);
            if (reread) t.onInitial(s, receivedNanos, sink.of(t));
            else t.onSnapshot(s, receivedNanos, sink.of(t));
        } else {
            index(t, s);
            t.onSnapshot(s, receivedNanos, sink.of(t));
        }
        if (t.key() != null && !t.clOrderId().isEmpty()) {
            IdempotencyBook.Entry entry = book.get(t.key().value()).orElse(null);
            if (entry != null && entry.state() != IdempotencyBook.State.BOUND && book.bind(t.key().value(), t.clOrderId())) {
                journal.append(new JournalRecord.Bound(t.key().value(), t.clOrderId()));
            }
        }
        if (t.closed()) active.remove(t);
    }

    private OrderTracker trackerOf(OrderSnapshot s) {
        OrderTracker t = s.clOrderId().isEmpty() ? null : byClOrderId.get(s.clOrderId());
        if (t == null && s.localOrderId() > 0) t = byLocal.get(s.localOrderId());
        return t;
    }

    private void index(OrderTracker t, OrderSnapshot s) {
        if (!s.clOrderId().isEmpty()) byClOrderId.putIfAbsent(s.clOrderId(), t);
        if (s.localOrderId() > 0) {
            if (t.localOrderId() != s.localOrderId() || t.generation() != generation) t.relocate(generation, s.localOrderId());
            byLocal.put(s.localOrderId(), t);
        }
    }

    private void onMessage(TradingMessage m, long receivedNanos) {
        if (!deferredLocals.isEmpty() && m.localOrderId() > 0 && deferredLocals.contains(m.localOrderId())) {
            deferred.add(new Deferred(null, m, receivedNanos, System.nanoTime()));
            return;
        }
        OrderTracker t = byMessage.get(m.messageId());
        if (t == null) {
            drainTasks();
            t = byMessage.get(m.messageId());
        }
        if (t == null) {
            // A MessageID is registered by the RPC thread once the DLL call returns, and the DLL may answer first: while a
            // request is in flight the message waits. Otherwise it belongs to a request this gateway did not make (another
            // terminal, the progress of a cancel-all naming no order): counted, never guessed.
            if (requestsInFlight.get() > 0) {
                if (m.localOrderId() > 0) deferredLocals.add(m.localOrderId());
                deferred.add(new Deferred(null, m, receivedNanos, System.nanoTime()));
            } else {
                counters.unmatchedMessage();
            }
            return;
        }
        RequestKind kind = messageKinds.getOrDefault(m.messageId(), RequestKind.NEW);
        t.onMessage(m, kind, receivedNanos, sink.of(t));
        if (t.closed()) active.remove(t);
    }

    /**
     * Processes the waiting events of every order that can go now (its send is bound, no request is in flight, or
     * it waited {@link #DEFER_LIMIT}), each order's events in their order; the others keep waiting.
     */
    private void resolveDeferred(boolean quiet) {
        long now = System.nanoTime();
        Map<Long, Boolean> go = new HashMap<>();
        for (Deferred d : deferred) {
            long local = local(d);
            go.computeIfAbsent(local, l -> quiet || now - d.since > DEFER_LIMIT || known(d));
        }
        List<Deferred> ready = new ArrayList<>();
        ArrayDeque<Deferred> keep = new ArrayDeque<>();
        for (Deferred d : deferred) (go.get(local(d)) ? ready : keep).add(d);
        deferred.clear();
        deferred.addAll(keep);
        for (Deferred d : ready) deferredLocals.remove(local(d));
        for (Deferred d : keep) deferredLocals.add(local(d));
        for (Deferred d : ready) {
            if (d.snapshot != null) onSnapshot(d.snapshot, d.receivedNanos, false);
            else onMessage(d.message, d.receivedNanos);
        }
    }

    private static long local(Deferred d) {
        return d.snapshot != null ? d.snapshot.localOrderId() : d.message.localOrderId();
    }

    private boolean known(Deferred d) {
        if (d.snapshot != null) return trackerOf(d.snapshot) != null;
        return byMessage.containsKey(d.message.messageId());
    }

    private void pollLost(LostOrderEvents lost) {
        Set<AccountKey> accounts = new HashSet<>();
        long id;
        while ((id = lost.poll()) > 0) {
            OrderTracker t = byLocal.get(id);
            if (t != null) accounts.add(accountOf(t));
            else accounts.addAll(accountsToReconcile());
        }
        if (lost.takeAll()) accounts.addAll(accountsToReconcile());
        accounts.remove(null);
        if (!accounts.isEmpty()) {
            lostReread.incrementAndGet();
            reconcile(accounts, false);
        }
    }

    private static AccountKey accountOf(OrderTracker t) {
        if (t.last() != null) return t.last().account();
        return t.intent() == null ? null : t.intent().account();
    }

    /** The accounts whose orders need reading back: those with open orders, and those of the day's journal. */
    private Set<AccountKey> accountsToReconcile() {
        Set<AccountKey> set = new LinkedHashSet<>();
        for (OrderTracker t : active) {
            AccountKey a = accountOf(t);
            if (a != null) set.add(a);
        }
        set.addAll(book.accountsInDoubt());
        return set;
    }

    // ------------------------------------------------------------------ reconciliation (trading-control thread)

    private record HistoryWait(AccountKey master, Set<AccountKey> accounts) {
    }

    private final Map<AccountKey, HistoryWait> historyPending = new ConcurrentHashMap<>();

    /** Reads back the orders of {@code accounts}; with {@code loadHistory} the DLL loads the day's history first. */
    private void reconcile(Set<AccountKey> accounts, boolean loadHistory) {
        Map<AccountKey, Set<AccountKey>> byMaster = new HashMap<>();
        for (AccountKey a : accounts) byMaster.computeIfAbsent(a.master(), k -> new LinkedHashSet<>()).add(a);
        for (AccountKey inDoubtMaster : book.accountsInDoubt()) byMaster.computeIfAbsent(inDoubtMaster, k -> new LinkedHashSet<>());
        for (var entry : byMaster.entrySet()) {
            AccountKey master = entry.getKey();
            Set<AccountKey> tree = entry.getValue();
            tree.add(master);
            for (IdempotencyBook.Entry e : book.inDoubt(master)) tree.add(e.intent().account());
            if (loadHistory) control.execute(() -> loadThenEnumerate(master, tree, 0));
            else control.execute(() -> enumerate(tree, master));
        }
    }

    private void loadThenEnumerate(AccountKey master, Set<AccountKey> tree, int attempt) {
        ProfitSession session = engine.currentSession();
        if (session == null) {
            // routing may connect before the engine has published its new session: ask again shortly
            if (attempt < 600) control.schedule(() -> loadThenEnumerate(master, tree, attempt + 1), 100, TimeUnit.MILLISECONDS);
            return;
        }
        LocalDate day = dllDay(session);
        historyPending.put(master, new HistoryWait(master, tree));
        DllCall call = session.routing().hasOrdersInInterval(master, day, day);
        if (call.ok()) {
            historyPending.remove(master);
            enumerate(tree, master);
        } else if (call.result() == NResult.NL_WAITING_SERVER) {
            // the order-history callback enumerates; if it never comes, ask again
            control.schedule(() -> {
                if (historyPending.containsKey(master)) loadThenEnumerate(master, tree, attempt + 1);
            }, historyTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            historyPending.remove(master);
            log.warn("order history of {} not loaded: {}; reading what the DLL has", master, call);
            enumerate(tree, master);
        }
    }

    private void enumerate(Set<AccountKey> tree, AccountKey master) {
        ProfitSession session = engine.currentSession();
        if (session == null) return;
        List<OrderSnapshot> all = new ArrayList<>();
        for (AccountKey a : tree) {
            var listing = session.routing().orders(a, 0, 0);
            if (listing.call().ok()) all.addAll(listing.items());
            else log.warn("reading the orders of {} failed: {}", a, listing.call());
        }
        long now = clock.epochNanos();
        tasks.add(() -> {
            if (!book.inDoubt(master).isEmpty()) {
                IdempotencyBook.Resolution r = book.resolve(master, all);
                for (IdempotencyBook.Match m : r.matches()) journal.append(new JournalRecord.Bound(m.key(), m.order().clOrderId()));
                for (String key : r.notSent()) {
                    journal.append(new JournalRecord.NotSent(key, book.get(key).map(IdempotencyBook.Entry::reason).orElse("")));
                }
            }
            for (OrderSnapshot s : all) onSnapshot(s, now, true);
            int doubt = 0;
            for (OrderTracker t : active) if (t.unknownOutstanding()) doubt++;
            if (doubt != ordersInDoubt) {
                ordersInDoubt = doubt;
                publisher.routing(routingUp, routingResult, now, doubt);
            }
            publisher.flush();
        });
    }

    /** Stops the control thread. */
    public void close() {
        control.shutdownNow();
    }

    // ------------------------------------------------------------------ reports

    /** Publishes a tracker's reports and keeps the keyed order's latest state for RPC answers. */
    private final class ReportSinkImpl {
        private OrderTracker current;
        private final blackbox.gateway.trading.ReportSink delegate = r -> {
            reportsOut.incrementAndGet();
            publisher.report(r);
            OrderTracker t = current;
            if (t != null && t.key() != null) views.put(t.key().value(), t.current(r.tsInit()));
        };

        blackbox.gateway.trading.ReportSink of(OrderTracker t) {
            current = t;
            return delegate;
        }
    }
}
