package blackbox.oms.algo.engine;

import blackbox.oms.algo.AccountTarget;
import blackbox.oms.algo.Action;
import blackbox.oms.algo.ChildState;
import blackbox.oms.algo.Decision;
import blackbox.oms.algo.ParentOrder;
import blackbox.oms.algo.OcoBracket;
import blackbox.oms.algo.ParentStatus;
import blackbox.oms.algo.Twap;
import blackbox.oms.algo.TwapSchedule;
import blackbox.oms.algo.TradedVolume;
import blackbox.oms.algo.Vwap;
import blackbox.oms.algo.VwapSchedule;
import blackbox.oms.core.Algorithm;
import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.OrdStatus;
import blackbox.oms.core.OrdType;
import blackbox.oms.core.Order;
import blackbox.oms.core.OrderSpec;
import blackbox.oms.core.TimeInForce;
import blackbox.oms.core.TradeDates;
import blackbox.oms.engine.OrderWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the algorithms' parents: one thread ({@code oms-algos}) owns every WORKING parent, its children's states (from
 * the writer's commits, {@link OrderWriter.Listener}) and a timer queue of their next decisions; the decisions
 * themselves are the pure cores' ({@link Twap}, {@link Vwap}, {@link blackbox.oms.algo.Iceberg},
 * {@link blackbox.oms.algo.CoverUpTo}, {@link OcoBracket}); an OCO bracket's stop touch comes from the tape
 * ({@link #traded}); a VWAP's participation cap reads the market's volume since its start from
 * {@link TradedVolume} at each decision, a cover its instrument's top of book from {@link blackbox.oms.algo.BestPrices}
 * (decided again at once when it moves, {@link #marketMoved}, and at every sweep). Children go out through {@link ChildOrders} (oms-svc's send path).
 *
 * <p>Persistence and restart: a parent is persisted WORKING before it is answered; each slice is recorded
 * ({@link ParentStore#release}) before any of its children is created; a child's ClOrdID is derived from parent, slice
 * and account ({@link ParentOrder#childId}), so after a crash the reloaded parent never makes a second child of a slice
 * (a retried create answers the existing order, and the gateway dedups on the same key). At start every WORKING
 * parent is reloaded with its children as committed; children whose outcome is not known are settled by oms-svc's
 * reconciliation (the core waits while they are open: no second working child of an account), and the schedule
 * resumes at the slice due then.
 *
 * <p>Kill switch: before every decision the parent's scopes are checked ({@link Halts}); a halted scope ends the parent
 * HALTED at once and for good — no child after it. Working children are cancelled by the halt's CancelAll, as any
 * order. The switches are re-checked whenever they change and at least every {@value #SWEEP_MILLIS} ms.
 *
 * <p>Thread-safe: {@link #submit} and {@link #view} from any thread; the listener is called on the writer thread and
 * only queues.
 */
public final class AlgoEngine implements OrderWriter.Listener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AlgoEngine.class);
    /** Every parent is decided at least this often (retries of refused places and cancels, switch changes). */
    static final long SWEEP_MILLIS = 250;

    private final ParentStore store;
    private final ChildOrders orders;
    private final Halts halts;
    private final TradedVolume volume;
    private final blackbox.oms.algo.BestPrices quotes;
    private final LongSupplier algoClock;
    private final LongSupplier omsClock;
    private final ZoneId zone;
    private final LinkedBlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
    private final Map<ClOrdId, Working> working = new LinkedHashMap<>();
    private final PriorityQueue<Wake> wakes = new PriorityQueue<>();
    private final Set<ClOrdId> dirty = new LinkedHashSet<>();
    private final Thread thread;
    private final AtomicLong decisions = new AtomicLong();
    private final AtomicLong childrenPlaced = new AtomicLong();
    private volatile boolean running = true;
    private volatile int workingCount;
    private long lastSweepWall;
    private long lastHaltVersion = Long.MIN_VALUE;

    private record Wake(long at, ClOrdId parent) implements Comparable<Wake> {
        public int compareTo(Wake o) {
            return Long.compare(at, o.at);
        }
    }

    /** A WORKING parent as the engine thread keeps it. */
    private static final class Working {
        final ParentOrder parent;
        final TwapSchedule schedule;
        final VwapSchedule vwap;
        int released;
        /** An OCO bracket's stop was touched by the tape (in memory: once acted on, the released slice 2 says so). */
        boolean touched;
        ParentStatus status = ParentStatus.WORKING;
        final Map<ClOrdId, ChildState> children = new LinkedHashMap<>();
        final Map<ClOrdId, Long> sequence = new HashMap<>();
        final Set<ClOrdId> placing = new HashSet<>();
        final Set<ClOrdId> cancelAsked = new HashSet<>();
        long wakeAt = Decision.NEVER;

        Working(ParentOrder parent, int released) {
            this.parent = parent;
            this.released = released;
            this.schedule = parent.algorithm() instanceof Algorithm.Twap ? TwapSchedule.of(parent) : null;
            this.vwap = parent.algorithm() instanceof Algorithm.Vwap ? VwapSchedule.of(parent) : null;
        }

        List<ChildState> states() {
            List<ChildState> out = new ArrayList<>(children.size());
            for (ChildState c : children.values()) {
                out.add(c.open() && !c.cancelPending() && cancelAsked.contains(c.id()) ? c.cancelling() : c);
            }
            return out;
        }
    }

    /**
     * @param algoClock the algorithms' time, UTC epoch ns (the system clock in service; the tape's in tests)
     * @param omsClock oms-svc's clock (children's creation times and trade dates)
     * @param zone the exchange's zone (trade dates)
     */
    public AlgoEngine(ParentStore store, ChildOrders orders, Halts halts, LongSupplier algoClock, LongSupplier omsClock, ZoneId zone) {
        this(store, orders, halts, TradedVolume.NONE, algoClock, omsClock, zone);
    }

    /**
     * @param volume the market's traded volume (a VWAP's participation cap), read on the engine thread
     * @param algoClock the algorithms' time, UTC epoch ns (the system clock in service; the tape's in tests)
     * @param omsClock oms-svc's clock (children's creation times and trade dates)
     * @param zone the exchange's zone (trade dates)
     */
    public AlgoEngine(ParentStore store, ChildOrders orders, Halts halts, TradedVolume volume, LongSupplier algoClock,
                      LongSupplier omsClock, ZoneId zone) {
        this(store, orders, halts, volume, blackbox.oms.algo.BestPrices.NONE, algoClock, omsClock, zone);
    }

    /**
     * @param volume the market's traded volume (a VWAP's participation cap), read on the engine thread
     * @param quotes the instruments' top of book (a cover's price), read on the engine thread; tell the engine when one
     *     moves ({@link #marketMoved})
     * @param algoClock the algorithms' time, UTC epoch ns (the system clock in service; the tape's in tests)
     * @param omsClock oms-svc's clock (children's creation times and trade dates)
     * @param zone the exchange's zone (trade dates)
     */
    public AlgoEngine(ParentStore store, ChildOrders orders, Halts halts, TradedVolume volume, blackbox.oms.algo.BestPrices quotes,
                      LongSupplier algoClock, LongSupplier omsClock, ZoneId zone) {
        this.store = store;
        this.orders = orders;
        this.halts = halts;
        this.volume = volume;
        this.quotes = quotes;
        this.algoClock = algoClock;
        this.omsClock = omsClock;
        this.zone = zone;
        this.thread = new Thread(this::run, "oms-algos");
        thread.setDaemon(true);
    }

    /** Reloads every WORKING parent with its committed children and starts deciding (register the listener first). */
    public void start() {
        for (StoredParent p : store.working()) {
            Working w = new Working(p.parent(), p.releasedSlice());
            for (ParentStore.StoredChild c : store.children(p.parent())) {
                w.children.put(c.state().id(), c.state());
                w.sequence.put(c.state().id(), c.lastSequence());
            }
            working.put(p.parent().id(), w);
            dirty.add(p.parent().id());
        }
        workingCount = working.size();
        if (!working.isEmpty()) log.info("oms-algos: {} working parents reloaded", working.size());
        thread.start();
    }

    /** The result of a submission: the parent as stored, and whether it was new. */
    public record Submitted(StoredParent parent, boolean created) {
    }

    /**
     * Persists a new parent WORKING and starts it (its first decision follows at once on the engine thread). A parent id
     * already known answers the stored parent, created = false, and starts nothing.
     */
    public Submitted submit(ParentOrder parent) {
        boolean created = store.insert(parent, omsClock.getAsLong());
        StoredParent stored = store.find(parent.id()).orElseThrow();
        if (created) {
            parent.profile().filter(blackbox.oms.algo.VolumeProfile::isEmpty).ifPresent(p -> log.info(
                    "oms-algos: VWAP {} on equal weights: {}", parent.id(), p.source()));
            inbox.add(() -> {
                working.put(parent.id(), new Working(parent, 0));
                workingCount = working.size();
                dirty.add(parent.id());
            });
        }
        return new Submitted(stored, created);
    }

    /**
     * A trader's cancel of a parent: it ends CANCELED (no child after it) and each working child gets a cancel, on the
     * engine thread. False when no parent has that id; a parent already ended is left as it is.
     */
    public boolean cancel(ClOrdId id, String why) {
        if (store.find(id).isEmpty()) return false;
        inbox.add(() -> {
            Working w = working.get(id);
            if (w == null) return;
            for (ChildState c : w.children.values()) {
                if (c.open() && w.cancelAsked.add(c.id())) orders.cancel(c.id(), why);
            }
            finish(w, ParentStatus.CANCELED, why);
        });
        return true;
    }

    /** A parent with its children as committed, from PostgreSQL. */
    public Optional<ParentView> view(ClOrdId id) {
        return store.find(id).map(p -> new ParentView(p, store.children(p.parent()),
                store.slices(id)));
    }

    /**
     * The top of book of {@code instrument} changed (any thread): its covers decide again at once rather than at the next
     * sweep.
     */
    public void marketMoved(blackbox.platform.domain.InstrumentId instrument) {
        inbox.add(() -> {
            for (Working w : working.values()) {
                if (w.parent.algorithm() instanceof Algorithm.CoverUpTo && w.parent.instrument().equals(instrument)) {
                    dirty.add(w.parent.id());
                }
            }
        });
    }

    /**
     * Trades of {@code instrument} printed between {@code low} and {@code high} (scaled prices; any thread): an OCO
     * bracket whose stop they touch ({@link OcoBracket#touches}) releases its stop leg at once.
     */
    public void traded(blackbox.platform.domain.InstrumentId instrument, long low, long high) {
        inbox.add(() -> {
            for (Working w : working.values()) {
                if (w.touched || !(w.parent.algorithm() instanceof Algorithm.Oco) || !w.parent.instrument().equals(instrument)) continue;
                if (OcoBracket.touches(w.parent, low, high)) {
                    w.touched = true;
                    dirty.add(w.parent.id());
                }
            }
        });
    }

    /** Decide now (tests move the algorithm's clock and wake the engine). */
    public void wake() {
        inbox.add(() -> {
        });
    }

    /** Children's commits, on the writer thread: queued for the engine thread. */
    @Override
    public void committed(List<OrderWriter.Change> changes) {
        for (OrderWriter.Change c : changes) {
            Optional<ClOrdId> parent = c.after().spec().parent();
            if (parent.isEmpty()) continue;
            Order after = c.after();
            long sequence = c.event().sequence();
            inbox.add(() -> child(parent.get(), after, sequence));
        }
    }

    public long decisions() {
        return decisions.get();
    }

    public long childrenPlaced() {
        return childrenPlaced.get();
    }

    public int working() {
        return workingCount;
    }

    // ------------------------------------------------------------------ the engine thread

    private void run() {
        while (running) {
            try {
                Runnable r = inbox.poll(10, TimeUnit.MILLISECONDS);
                while (r != null) {
                    r.run();
                    r = inbox.poll();
                }
                long now = algoClock.getAsLong();
                long wall = System.nanoTime();
                long version = halts.version();
                if (version != lastHaltVersion || wall - lastSweepWall > TimeUnit.MILLISECONDS.toNanos(SWEEP_MILLIS)) {
                    lastHaltVersion = version;
                    lastSweepWall = wall;
                    dirty.addAll(working.keySet());
                }
                while (!wakes.isEmpty() && wakes.peek().at() <= now) {
                    Wake w = wakes.poll();
                    Working p = working.get(w.parent());
                    if (p != null && p.wakeAt == w.at()) dirty.add(w.parent());
                }
                if (dirty.isEmpty()) continue;
                List<ClOrdId> due = new ArrayList<>(dirty);
                dirty.clear();
                for (ClOrdId id : due) {
                    Working p = working.get(id);
                    if (p != null) evaluate(p, now);
                }
            } catch (InterruptedException e) {
                if (!running) return;
            } catch (RuntimeException e) {
                log.error("oms-algos: unexpected failure", e);
            }
        }
    }

    private void child(ClOrdId parentId, Order after, long sequence) {
        Working w = working.get(parentId);
        if (w == null) return;
        int[] slot = w.parent.slot(after.clOrdId());
        if (slot == null) return;
        Long known = w.sequence.get(after.clOrdId());
        if (known != null && known >= sequence) return;
        w.sequence.put(after.clOrdId(), sequence);
        boolean open = after.status().isOpen();
        w.children.put(after.clOrdId(), new ChildState(after.clOrdId(), slot[1], slot[0], after.orderQty(), after.cumQty(), open,
                after.status() == OrdStatus.PENDING_CANCEL, after.price(), ChildState.withdrawn(after.status(), after.text())));
        w.placing.remove(after.clOrdId());
        if (!open) w.cancelAsked.remove(after.clOrdId());
        dirty.add(parentId);
    }

    private void evaluate(Working w, long now) {
        if (w.status.isFinal()) return;
        Optional<String> halted = halts.stopped(w.parent);
        if (halted.isPresent()) {
            finish(w, ParentStatus.HALTED, "stopped by " + halted.get());
            return;
        }
        decisions.incrementAndGet();
        Decision d = decide(w, now);
        if (d.releasedSlice() > w.released) {
            try {
                store.release(w.parent.id(), d.releasedSlice(), now, plannedSlice(w, d.releasedSlice()));
            } catch (RuntimeException e) {
                log.warn("oms-algos: slice {} of {} not recorded ({}); nothing sent, retried", d.releasedSlice(), w.parent.id(), e.toString());
                return;
            }
            w.released = d.releasedSlice();
        }
        for (Action a : d.actions()) {
            switch (a) {
                case Action.Send s -> send(w, s);
                case Action.Cancel c -> {
                    if (!w.cancelAsked.add(c.childId())) continue;
                    orders.cancel(c.childId(), c.why()).whenComplete((ok, err) -> {
                        if (err != null || !Boolean.TRUE.equals(ok)) inbox.add(() -> w.cancelAsked.remove(c.childId()));
                    });
                }
            }
        }
        if (d.finished().isPresent()) {
            finish(w, d.finished().get().status(), d.finished().get().text());
            return;
        }
        if (d.wakeAtNanos() != w.wakeAt) {
            w.wakeAt = d.wakeAtNanos();
            if (w.wakeAt != Decision.NEVER) wakes.add(new Wake(w.wakeAt, w.parent.id()));
        }
    }

    private Decision decide(Working w, long now) {
        return switch (w.parent.algorithm()) {
            case Algorithm.Twap t -> Twap.decide(w.parent, w.schedule, w.released, w.states(), now);
            case Algorithm.Vwap v -> Vwap.decide(w.parent, w.vwap, w.released, w.states(), now,
                    volume.since(w.parent.instrument(), w.vwap.volumeFromNanos()));
            case Algorithm.Iceberg i -> blackbox.oms.algo.Iceberg.decide(w.parent, w.states());
            case Algorithm.CoverUpTo c -> blackbox.oms.algo.CoverUpTo.decide(w.parent, w.states(), quotes.quote(w.parent.instrument()));
            case Algorithm.Oco o -> {
                // following the instrument's book keeps it subscribed at the gateway: its prints are the stop's touch
                quotes.quote(w.parent.instrument());
                yield OcoBracket.decide(w.parent, w.released, w.states(), w.touched);
            }
            case Algorithm.Full f -> throw new IllegalStateException("a FULL order has no parent: " + w.parent.id());
        };
    }

    private static long plannedSlice(Working w, int k) {
        if (w.schedule == null && w.vwap == null) return 0;
        long t = 0;
        for (AccountTarget a : w.parent.accounts()) {
            t += w.schedule != null ? w.schedule.plannedSlice(a.quantity(), k) : w.vwap.plannedSlice(a.quantity(), k);
        }
        return t;
    }

    private void send(Working w, Action.Send s) {
        if (w.children.containsKey(s.childId()) || !w.placing.add(s.childId())) return;
        Order child = child(w.parent, s);
        childrenPlaced.incrementAndGet();
        orders.place(child).whenComplete((placed, err) -> inbox.add(() -> placed(w, s.childId(), placed, err)));
    }

    private void placed(Working w, ClOrdId id, ChildOrders.Placed placed, Throwable err) {
        if (err != null || placed == ChildOrders.Placed.NOT_ADMITTED) {
            w.placing.remove(id); // not persisted: decided again at the next sweep
            return;
        }
        if (placed == ChildOrders.Placed.EXISTS && !w.children.containsKey(id)) {
            for (ParentStore.StoredChild c : store.children(w.parent)) {
                if (!w.children.containsKey(c.state().id())) {
                    w.children.put(c.state().id(), c.state());
                    w.sequence.put(c.state().id(), c.lastSequence());
                }
            }
            w.placing.remove(id);
            dirty.add(w.parent.id());
        }
    }

    private Order child(ParentOrder p, Action.Send s) {
        long now = omsClock.getAsLong();
        OrderSpec spec = new OrderSpec(s.childId(), s.account().account(), s.account().desk(), p.user(), p.strategy(), p.instrument(),
                p.side(), childType(p), TimeInForce.DAY, Optional.empty(), Algorithm.Full.INSTANCE, p.block(), Optional.of(p.id()),
                now, TradeDates.of(now, zone));
        return Order.pendingNew(spec, s.qty(), childType(p) == OrdType.MARKET ? 0 : s.price(), 0);
    }

    /** The children's type: the parent's, but an OCO's legs are limits at their own prices (its ord_type is not used). */
    private static OrdType childType(ParentOrder p) {
        return p.algorithm() instanceof Algorithm.Oco ? OrdType.LIMIT : p.ordType();
    }

    private void finish(Working w, ParentStatus status, String text) {
        try {
            store.finish(w.parent.id(), status, text, omsClock.getAsLong());
        } catch (RuntimeException e) {
            log.warn("oms-algos: {} could not be recorded {} ({}); retried", w.parent.id(), status, e.toString());
            return;
        }
        w.status = status;
        working.remove(w.parent.id());
        workingCount = working.size();
        if (text.startsWith(OcoBracket.EXCESS)) {
            log.error("oms-algos: {} {}: {} — flatten the excess", w.parent.id(), status, text);
        } else {
            log.info("oms-algos: {} {}: {}", w.parent.id(), status, text);
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
