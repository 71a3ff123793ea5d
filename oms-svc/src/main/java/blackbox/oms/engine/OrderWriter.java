package blackbox.oms.engine;

import blackbox.oms.core.BlockId;
import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.IgnoreReason;
import blackbox.oms.core.Order;
import blackbox.oms.core.OrderEvent;
import blackbox.oms.core.Outcome;
import blackbox.oms.core.Transitions;
import blackbox.oms.core.allocation.AccountShare;
import blackbox.oms.core.allocation.CumulativeAllocation;
import blackbox.oms.core.block.BlockPlan;
import blackbox.oms.core.block.Routing;
import blackbox.oms.core.reconcile.Decision;
import blackbox.oms.core.reconcile.Reconciliation;
import blackbox.oms.core.reconcile.ReconciliationPlan;
import blackbox.oms.core.reconcile.VenueOrder;
import blackbox.oms.store.ApplyResult;
import blackbox.oms.store.AuditCommand;
import blackbox.oms.store.BlockCreateResult;
import blackbox.oms.store.BlockStore;
import blackbox.oms.store.CreateResult;
import blackbox.oms.store.OrderBatch;
import blackbox.oms.store.OrderRow;
import blackbox.oms.store.PendingAnomaly;
import blackbox.oms.store.PendingEvent;
import blackbox.oms.store.ReportCursor;
import blackbox.oms.store.StoredBlock;
import blackbox.oms.store.StoredEvent;
import blackbox.oms.store.StoredOrder;
import blackbox.platform.db.Database;
import blackbox.platform.domain.AccountId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of orders and events: every creation, command, report and reconciliation decision goes through its
 * queue and thread ({@code oms-writer}), which takes what is queued (up to the batch size), folds each through
 * {@link Transitions#apply} on the states it keeps, and commits the lot in one transaction ({@link OrderBatch}:
 * group commit). Only after the commit are the callers' futures completed (so "persist before send" holds for every
 * order of the batch) and the {@link Listener}s told, in sequence order — the live event stream, the exposure the
 * pre-trade check reads, the account gates.
 *
 * <p>It keeps every open order ({@link #open()}, readable from any thread) and a bounded set of recently final ones;
 * others are read from PostgreSQL when a late report names them. Being the only writer is what lets a batch read
 * nothing back: a second oms-svc on the same schema is refused at start ({@link SingleInstance}).
 *
 * <p>A failed transaction writes nothing; when PostgreSQL is away every queued caller gets the exception (the service
 * answers UNAVAILABLE); otherwise each queued item is retried alone, so one bad item fails only itself.
 */
public final class OrderWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OrderWriter.class);
    private static final int RECENT_FINAL = 100_000;

    /** Told on the writer thread after each commit; must not block. */
    @FunctionalInterface
    public interface Listener {
        void committed(List<Change> changes);
    }

    /**
     * One committed event with the order before ({@code null} for CREATED) and after it.
     */
    public record Change(StoredEvent event, Order before, Order after) {
    }

    private sealed interface Op {
        void fail(Throwable t);
    }

    private record Create(Order order, OrderEvent.Denied denied, AuditCommand audit, CompletableFuture<CreateResult> done)
            implements Op {
        public void fail(Throwable t) {
            done.completeExceptionally(t);
        }
    }

    private record CreateBlock(BlockPlan plan, Map<ClOrdId, OrderEvent.Denied> denied, AuditCommand audit,
                               CompletableFuture<BlockCreateResult> done) implements Op {
        public void fail(Throwable t) {
            done.completeExceptionally(t);
        }
    }

    private record Apply(ClOrdId clOrdId, OrderEvent event, AuditCommand audit, ReportCursor cursor,
                         CompletableFuture<Optional<ApplyResult>> done) implements Op {
        public void fail(Throwable t) {
            if (done != null) done.completeExceptionally(t);
        }
    }

    private record Reconcile(AccountId account, List<VenueOrder> venue, LocalDate sessionDate, long nowNanos,
                             AuditCommand audit, CompletableFuture<ReconciliationPlan> done) implements Op {
        public void fail(Throwable t) {
            done.completeExceptionally(t);
        }
    }

    private record Status(ClOrdId clOrdId, VenueOrder venue, LocalDate sessionDate, long nowNanos, ReportCursor cursor)
            implements Op {
        public void fail(Throwable t) {
        }
    }

    private record Cursor(ReportCursor cursor) implements Op {
        public void fail(Throwable t) {
        }
    }

    private final OrderBatch batch;
    private final BlockStore blocks;
    private final LongSupplier clock;
    private final int maxBatch;
    private final BlockingQueue<Op> queue;
    private final Map<ClOrdId, OrderRow> open = new ConcurrentHashMap<>();
    private final LinkedHashMap<ClOrdId, OrderRow> recent = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ClOrdId, OrderRow> eldest) {
            return size() > RECENT_FINAL;
        }
    };
    private final Map<BlockId, BlockAllocation> averagePrice = new HashMap<>();
    private final Set<ClOrdId> alarmed = new HashSet<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    /**
     * Completes the callers' futures of each committed batch, in commit order, off the writer thread: what the callers
     * chain on them (answering the RPC, starting the gateway call) then overlaps the next batch's fold and commit
     * instead of delaying it.
     */
    private final java.util.concurrent.ExecutorService answers = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "oms-writer-answers");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong eventsWritten = new AtomicLong();
    private final AtomicLong alarms = new AtomicLong();
    private volatile boolean running = true;

    /** An average-price block's cumulative allocation as the writer tracks it (one master order, or two with FRACTIONAL). */
    private record BlockAllocation(CumulativeAllocation allocation, Map<ClOrdId, Long> childCum) {
    }

    /**
     * Loads every open order and starts the writer thread.
     *
     * @param maxBatch most queued items per transaction
     * @param capacity queued items before producers wait
     * @param clock UTC epoch ns, for the audit rows the writer makes itself (alarms, reconciliation)
     */
    public OrderWriter(OrderBatch batch, BlockStore blocks, LongSupplier clock, int maxBatch, int capacity) {
        this.batch = batch;
        this.blocks = blocks;
        this.clock = clock;
        this.maxBatch = maxBatch;
        this.queue = new ArrayBlockingQueue<>(capacity);
        for (OrderRow row : batch.openOrders()) open.put(row.stored().order().clOrdId(), row);
        this.thread = new Thread(this::run, "oms-writer");
        thread.setDaemon(true);
    }

    /** Starts writing (after the listeners are added, so none misses a commit). */
    public void start() {
        thread.start();
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Every open order as of the last commit, by ClOrdID (a live view: iterate, do not hold). */
    public Map<ClOrdId, OrderRow> open() {
        return java.util.Collections.unmodifiableMap(open);
    }

    /**
     * A new order: persisted in PENDING_NEW with its CREATED event and the command's audit row, and, when
     * {@code denied} is given, DENIED by the pre-trade check in the same transaction. A known ClOrdID answers
     * DUPLICATE or CONFLICT (nothing written but the audit row).
     */
    public CompletableFuture<CreateResult> create(Order order, OrderEvent.Denied denied, AuditCommand audit) {
        CompletableFuture<CreateResult> done = new CompletableFuture<>();
        enqueue(new Create(order, denied, audit, done));
        return done;
    }

    /** A new block: block, allocation, every child (DENIED ones in {@code denied}) and the audit row, in one transaction. */
    public CompletableFuture<BlockCreateResult> createBlock(BlockPlan plan, Map<ClOrdId, OrderEvent.Denied> denied,
                                                            AuditCommand audit) {
        CompletableFuture<BlockCreateResult> done = new CompletableFuture<>();
        enqueue(new CreateBlock(plan, Map.copyOf(denied), audit, done));
        return done;
    }

    /**
     * An event for an order: a report, an answer of the gateway, a risk decision; with {@code audit} a command of ours
     * (CancelRequested, ReplaceRequested) recorded with its outcome. Empty when no order has that ClOrdID.
     */
    public CompletableFuture<Optional<ApplyResult>> apply(ClOrdId clOrdId, OrderEvent event, AuditCommand audit) {
        CompletableFuture<Optional<ApplyResult>> done = new CompletableFuture<>();
        enqueue(new Apply(clOrdId, event, audit, null, done));
        return done;
    }

    /** A report's event with the consumer's position after it (stored in the same transaction). */
    public void report(ClOrdId clOrdId, OrderEvent event, ReportCursor cursor) {
        enqueue(new Apply(clOrdId, event, null, cursor, null));
    }

    /**
     * A state the gateway read back (ExecType ORDER_STATUS): decided as reconciliation decides one order
     * ({@link Reconciliation#decideOne}) on the order as the writer has it, with the consumer's position after it.
     */
    public void status(ClOrdId clOrdId, VenueOrder venue, LocalDate sessionDate, long nowNanos, ReportCursor cursor) {
        enqueue(new Status(clOrdId, venue, sessionDate, nowNanos, cursor));
    }

    /** Only the consumer's position (a report that maps to no event, a new gateway session). */
    public void cursor(ReportCursor cursor) {
        enqueue(new Cursor(cursor));
    }

    /**
     * Reconciles one account: {@link Reconciliation#decide} on its open orders as they are when the writer gets to it,
     * the events applied and an audit row with the verdicts, in one transaction.
     */
    public CompletableFuture<ReconciliationPlan> reconcile(AccountId account, List<VenueOrder> venue, LocalDate sessionDate,
                                                           long nowNanos, AuditCommand audit) {
        CompletableFuture<ReconciliationPlan> done = new CompletableFuture<>();
        enqueue(new Reconcile(account, List.copyOf(venue), sessionDate, nowNanos, audit, done));
        return done;
    }

    private void enqueue(Op op) {
        if (!running) {
            op.fail(new IllegalStateException("oms-svc is stopping"));
            return;
        }
        try {
            queue.put(op);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            op.fail(e);
        }
    }

    public long transactions() {
        return transactions.get();
    }

    public long eventsWritten() {
        return eventsWritten.get();
    }

    /** Reports refused as contradicting what we know (overfills among them). */
    public long alarms() {
        return alarms.get();
    }

    public int queued() {
        return queue.size();
    }

    // ------------------------------------------------------------------ the writer thread

    private void run() {
        List<Op> ops = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Op first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                ops.add(first);
                if (!(first instanceof CreateBlock)) {
                    // a block is a transaction of its own; take what follows up to the next block
                    while (ops.size() < maxBatch && !(queue.peek() instanceof CreateBlock)) {
                        Op next = queue.poll();
                        if (next == null) break;
                        ops.add(next);
                    }
                }
                process(ops);
            } catch (InterruptedException e) {
                if (!running) break;
            } catch (RuntimeException | Error e) {
                log.error("oms-writer: unexpected failure; {} items failed", ops.size(), e);
                for (Op op : ops) op.fail(e);
            } finally {
                ops.clear();
            }
        }
    }

    private void process(List<Op> ops) {
        try {
            new Transaction(ops).run();
        } catch (RuntimeException e) {
            if (Database.isUnavailable(e) || ops.size() == 1) {
                if (!Database.isUnavailable(e)) log.error("oms-writer: item failed: {}", ops.getFirst(), e);
                for (Op op : ops) op.fail(e);
                return;
            }
            log.warn("oms-writer: a batch of {} failed ({}); retrying each alone", ops.size(), e.toString());
            for (Op op : ops) process(List.of(op));
        }
    }

    /** One batch: fold, commit, then install the states and tell everyone. */
    private final class Transaction {
        private final List<Op> ops;
        private final OrderBatch.Changes changes = new OrderBatch.Changes();
        private final Map<ClOrdId, OrderRow> loaded;
        private final Map<ClOrdId, Order> state = new HashMap<>();
        private final Map<ClOrdId, Long> refs = new HashMap<>();
        private final Map<BlockId, BlockAllocation> allocations = new HashMap<>();
        /** Run on the writer thread after the commit (they read its maps); each gives the completion to hand off. */
        private final List<java.util.function.Supplier<Runnable>> results = new ArrayList<>();
        private final List<Order> befores = new ArrayList<>();
        private final List<Order> afters = new ArrayList<>();
        private final Set<ClOrdId> newAlarms = new HashSet<>();
        private final Set<ClOrdId> createdHere = new HashSet<>();
        private final Map<ClOrdId, Order> createdAs = new HashMap<>();
        private OrderBatch.Committed committed;

        Transaction(List<Op> ops) {
            this.ops = ops;
            Set<ClOrdId> unknown = new HashSet<>();
            for (Op op : ops) {
                switch (op) {
                    case Create c -> need(unknown, c.order().clOrdId());
                    case Apply a -> need(unknown, a.clOrdId());
                    case Status st -> need(unknown, st.clOrdId());
                    case CreateBlock b -> b.plan().children().forEach(child -> need(unknown, child.clOrdId()));
                    // the venue's orders of ours that are final here (not in memory) may still lack their OrderID
                    case Reconcile r -> r.venue().forEach(v -> {
                        if (v.clOrdId() != null) need(unknown, v.clOrdId());
                    });
                    case Cursor c -> {
                    }
                }
            }
            loaded = batch.load(unknown);
        }

        private void need(Set<ClOrdId> unknown, ClOrdId id) {
            if (!open.containsKey(id) && !recent.containsKey(id)) unknown.add(id);
        }

        /** The order as this batch has it so far, and its row id; null when no such order. */
        private Order current(ClOrdId id) {
            Order o = state.get(id);
            if (o != null) return o;
            OrderRow row = open.get(id);
            if (row == null) row = recent.get(id);
            if (row == null) row = loaded.get(id);
            if (row == null) return null;
            refs.put(id, row.id());
            state.put(id, row.stored().order());
            return row.stored().order();
        }

        private long lastSequence(ClOrdId id) {
            OrderRow row = open.get(id);
            if (row == null) row = recent.get(id);
            if (row == null) row = loaded.get(id);
            return row == null ? 0 : row.stored().lastSequence();
        }

        void run() {
            for (Op op : ops) {
                switch (op) {
                    case Create c -> create(c);
                    case CreateBlock b -> createBlock(b);
                    case Apply a -> apply(a);
                    case Reconcile r -> reconcile(r);
                    case Status st -> status(st);
                    case Cursor c -> changes.cursor(c.cursor());
                }
            }
            if (!changes.isEmpty()) {
                committed = batch.commit(changes, refs);
                transactions.incrementAndGet();
                eventsWritten.addAndGet(committed.events().size());
            }
            install();
            if (results.isEmpty()) return;
            List<Runnable> done = new ArrayList<>(results.size());
            for (var r : results) done.add(r.get());
            try {
                answers.execute(() -> {
                    for (Runnable r : done) r.run();
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                for (Runnable r : done) r.run();
            }
        }

        /** Completes {@code future} with {@code value} once the batch is committed (the value computed on the writer thread). */
        private <T> void complete(CompletableFuture<T> future, java.util.function.Supplier<T> value) {
            results.add(() -> {
                T v = value.get();
                return () -> future.complete(v);
            });
        }

        private int event(Order before, Order after, OrderEvent event, blackbox.oms.core.Edge edge) {
            changes.event(new PendingEvent(before, after, event, edge));
            befores.add(before);
            afters.add(after);
            state.put(after.clOrdId(), after);
            return changes.eventCount() - 1;
        }

        private int created(Order order) {
            createdHere.add(order.clOrdId());
            createdAs.put(order.clOrdId(), order);
            changes.create(order);
            befores.add(null);
            afters.add(order);
            state.put(order.clOrdId(), order);
            return changes.eventCount() - 1;
        }

        /** The stored order after event {@code index} (or as it was, for -1). */
        private StoredOrder stored(Order order, int index) {
            long sequence = index >= 0 ? committed.events().get(index).sequence() : lastSequence(order.clOrdId());
            return new StoredOrder(order, sequence);
        }

        private void create(Create c) {
            Order order = c.order();
            Order existing = current(order.clOrdId());
            if (existing != null) {
                String conflict = createdHere.contains(order.clOrdId()) ? OrderBatch.differenceFromCreated(createdAs.get(order.clOrdId()), order)
                        : batch.difference(existing, order);
                changes.audit(c.audit(), conflict.isEmpty() ? "DUPLICATE" : "ALREADY_EXISTS: " + conflict);
                complete(c.done(), () -> new CreateResult(conflict.isEmpty() ? CreateResult.Kind.DUPLICATE
                        : CreateResult.Kind.CONFLICT, stored(existing, -1), conflict));
                return;
            }
            int index = created(order);
            Order after = order;
            String outcome = "OK";
            if (c.denied() != null) {
                Outcome o = Transitions.apply(order, c.denied());
                if (!(o instanceof Outcome.Applied applied)) throw new IllegalStateException("a new order must be deniable: " + o);
                after = applied.order();
                index = event(order, after, c.denied(), applied.edge());
                outcome = "DENIED: " + c.denied().reason();
            }
            changes.audit(c.audit(), outcome);
            Order result = after;
            int at = index;
            complete(c.done(), () -> new CreateResult(CreateResult.Kind.CREATED, stored(result, at), ""));
        }

        private void createBlock(CreateBlock b) {
            var block = b.plan().block();
            Optional<StoredBlock> existing = blocks.find(block.id());
            if (existing.isPresent()) {
                String conflict = BlockStore.difference(existing.get().block(), block);
                changes.audit(b.audit(), conflict.isEmpty() ? "DUPLICATE" : "ALREADY_EXISTS: " + conflict);
                List<StoredOrder> children = conflict.isEmpty() ? blocks.children(block.id()) : List.of();
                complete(b.done(), () -> new BlockCreateResult(conflict.isEmpty() ? CreateResult.Kind.DUPLICATE
                        : CreateResult.Kind.CONFLICT, existing, children, conflict));
                return;
            }
            for (Order child : b.plan().children()) {
                if (current(child.clOrdId()) != null) {
                    String conflict = "a child's ClOrdID is already an order: cl_ord_id=\"" + child.clOrdId() + "\"";
                    changes.audit(b.audit(), "ALREADY_EXISTS: " + conflict);
                    complete(b.done(), () -> new BlockCreateResult(CreateResult.Kind.CONFLICT, Optional.empty(),
                            List.of(), conflict));
                    return;
                }
            }
            changes.block(b.plan());
            List<Order> children = new ArrayList<>();
            List<Integer> indexes = new ArrayList<>();
            for (Order child : b.plan().children()) {
                int index = created(child);
                Order after = child;
                OrderEvent.Denied denied = b.denied().get(child.clOrdId());
                if (denied != null) {
                    Outcome o = Transitions.apply(child, denied);
                    if (!(o instanceof Outcome.Applied applied)) throw new IllegalStateException("a new child must be deniable: " + o);
                    after = applied.order();
                    index = event(child, after, denied, applied.edge());
                }
                children.add(after);
                indexes.add(index);
            }
            changes.audit(b.audit(), b.denied().isEmpty() ? "OK" : "OK: " + b.denied().size() + " children DENIED");
            StoredBlock stored = new StoredBlock(block, zeros(block.allocation().shares()));
            complete(b.done(), () -> {
                List<StoredOrder> out = new ArrayList<>(children.size());
                for (int i = 0; i < children.size(); i++) out.add(stored(children.get(i), indexes.get(i)));
                return new BlockCreateResult(CreateResult.Kind.CREATED, Optional.of(stored), out, "");
            });
        }

        private static Map<AccountId, Long> zeros(List<AccountShare> shares) {
            Map<AccountId, Long> m = new HashMap<>();
            for (AccountShare s : shares) m.put(s.account(), 0L);
            return m;
        }

        private void apply(Apply a) {
            if (a.cursor() != null) changes.cursor(a.cursor());
            Order before = current(a.clOrdId());
            if (before == null) {
                if (a.audit() != null) changes.audit(a.audit(), "NOT_FOUND: no order with cl_ord_id=\"" + a.clOrdId() + "\"");
                if (a.done() != null) complete(a.done(), () -> Optional.empty());
                return;
            }
            Outcome outcome = Transitions.apply(before, a.event());
            int index = -1;
            Order after = before;
            switch (outcome) {
                case Outcome.Applied applied -> {
                    after = applied.order();
                    index = event(before, after, a.event(), applied.edge());
                    if (a.event() instanceof OrderEvent.Filled f) allocate(after, f);
                }
                case Outcome.Ignored ignored -> {
                    if (ignored.reason() != IgnoreReason.DUPLICATE_EXEC_ID && ignored.reason() != IgnoreReason.DUPLICATE_REPORT) {
                        changes.anomaly(new PendingAnomaly(before, a.event(), "IGNORED", ignored.reason().name(), false,
                                ignored.reason().reason()));
                    }
                }
                case Outcome.Refused refused -> {
                    changes.anomaly(new PendingAnomaly(before, a.event(), "REFUSED", refused.code().name(),
                            refused.code().alarm(), refused.message()));
                    if (refused.code().alarm() && a.audit() == null) alarm(before, refused);
                }
            }
            if (a.audit() != null) {
                changes.audit(a.audit(), switch (outcome) {
                    case Outcome.Applied x -> "OK";
                    case Outcome.Ignored i -> "IGNORED: " + i.reason().reason();
                    case Outcome.Refused r -> "FAILED_PRECONDITION: " + r.message();
                });
            }
            if (a.done() != null) {
                Order result = after;
                int at = index;
                complete(a.done(), () -> Optional.of(new ApplyResult(outcome, stored(result, at),
                        at >= 0 ? committed.events().get(at).sequence() : 0)));
            }
        }

        /** A report that contradicts what we know: an audit row (once per order and batch), counted, logged once per order. */
        private void alarm(Order order, Outcome.Refused refused) {
            alarms.incrementAndGet();
            if (!newAlarms.add(order.clOrdId())) return;
            changes.audit(AuditCommand.system(clock.getAsLong(), "gateway", "Alarm", Optional.of(order.clOrdId()),
                    order.spec().block(), Optional.of(order.spec().account()),
                    Map.of("code", refused.code().name(), "message", refused.message())), "REFUSED: " + refused.code().name());
        }

        /** An average-price block's allocation after a fill of its master order. */
        private void allocate(Order after, OrderEvent.Filled fill) {
            Optional<BlockId> blockId = after.spec().block();
            if (blockId.isEmpty()) return;
            BlockAllocation current = allocations.get(blockId.get());
            if (current == null) current = averagePrice.get(blockId.get());
            if (current == null) {
                Optional<StoredBlock> stored = blocks.find(blockId.get());
                if (stored.isEmpty() || stored.get().block().policy().routing() != Routing.AVERAGE_PRICE) return;
                Map<ClOrdId, Long> cum = new HashMap<>();
                long total = 0;
                for (StoredOrder child : blocks.children(blockId.get())) {
                    long c = child.order().clOrdId().equals(after.clOrdId()) ? after.cumQty() - fill.lastQty() : child.order().cumQty();
                    cum.put(child.order().clOrdId(), c);
                    total += c;
                }
                current = new BlockAllocation(blocks.cumulative(blockId.get(), total), cum);
            }
            Map<ClOrdId, Long> cum = new HashMap<>(current.childCum());
            cum.put(after.clOrdId(), after.cumQty());
            long total = 0;
            for (long c : cum.values()) total += c;
            CumulativeAllocation next = current.allocation().allocate(total);
            allocations.put(blockId.get(), new BlockAllocation(next, cum));
            Map<AccountId, Long> allocated = new HashMap<>();
            for (AccountShare s : blocks.find(blockId.get()).orElseThrow().block().allocation().shares()) {
                allocated.put(s.account(), next.allocatedTo(s.account()));
            }
            changes.allocation(blockId.get(), allocated);
        }

        private void status(Status st) {
            changes.cursor(st.cursor());
            Order order = current(st.clOrdId());
            if (order == null) return;
            Decision d = Reconciliation.decideOne(order, st.venue(), st.sessionDate(), st.nowNanos());
            if (d.verdict() == blackbox.oms.core.reconcile.Verdict.DISCREPANCY) {
                log.warn("reconciliation: {} disagrees with the gateway's state read back: {}", st.clOrdId(), d.reason());
            }
            for (OrderEvent event : d.events()) apply(new Apply(d.clOrdId(), event, null, null, null));
        }

        private void reconcile(Reconcile r) {
            // the account's open orders as this batch has them: committed ones, and ones created earlier in the batch
            Map<ClOrdId, Order> ours = new LinkedHashMap<>();
            for (Map.Entry<ClOrdId, OrderRow> e : open.entrySet()) {
                if (e.getValue().stored().order().spec().account().equals(r.account())) ours.put(e.getKey(), current(e.getKey()));
            }
            for (Map.Entry<ClOrdId, Order> e : state.entrySet()) {
                if (e.getValue().spec().account().equals(r.account())) ours.put(e.getKey(), e.getValue());
            }
            ours.values().removeIf(o -> !o.status().isOpen());
            for (VenueOrder v : r.venue()) {
                // final here without the venue's OrderID (its send's answer lost, filled through the report stream): the
                // listing names it (Reconciliation.decideOne), and the venue order is ours, not foreign
                if (v.clOrdId() == null || ours.containsKey(v.clOrdId())) continue;
                Order o = current(v.clOrdId());
                if (o != null && o.spec().account().equals(r.account()) && o.orderId() == null) ours.put(v.clOrdId(), o);
            }
            ReconciliationPlan plan = Reconciliation.decide(new ArrayList<>(ours.values()), r.venue(), r.sessionDate(), r.nowNanos());
            Map<String, String> verdicts = new java.util.TreeMap<>();
            for (Decision d : plan.decisions()) {
                verdicts.put(d.clOrdId().value(), d.verdict() + ": " + d.reason());
                for (OrderEvent event : d.events()) apply(new Apply(d.clOrdId(), event, null, null, null));
            }
            for (VenueOrder v : plan.foreign()) {
                verdicts.put("foreign " + (v.orderId() == null ? "?" : v.orderId().value()), "venue order not ours: key="
                        + (v.clOrdId() == null ? "" : v.clOrdId().value()) + ", status=" + v.status());
            }
            String outcome = "OK: " + plan.decisions().size() + " orders, " + plan.discrepancies().size() + " discrepancies, "
                    + plan.foreign().size() + " foreign";
            changes.audit(withVerdicts(r.audit(), verdicts), outcome);
            complete(r.done(), () -> plan);
        }

        private AuditCommand withVerdicts(AuditCommand a, Map<String, String> verdicts) {
            Map<String, String> params = new java.util.TreeMap<>(verdicts);
            return AuditCommand.system(a.atNanos(), a.address(), a.command(), a.clOrdId(), a.blockId(), a.account(), params);
        }

        /** The committed states into the writer's maps, then the listeners. */
        private void install() {
            if (committed == null) return;
            Map<ClOrdId, Long> ids = new HashMap<>(refs);
            ids.putAll(committed.createdIds());
            Map<ClOrdId, Long> lastSeq = new LinkedHashMap<>();
            List<Change> out = new ArrayList<>(committed.events().size());
            for (int i = 0; i < committed.events().size(); i++) {
                StoredEvent e = committed.events().get(i);
                lastSeq.put(e.clOrdId(), e.sequence());
            }
            for (Map.Entry<ClOrdId, Long> e : lastSeq.entrySet()) {
                Order o = state.get(e.getKey());
                OrderRow row = new OrderRow(ids.get(e.getKey()), new StoredOrder(o, e.getValue()));
                if (o.status().isOpen()) {
                    open.put(e.getKey(), row);
                    recent.remove(e.getKey());
                } else {
                    open.remove(e.getKey());
                    recent.put(e.getKey(), row);
                }
            }
            loaded.forEach((id, row) -> {
                if (!lastSeq.containsKey(id)) recent.put(id, row);
            });
            averagePrice.putAll(allocations);
            for (ClOrdId id : newAlarms) {
                if (alarmed.add(id)) log.warn("alarm: a report for {} contradicts what we know (see oms.event_anomalies)", id);
            }
            // each event with the order before and after it, as the transaction folded them
            for (int i = 0; i < committed.events().size(); i++) out.add(new Change(committed.events().get(i), befores.get(i), afters.get(i)));
            for (Listener l : listeners) {
                try {
                    l.committed(out);
                } catch (RuntimeException ex) {
                    log.error("oms-writer: a listener failed", ex);
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Op op;
        while ((op = queue.poll()) != null) op.fail(new IllegalStateException("oms-svc is stopping"));
        answers.shutdown();
        try {
            if (!answers.awaitTermination(5, TimeUnit.SECONDS)) log.warn("oms-writer: answers still running at close");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
