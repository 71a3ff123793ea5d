package blackbox.risk.core;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every limit, compiled for O(1) lookups: built once per change of the limits (never per check), then read by
 * {@link PreTradeCheck} with at most two hash lookups for the account×instrument record and one for the
 * strategy's. Immutable (the throttle windows it holds are mutated by the check).
 *
 * <p>Layout, exact for every pair without materialising all accounts × all instruments ever seen:
 * <ul>
 *   <li>for each account with account or account×instrument rows (set A): one record per instrument with
 *       instrument rows (set I) or with a row of that account×instrument, plus the account's record for every
 *       other instrument (desk ∧ account: no other rows can apply);</li>
 *   <li>for accounts outside A: the instrument's record (desk ∧ instrument) or the desk's;</li>
 *   <li>strategies: the strategy's own rows (desk rows are already in the account×instrument record).</li>
 * </ul>
 * Size: |A| × |I| records plus the pair rows; 1,000 accounts × 50 instruments is 50,000 records of 11 values.
 */
public final class LimitBook {
    /** No limits. */
    public static final LimitBook EMPTY = build(List.of());

    private final List<LimitRow> rows;
    private final ResolvedLimits desk;
    private final Map<AccountId, AccountLimits> accounts;
    private final Map<InstrumentId, ResolvedLimits> instruments;
    private final Map<StrategyId, ResolvedLimits> strategies;
    private final Map<Scope, RateWindow> windows;

    private record AccountLimits(ResolvedLimits otherInstruments, Map<InstrumentId, ResolvedLimits> byInstrument) {
    }

    private LimitBook(List<LimitRow> rows, ResolvedLimits desk, Map<AccountId, AccountLimits> accounts,
                      Map<InstrumentId, ResolvedLimits> instruments, Map<StrategyId, ResolvedLimits> strategies,
                      Map<Scope, RateWindow> windows) {
        this.rows = rows;
        this.desk = desk;
        this.accounts = accounts;
        this.instruments = instruments;
        this.strategies = strategies;
        this.windows = windows;
    }

    /**
     * Compiles {@code rows} (one per scope and kind; a later duplicate replaces an earlier one).
     *
     * @return a book with fresh throttle windows; {@link #carryOverWindows} moves the history of the book it replaces
     */
    public static LimitBook build(Collection<LimitRow> rows) {
        Map<Scope, Map<LimitKind, LimitRow>> byScope = new HashMap<>();
        for (LimitRow row : rows) byScope.computeIfAbsent(row.scope(), s -> new HashMap<>()).put(row.kind(), row);
        List<LimitRow> all = byScope.values().stream().flatMap(m -> m.values().stream()).toList();

        Map<Scope, RateWindow> windows = new HashMap<>();
        for (LimitRow row : all) {
            if (row.kind() == LimitKind.MAX_ORDERS_PER_SECOND) {
                windows.put(row.scope(), new RateWindow(row.scope(), (int) Math.min(row.value(), 1_000_000)));
            }
        }

        Set<InstrumentId> withInstrumentRows = new LinkedHashSet<>();
        Map<AccountId, Set<InstrumentId>> pairs = new HashMap<>();
        Set<AccountId> withAccountRows = new LinkedHashSet<>();
        for (Scope s : byScope.keySet()) {
            switch (s.type()) {
                case INSTRUMENT -> withInstrumentRows.add(s.instrumentId());
                case ACCOUNT -> withAccountRows.add(s.accountId());
                case ACCOUNT_INSTRUMENT -> {
                    withAccountRows.add(s.accountId());
                    pairs.computeIfAbsent(s.accountId(), a -> new LinkedHashSet<>()).add(s.instrumentId());
                }
                case DESK, STRATEGY -> { }
            }
        }

        Compiler compiler = new Compiler(byScope, windows);
        ResolvedLimits desk = compiler.resolve(List.of(Scope.DESK));
        Map<InstrumentId, ResolvedLimits> instruments = new HashMap<>();
        for (InstrumentId i : withInstrumentRows) {
            instruments.put(i, compiler.resolve(List.of(Scope.DESK, Scope.instrument(i))));
        }
        Map<AccountId, AccountLimits> accounts = new HashMap<>();
        for (AccountId a : withAccountRows) {
            Map<InstrumentId, ResolvedLimits> byInstrument = new HashMap<>();
            Set<InstrumentId> instrumentsOfAccount = new LinkedHashSet<>(withInstrumentRows);
            instrumentsOfAccount.addAll(pairs.getOrDefault(a, Set.of()));
            for (InstrumentId i : instrumentsOfAccount) {
                byInstrument.put(i, compiler.resolve(List.of(Scope.DESK, Scope.account(a), Scope.instrument(i),
                        Scope.accountInstrument(a, i))));
            }
            accounts.put(a, new AccountLimits(compiler.resolve(List.of(Scope.DESK, Scope.account(a))), byInstrument));
        }
        Map<StrategyId, ResolvedLimits> strategies = new HashMap<>();
        for (Scope s : byScope.keySet()) {
            if (s.type() == ScopeType.STRATEGY) strategies.put(s.strategyId(), compiler.resolve(List.of(s)));
        }
        return new LimitBook(List.copyOf(all), desk, accounts, instruments, strategies, windows);
    }

    /** Resolves a list of scopes (broadest first) into one record. */
    private record Compiler(Map<Scope, Map<LimitKind, LimitRow>> byScope, Map<Scope, RateWindow> windows) {
        ResolvedLimits resolve(List<Scope> broadestFirst) {
            List<LimitRow> rows = new ArrayList<>();
            List<RateWindow> ws = new ArrayList<>();
            for (Scope s : broadestFirst) {
                Map<LimitKind, LimitRow> m = byScope.get(s);
                if (m == null) continue;
                for (LimitKind k : LimitKind.values()) {
                    LimitRow r = m.get(k);
                    if (r != null) rows.add(r);
                }
                RateWindow w = windows.get(s);
                if (w != null) ws.add(w);
            }
            return rows.isEmpty() ? ResolvedLimits.NONE : ResolvedLimits.of(rows, ws);
        }
    }

    /** The compiled limits of an account in an instrument (desk ∧ account ∧ instrument ∧ account×instrument). No allocation. */
    public ResolvedLimits resolve(AccountId account, InstrumentId instrument) {
        AccountLimits a = accounts.get(account);
        if (a != null) {
            ResolvedLimits r = a.byInstrument.get(instrument);
            return r != null ? r : a.otherInstruments;
        }
        ResolvedLimits r = instruments.get(instrument);
        return r != null ? r : desk;
    }

    /** A strategy's own limits ({@link ResolvedLimits#NONE} for a manual order or a strategy without rows). */
    public ResolvedLimits strategy(StrategyId strategy) {
        if (strategies.isEmpty()) return ResolvedLimits.NONE;
        ResolvedLimits r = strategies.get(strategy);
        return r != null ? r : ResolvedLimits.NONE;
    }

    /** The rows this book was compiled from. */
    public List<LimitRow> rows() {
        return rows;
    }

    /**
     * Moves the recent acceptances of {@code previous}'s throttle windows into this book's windows of the same
     * scopes, so that a limit change does not reset a rate. Call under the check's lock, before installing this book.
     */
    public void carryOverWindows(LimitBook previous) {
        for (Map.Entry<Scope, RateWindow> e : windows.entrySet()) {
            RateWindow old = previous.windows.get(e.getKey());
            if (old != null) e.getValue().carryOver(old);
        }
    }

    /** Records compiled (for sizing and tests). */
    public int compiledRecords() {
        return 1 + instruments.size() + strategies.size()
                + accounts.values().stream().mapToInt(a -> 1 + a.byInstrument.size()).sum();
    }
}
