package blackbox.positions.service;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.positions.core.BalanceView;
import blackbox.positions.core.ConsolidatedView;
import blackbox.positions.core.Fill;
import blackbox.positions.core.FillOutcome;
import blackbox.positions.core.OpeningCash;
import blackbox.positions.core.OpeningPosition;
import blackbox.positions.core.PositionBook;
import blackbox.positions.core.PositionView;
import blackbox.positions.core.Scaled;
import blackbox.positions.redis.RedisPositions;
import blackbox.positions.store.PositionsStore;
import blackbox.positions.store.StoreException;
import blackbox.positions.store.StoredFill;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service around the core: one writer (every method is {@code synchronized}) that stores each fill in
 * PostgreSQL, applies it to the {@link PositionBook}, then writes Redis and tells listeners.
 *
 * <p><b>Ordering.</b> For a batch of fills: one transaction inserts each new fill's rows (a fill already
 * stored is a duplicate and is not applied) and applies it to the book; the transaction commits; then Redis is
 * written (one atomic script) and listeners are told. So nothing is visible (Redis, streams, reads) before it
 * is durable. If the transaction fails, the book — which may hold some of the batch — is rebuilt from the store,
 * so it never holds an uncommitted fill. If the process dies after the commit and before Redis, the start-up
 * rebuild replays the committed fill and rewrites Redis; Redis's {@code meta.seq} also tells a reader how far
 * it is. If Redis fails or was flushed, fills still commit; the next update (or {@link #resyncRedis}) rewrites
 * Redis whole from the book, which equals a rebuild from the store.
 */
public final class PositionsEngine {
    private static final Logger LOG = LoggerFactory.getLogger(PositionsEngine.class);

    private final PositionsStore store;
    private final RedisPositions redis;
    private final RedisState redisState;
    private final Supplier<PositionBook> newBook;
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
    private volatile BatchObserver batchObserver = BatchObserver.NONE;
    private PositionBook book;
    private long seq;
    private volatile long feedSequence;
    private boolean redisStale = true;
    private long redisFailures;

    /**
     * @param newBook makes an empty book with the service's master, fee table, calendar and groups
     */
    public PositionsEngine(PositionsStore store, RedisPositions redis, Supplier<PositionBook> newBook) {
        this.store = store;
        this.redis = redis;
        this.redisState = new RedisState(redis);
        this.newBook = newBook;
        this.book = newBook.get();
    }

    /** Where the time of each applied batch went, in nanoseconds (metrics, benchmarks). Called on the writer's thread. */
    @FunctionalInterface
    public interface BatchObserver {
        BatchObserver NONE = (fills, core, store, publish) -> { };

        /**
         * @param core checking and applying the fills to the book
         * @param store the PostgreSQL transaction (one statement and the commit)
         * @param publish Redis (one script) and the stream listeners
         */
        void batch(int fills, long core, long store, long publish);
    }

    /** Observes every batch from now on (one observer). */
    public void observeBatches(BatchObserver observer) {
        batchObserver = observer;
    }

    /** Rebuilds the book from PostgreSQL and rewrites Redis from it (start-up). */
    public synchronized void start() {
        rebuildBook();
        rewriteRedis();
    }

    /**
     * Stores and applies fills, in order, committed durably; one outcome per fill (ApplyFills, imports, tests).
     *
     * @throws StoreException when PostgreSQL failed: nothing of the batch was applied
     */
    public synchronized List<AppliedFill> apply(List<Fill> fills) {
        return apply(fills, null, PositionsStore.Commit.DURABLE);
    }

    /**
     * Stores and applies the fills of a feed that can resend them (oms-svc's StreamOrderEvents), with the feed's
     * cursor in the same transaction, committed asynchronously ({@link PositionsStore.Commit#ASYNC}: a PostgreSQL
     * crash loses whole batches, fills and cursor together, which the feed then sends again). Without fills only the
     * in-memory {@link #feedSequence()} moves.
     *
     * @param throughSequence every event of the feed up to this one is in {@code fills} or was stored before
     * @throws StoreException when PostgreSQL failed: nothing of the batch was applied, the cursor did not move
     */
    public synchronized List<AppliedFill> applyFeed(List<Fill> fills, String source, long throughSequence) {
        List<AppliedFill> results = fills.isEmpty() ? List.of()
                : apply(fills, new PositionsStore.FeedCursor(source, throughSequence), PositionsStore.Commit.ASYNC);
        feedSequence = Math.max(feedSequence, throughSequence);
        return results;
    }

    /**
     * One batch: each fill is checked and applied to the book in order (its rows collected), then every row is
     * stored in one statement and one transaction; then Redis and the listeners. A row the store already had (a
     * fill the book had forgotten: it cannot happen while the book keeps every ExecID of its open days) makes the
     * book be rebuilt from the store after the commit, and that fill is answered as a duplicate.
     */
    private List<AppliedFill> apply(List<Fill> fills, PositionsStore.FeedCursor cursor, PositionsStore.Commit commit) {
        long started = System.nanoTime();
        List<FillOutcome> outcomes = new ArrayList<>(fills.size());
        List<StoredFill> rows = new ArrayList<>(fills.size());
        int[] lastRow = new int[fills.size()];
        try {
            for (int i = 0; i < fills.size(); i++) {
                Fill fill = fills.get(i);
                FillOutcome refused = book.check(fill);
                if (refused != null) {
                    outcomes.add(refused);
                    lastRow[i] = -1;
                    continue;
                }
                rows.addAll(rowsOf(fill));
                lastRow[i] = rows.size() - 1;
                outcomes.add(book.apply(fill));
            }
        } catch (RuntimeException e) {
            rebuildBook(); // a bug of the core on this batch: the book may hold part of it
            throw e;
        }
        long[] seqs;
        long applied = System.nanoTime();
        try {
            seqs = store.writeBatch(rows, cursor, commit);
        } catch (StoreException e) {
            rebuildBook();
            throw e;
        }
        boolean forgotten = false;
        for (long s : seqs) forgotten |= s == 0;
        if (forgotten) {
            LOG.warn("fills already stored that the book did not know: rebuilding the book from PostgreSQL");
            rebuildBook();
        }
        List<AppliedFill> results = new ArrayList<>(fills.size());
        Map<AccountId, Set<InstrumentId>> touched = new TreeMap<>();
        List<String> messages = new ArrayList<>();
        long last = 0;
        for (int i = 0; i < fills.size(); i++) {
            FillOutcome outcome = outcomes.get(i);
            if (lastRow[i] < 0) {
                results.add(new AppliedFill(outcome, 0));
                continue;
            }
            long s = seqs[lastRow[i]];
            Fill fill = fills.get(i);
            if (s == 0) {
                results.add(new AppliedFill(new FillOutcome.Duplicate(fill.execId()), 0));
                continue;
            }
            results.add(new AppliedFill(outcome, s));
            last = Math.max(last, s);
            touched.computeIfAbsent(fill.account(), a -> new LinkedHashSet<>()).add(fill.instrument());
            messages.add("{\"seq\":" + s + ",\"exec_id\":\"" + fill.execId() + "\",\"account\":\""
                    + fill.account() + "\",\"instrument\":\"" + fill.instrument() + "\"}");
        }
        long stored = System.nanoTime();
        if (last > 0) {
            seq = Math.max(seq, last);
            publish(touched, messages);
        }
        batchObserver.batch(fills.size(), applied - started, stored - applied, System.nanoTime() - stored);
        return results;
    }

    private List<StoredFill> rowsOf(Fill fill) {
        return switch (fill.execType()) {
            case TRADE -> List.of(StoredFill.applying(fill));
            case TRADE_CANCEL -> List.of(StoredFill.reversing(fill, book.trade(fill.execRefId()).orElseThrow()));
            case TRADE_CORRECT -> {
                Fill old = book.trade(fill.execRefId()).orElseThrow();
                Fill corrected = new Fill(fill.execId(), fill.execType(), fill.execRefId(), old.account(),
                        old.instrument(), fill.side(), fill.quantity(), fill.priceE4(), fill.tsEventNanos(),
                        old.tradeDate(), fill.orderId().isEmpty() ? old.orderId() : fill.orderId());
                yield List.of(StoredFill.reversing(fill, old), StoredFill.applying(corrected));
            }
        };
    }

    /** The last trade price of an instrument (marketdata-svc): unrealized P&amp;L, and {@code positions:marks}. */
    public synchronized void mark(InstrumentId instrument, long priceE4) {
        book.mark(instrument, priceE4);
        try {
            redis.mark(instrument.toString(), Scaled.priceText(priceE4));
        } catch (RuntimeException e) {
            redisFailed(e);
        }
    }

    /** A future's settlement price for a trade date: stored, then every position's daily adjustment (D+1). */
    public synchronized void settle(InstrumentId instrument, LocalDate tradeDate, long priceE4) {
        store.saveSettlementPrice(new PositionsStore.SettlementPrice(instrument, tradeDate, priceE4));
        Map<AccountId, Set<InstrumentId>> touched = new TreeMap<>();
        for (AccountId account : book.settle(instrument, tradeDate, priceE4)) touched.put(account, Set.of(instrument));
        publish(touched, List.of());
    }

    /**
     * Starts trade date {@code date}: every position's close becomes its opening, stored with each account's
     * opening cash (so later rebuilds start there). Call at the session's start, before its fills.
     */
    public synchronized void openDay(LocalDate date) {
        try {
            List<PositionsStore.OpeningRow> rows = new ArrayList<>();
            for (OpeningPosition opening : book.openDay(date)) {
                long mult = book.master().find(opening.instrument()).orElseThrow().multiplierE2();
                rows.add(new PositionsStore.OpeningRow(opening, Scaled.averagePrice(opening.cost(), opening.quantity(), mult)));
            }
            List<OpeningCash> cash = new ArrayList<>();
            for (AccountId account : book.accounts()) cash.add(book.openingCashOf(account, date));
            store.saveOpenings(rows, cash);
            book.forgetTradesBefore(date);
        } catch (StoreException e) {
            rebuildBook();
            throw e;
        }
        rewriteRedis();
    }

    /** Imports a broker opening file (see {@link OpeningImport}). */
    public synchronized ImportResult importOpening(String fileName, String content, boolean replace) {
        ImportResult result;
        try {
            result = new OpeningImport(store, book).run(fileName, content, replace);
        } catch (StoreException e) {
            rebuildBook();
            throw e;
        }
        rewriteRedis();
        return result;
    }

    /**
     * Compares positions with the DLL's through {@code gateway}, both position types, for one account or every
     * account with positions, and stores the report. Our side is read under the writer's lock, the gateway is
     * asked outside it (so fills keep flowing): run it when the account is quiet, or expect the fills between
     * the two reads as differences.
     *
     * @throws GatewayPositions.GatewayUnavailableException when the gateway does not answer (nothing stored)
     */
    public ReconcileResult reconcile(AccountId account, java.math.BigDecimal priceTolerance, GatewayPositions gateway) {
        Map<AccountId, List<PositionView>> ours = new TreeMap<>();
        synchronized (this) {
            for (AccountId a : account == null ? book.accounts() : List.of(account)) ours.put(a, book.positions(a));
        }
        Reconciler reconciler = new Reconciler(priceTolerance);
        List<Difference> differences = new ArrayList<>();
        int compared = 0;
        for (Map.Entry<AccountId, List<PositionView>> e : ours.entrySet()) {
            for (PositionType type : PositionType.values()) {
                List<GatewayPosition> theirs = gateway.list(e.getKey(), type, e.getValue().stream().map(PositionView::instrument).toList());
                compared += Math.max(e.getValue().size(), theirs.size());
                differences.addAll(reconciler.compare(e.getKey(), type, e.getValue(), theirs));
            }
        }
        List<PositionsStore.DifferenceRow> rows = new ArrayList<>();
        for (Difference d : differences) {
            rows.add(new PositionsStore.DifferenceRow(d.account(), d.instrument(), d.positionType().name(), d.field(),
                    d.ours(), d.theirs()));
        }
        long id = store.recordReconciliation(account == null ? "" : account.value(), ours.size(), compared, rows);
        return new ReconcileResult(id, ours.size(), compared, differences);
    }

    /** Rewrites Redis if it was flushed or failed (the bootstrap calls it periodically); true when it did. */
    public synchronized boolean resyncRedis() {
        try {
            if (!redisStale && redis.storedSeq() == seq) return false;
        } catch (RuntimeException e) {
            redisFailed(e);
            return false;
        }
        rewriteRedis();
        return true;
    }

    // ------------------------------------------------------------------ reads (on the writer's lock)

    public synchronized List<PositionView> positions(AccountId account) {
        return book.positions(account);
    }

    /** Every account's positions, by account then instrument. */
    public synchronized List<PositionView> allPositions() {
        List<PositionView> all = new ArrayList<>();
        for (AccountId account : book.accounts()) all.addAll(book.positions(account));
        return all;
    }

    public synchronized List<AccountId> accounts() {
        return book.accounts();
    }

    public synchronized BalanceView balances(AccountId account) {
        return book.balances(account);
    }

    /** The desk over all accounts, then each group's, by instrument. */
    public synchronized List<ConsolidatedView> consolidated() {
        List<ConsolidatedView> all = new ArrayList<>(book.consolidated());
        for (String group : book.groups()) all.addAll(book.consolidated(group));
        return all;
    }

    public synchronized List<ConsolidatedView> consolidated(String group) {
        return group.isEmpty() ? book.consolidated() : book.consolidated(group);
    }

    /**
     * The feed's position: every event of the feed up to this sequence is reflected (0 before any); read without
     * the writer's lock.
     */
    public long feedSequence() {
        return feedSequence;
    }

    /** Starts the feed's position at its stored cursor (start-up). */
    public synchronized void resumeFeed(String source) {
        feedSequence = Math.max(feedSequence, store.feedCursor(source));
    }

    /** The book's session date: the latest trade date seen (null before any). */
    public synchronized LocalDate sessionDate() {
        return book.sessionDate();
    }

    /** The last stored fill sequence applied. */
    public synchronized long seq() {
        return seq;
    }

    public synchronized long redisFailures() {
        return redisFailures;
    }

    /**
     * The current state as one {@link Change}, and {@code listener} registered for every later change, with no
     * gap between the two. The listener runs on the writer thread: it must not block.
     */
    public synchronized Change subscribe(Consumer<Change> listener) {
        List<BalanceView> balances = new ArrayList<>();
        for (AccountId account : book.accounts()) balances.add(book.balances(account));
        Change snapshot = new Change(seq, allPositions(), balances, consolidated());
        listeners.add(listener);
        return snapshot;
    }

    public void unsubscribe(Consumer<Change> listener) {
        listeners.remove(listener);
    }

    // ------------------------------------------------------------------ internals

    private void rebuildBook() {
        PositionBook fresh = newBook.get();
        long last = StoreReplay.replay(store, fresh);
        book = fresh;
        seq = last;
        LOG.info("positions rebuilt from PostgreSQL up to fill seq {} ({} accounts)", last, fresh.accounts().size());
    }

    private void rewriteRedis() {
        try {
            redis.rewrite(seq, redisState.all(book));
            redisStale = false;
        } catch (RuntimeException e) {
            redisFailed(e);
        }
    }

    private void publish(Map<AccountId, Set<InstrumentId>> touched, List<String> messages) {
        if (touched.isEmpty()) return;
        try {
            boolean intact = redis.update(seq, redisState.of(book, touched), messages);
            if (!intact || redisStale) {
                LOG.warn("Redis had lost the positions state (flushed or restarted): rewriting it from the book");
                rewriteRedis();
            }
        } catch (RuntimeException e) {
            redisFailed(e);
        }
        if (!listeners.isEmpty()) {
            List<PositionView> positions = new ArrayList<>();
            List<BalanceView> balances = new ArrayList<>();
            Set<InstrumentId> instruments = new java.util.TreeSet<>();
            for (Map.Entry<AccountId, Set<InstrumentId>> e : touched.entrySet()) {
                for (InstrumentId i : e.getValue()) book.position(e.getKey(), i).ifPresent(positions::add);
                balances.add(book.balances(e.getKey()));
                instruments.addAll(e.getValue());
            }
            List<ConsolidatedView> desk = new ArrayList<>();
            for (InstrumentId i : instruments) {
                book.consolidated("", i).ifPresent(desk::add);
                for (String g : book.groups()) book.consolidated(g, i).ifPresent(desk::add);
            }
            Change change = new Change(seq, positions, balances, desk);
            for (Consumer<Change> l : listeners) l.accept(change);
        }
    }

    private void redisFailed(RuntimeException e) {
        redisStale = true;
        if (redisFailures++ % 1000 == 0) LOG.warn("Redis write failed ({} so far): {}", redisFailures, e.toString());
    }
}
