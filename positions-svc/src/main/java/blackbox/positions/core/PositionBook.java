package blackbox.positions.core;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;
import blackbox.platform.domain.B3Calendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The positions core: every account's positions, cash ledger and the desk's consolidated view, driven by
 * {@link Fill}s, openings, marks (last trades) and futures settlement prices. Pure: no clock, no I/O, no
 * threads; one thread calls it (the service's writer), reads included.
 *
 * <p>Applying a fill is idempotent by ExecID; a TRADE_CANCEL reverses the trade it names; a TRADE_CORRECT
 * reverses it and applies its own quantity and price. Because every figure of a day is a function of the day's
 * totals ({@link PositionState}), reversal is exact and the order of a day's fills does not matter.
 *
 * <p>A fill for a later trade date than a position's rolls that position to the new day: the close becomes the
 * opening (futures marked to the settlement price), the day's totals restart. Fills, cancels and corrections of
 * a day a position already left are refused ({@link RejectReason#CLOSED_DAY}).
 */
public final class PositionBook {
    /**
     * A position's key. The record's own hash ({@code 31 × account + instrument}) collides massively on the desk's
     * sequential account codes and similar tickers (1,000 accounts × 20 instruments filled HashMap bins into trees);
     * the account's hash is scrambled by the golden ratio first.
     */
    private record Key(AccountId account, InstrumentId instrument) {
        @Override
        public int hashCode() {
            return account.hashCode() * 0x9E3779B9 + instrument.hashCode();
        }
    }

    private record PriceKey(InstrumentId instrument, LocalDate date) {
    }

    /** A trade as it stands (a correction's own ExecID maps to its corrected trade), or a cancel. */
    private static final class Applied {
        final Fill fill;
        boolean reversed;

        Applied(Fill fill, boolean reversed) {
            this.fill = fill;
            this.reversed = reversed;
        }
    }

    /** Sums over accounts of one instrument, for all accounts or one group. */
    private static final class Totals {
        final InstrumentSpec spec;
        int accounts;
        long qty;
        long cost;
        long buyQty;
        long sellQty;
        long dtQty;
        long realized;
        long costs;

        Totals(InstrumentSpec spec) {
            this.spec = spec;
        }
    }

    private final InstrumentMaster master;
    private final FeeTable fees;
    private final B3Calendar calendar;
    private final AccountGroups groups;

    private final Map<Key, PositionState> states = new HashMap<>();
    private final Map<AccountId, TreeMap<InstrumentId, PositionState>> byAccount = new TreeMap<>();
    private final Map<InstrumentId, List<PositionState>> byInstrument = new HashMap<>();
    private final Map<AccountId, CashLedger> ledgers = new HashMap<>();
    private final Map<String, Applied> applied = new HashMap<>();
    private final Map<InstrumentId, Totals> totals = new TreeMap<>();
    private final Map<String, TreeMap<InstrumentId, Totals>> groupTotals = new TreeMap<>();
    private final Map<InstrumentId, Long> marks = new HashMap<>();
    private final Map<PriceKey, Long> settlementPrices = new HashMap<>();
    private LocalDate sessionDate;

    // the state's figures before a change (one thread)
    private long bQty;
    private long bCost;
    private long bBuy;
    private long bSell;
    private long bDt;
    private long bRealized;
    private long bCosts;
    private long bCash;

    public PositionBook(InstrumentMaster master, FeeTable fees, B3Calendar calendar, AccountGroups groups) {
        this.master = master;
        this.fees = fees;
        this.calendar = calendar;
        this.groups = groups;
    }

    // ------------------------------------------------------------------ inputs

    /**
     * Checks {@code fill} without applying it: the outcome {@link #apply} would give, except that an acceptable
     * fill answers null. Lets the service store the fill before the core changes.
     */
    public FillOutcome check(Fill fill) {
        if (applied.containsKey(fill.execId())) return new FillOutcome.Duplicate(fill.execId());
        if (master.find(fill.instrument()).isEmpty()) {
            return reject(fill, RejectReason.UNKNOWN_INSTRUMENT, "instrument is not in the instrument master: instrument="
                    + fill.instrument());
        }
        LocalDate date = fill.tradeDate();
        if (fill.execType() != ExecType.TRADE) {
            Applied ref = applied.get(fill.execRefId());
            if (ref == null || ref.fill.execType() == ExecType.TRADE_CANCEL) {
                return reject(fill, RejectReason.UNKNOWN_EXEC_REF, "exec_ref_id names no applied trade: exec_ref_id=\""
                        + fill.execRefId() + "\"");
            }
            if (ref.reversed) {
                return reject(fill, RejectReason.ALREADY_REVERSED, "exec_ref_id names a trade already cancelled or corrected: "
                        + "exec_ref_id=\"" + fill.execRefId() + "\"");
            }
            if (!ref.fill.account().equals(fill.account()) || !ref.fill.instrument().equals(fill.instrument())) {
                return reject(fill, RejectReason.MISMATCHED_REF, "exec_ref_id names a trade of account " + ref.fill.account()
                        + " in " + ref.fill.instrument() + ": account=" + fill.account() + ", instrument=" + fill.instrument());
            }
            date = ref.fill.tradeDate();
        }
        if (closedBefore != null && date.isBefore(closedBefore)) {
            return reject(fill, RejectReason.CLOSED_DAY, "trade_date is before " + closedBefore + ", the day the book "
                    + "opened, which closed the days before it: trade_date=" + date);
        }
        PositionState state = states.get(new Key(fill.account(), fill.instrument()));
        if (state != null && state.tradeDate.isAfter(date)) {
            return reject(fill, RejectReason.CLOSED_DAY, "trade_date is before the position's current day "
                    + state.tradeDate + ", which closed it: trade_date=" + date);
        }
        return null;
    }

    /**
     * Applies one fill, cancel or correction.
     *
     * @return {@link FillOutcome.Applied} with the changes, {@link FillOutcome.Duplicate} when the ExecID was
     *     applied before, or {@link FillOutcome.Rejected} naming the field and value
     */
    public FillOutcome apply(Fill fill) {
        if (fill.execType() == ExecType.TRADE) {
            // the hot path: one lookup of the state, the refusals of check() inline
            PositionState state = states.get(new Key(fill.account(), fill.instrument()));
            if (state != null && state.tradeDate.equals(fill.tradeDate())) {
                if (applied.putIfAbsent(fill.execId(), new Applied(fill, false)) != null) {
                    return new FillOutcome.Duplicate(fill.execId());
                }
                before(state);
                state.add(fill.side(), fill.quantity(), fill.priceE4(), fill.orderId(), 1);
                return after(state, fill.execId());
            }
        }
        FillOutcome refused = check(fill);
        if (refused != null) return refused;
        InstrumentSpec spec = master.find(fill.instrument()).orElseThrow();
        switch (fill.execType()) {
            case TRADE -> {
                PositionState state = stateOn(fill.account(), fill.instrument(), spec, fill.tradeDate());
                before(state);
                state.add(fill.side(), fill.quantity(), fill.priceE4(), fill.orderId(), 1);
                applied.put(fill.execId(), new Applied(fill, false));
                return after(state, fill.execId());
            }
            case TRADE_CANCEL -> {
                Applied ref = applied.get(fill.execRefId());
                Fill trade = ref.fill;
                PositionState state = stateOn(trade.account(), trade.instrument(), spec, trade.tradeDate());
                before(state);
                state.add(trade.side(), trade.quantity(), trade.priceE4(), trade.orderId(), -1);
                ref.reversed = true;
                applied.put(fill.execId(), new Applied(fill, true));
                return after(state, fill.execId());
            }
            case TRADE_CORRECT -> {
                Applied ref = applied.get(fill.execRefId());
                Fill trade = ref.fill;
                PositionState state = stateOn(trade.account(), trade.instrument(), spec, trade.tradeDate());
                before(state);
                state.add(trade.side(), trade.quantity(), trade.priceE4(), trade.orderId(), -1);
                Fill corrected = new Fill(fill.execId(), ExecType.TRADE_CORRECT, fill.execRefId(), trade.account(),
                        trade.instrument(), fill.side(), fill.quantity(), fill.priceE4(), fill.tsEventNanos(),
                        trade.tradeDate(), fill.orderId().isEmpty() ? trade.orderId() : fill.orderId());
                state.add(corrected.side(), corrected.quantity(), corrected.priceE4(), corrected.orderId(), 1);
                ref.reversed = true;
                applied.put(fill.execId(), new Applied(corrected, false));
                return after(state, fill.execId());
            }
        }
        throw new AssertionError(fill.execType());
    }

    /** The last trade price of an instrument (marketdata-svc), for unrealized P&amp;L. {@code priceE4 > 0}. */
    public void mark(InstrumentId instrument, long priceE4) {
        if (priceE4 <= 0) throw new IllegalArgumentException("mark price must be > 0: price=" + Scaled.price(priceE4));
        marks.put(instrument, priceE4);
    }

    /**
     * The settlement price (preço de ajuste) of a future for a trade date: every position of that instrument on
     * that date gets its daily adjustment, settling D+1 (b3-trading.md §5). Setting it again replaces it (the
     * adjustment moves by the difference). A carried position still on an earlier day is rolled onto the date
     * first (it exists that day without trades); positions reaching the date later (a replay) take it then.
     *
     * @return the accounts whose cash changed
     */
    public List<AccountId> settle(InstrumentId instrument, LocalDate tradeDate, long priceE4) {
        noteDate(tradeDate);
        if (priceE4 <= 0) throw new IllegalArgumentException("settlement price must be > 0: price=" + Scaled.price(priceE4));
        settlementPrices.put(new PriceKey(instrument, tradeDate), priceE4);
        List<AccountId> changed = new ArrayList<>();
        for (PositionState state : byInstrument.getOrDefault(instrument, List.of())) {
            if (state.spec.segment() != Segment.FUTURE || state.tradeDate.isAfter(tradeDate)) continue;
            if (state.tradeDate.isBefore(tradeDate)) roll(state, tradeDate); // carried: it exists on that date too
            before(state);
            state.settlementPriceE4 = priceE4;
            after(state, "");
            changed.add(state.account);
        }
        return changed;
    }

    /**
     * Sets a position's opening for a trade date (broker file, or a stored day's opening at rebuild). A position
     * still on an earlier day is rolled first; one on that day keeps its fills and is re-derived on the new
     * opening.
     *
     * @return empty, or the refusal (unknown instrument; the position is already past that date)
     */
    public Optional<FillOutcome.Rejected> setOpening(OpeningPosition opening) {
        Optional<InstrumentSpec> spec = master.find(opening.instrument());
        if (spec.isEmpty()) {
            return Optional.of(new FillOutcome.Rejected("", RejectReason.UNKNOWN_INSTRUMENT,
                    "instrument is not in the instrument master: instrument=" + opening.instrument()));
        }
        PositionState existing = states.get(new Key(opening.account(), opening.instrument()));
        if (existing != null && existing.tradeDate.isAfter(opening.tradeDate())) {
            return Optional.of(new FillOutcome.Rejected("", RejectReason.CLOSED_DAY, "trade_date is before the position's "
                    + "current day " + existing.tradeDate + ": trade_date=" + opening.tradeDate()));
        }
        PositionState state = stateOn(opening.account(), opening.instrument(), spec.get(), opening.tradeDate());
        before(state);
        state.openingQty = opening.quantity();
        state.openingCost = opening.cost();
        after(state, "");
        return Optional.empty();
    }

    /** Sets an account's opening cash for a trade date; flows of earlier trade dates are superseded. */
    public void setOpeningCash(OpeningCash cash) {
        noteDate(cash.tradeDate());
        LocalDate d = cash.tradeDate();
        Map<LocalDate, Long> amounts = new LinkedHashMap<>();
        amounts.put(d, cash.d0());
        amounts.merge(calendar.plusBusinessDays(d, 1), cash.d1() - cash.d0(), Long::sum);
        amounts.merge(calendar.plusBusinessDays(d, 2), cash.d2() - cash.d1(), Long::sum);
        ledger(cash.account()).setOpening(d, amounts);
    }

    /**
     * Starts trade date {@code date} for every position still on an earlier day (the session's open): each
     * close becomes the opening. Returns the openings of {@code date} for every position, to store.
     */
    public List<OpeningPosition> openDay(LocalDate date) {
        noteDate(date);
        closeDaysBefore(date);
        List<OpeningPosition> openings = new ArrayList<>();
        for (TreeMap<InstrumentId, PositionState> account : byAccount.values()) {
            for (PositionState state : account.values()) {
                if (state.tradeDate.isBefore(date)) roll(state, date);
                if (state.tradeDate.equals(date)) {
                    openings.add(new OpeningPosition(date, state.account, state.instrument, state.openingQty,
                            state.openingCost));
                }
            }
        }
        return openings;
    }

    /**
     * Refuses, from now on, every fill, cancel or correction of a trade date before {@code date} (CLOSED_DAY): once a
     * day is open its opening holds the days before it, so a late fill of an earlier day cannot be kept consistently
     * (it must come through a new opening). {@link #openDay} does it; a rebuild does it for the latest stored opening.
     */
    public void closeDaysBefore(LocalDate date) {
        if (closedBefore == null || date.isAfter(closedBefore)) closedBefore = date;
    }

    /**
     * The account's opening cash for trade date {@code date}: its balances projected from {@code date} counting
     * the opening and the fills of earlier trade dates only (what {@link #setOpeningCash} takes back).
     */
    public OpeningCash openingCashOf(AccountId account, LocalDate date) {
        CashLedger ledger = ledgers.get(account);
        if (ledger == null) return new OpeningCash(date, account, 0, 0, 0);
        return new OpeningCash(date, account,
                ledger.balanceBefore(date, calendar.plusBusinessDays(date, 0)),
                ledger.balanceBefore(date, calendar.plusBusinessDays(date, 1)),
                ledger.balanceBefore(date, calendar.plusBusinessDays(date, 2)));
    }

    /** The trade an ExecID applied, as it stands now (a correction's ExecID gives the corrected trade). */
    public Optional<Fill> trade(String execId) {
        Applied a = applied.get(execId);
        return a == null || a.fill.execType() == ExecType.TRADE_CANCEL ? Optional.empty() : Optional.of(a.fill);
    }

    /** The instrument master the book uses. */
    public InstrumentMaster master() {
        return master;
    }

    /**
     * Forgets trades of dates before {@code date} (they can no longer be cancelled or corrected, since their day
     * is closed): bounds memory. A later fill with one of their ExecIDs would then be applied again, so call it
     * only for dates the service's store rejects as duplicates anyway.
     */
    public void forgetTradesBefore(LocalDate date) {
        for (Iterator<Applied> it = applied.values().iterator(); it.hasNext(); ) {
            if (it.next().fill.tradeDate().isBefore(date)) it.remove();
        }
    }

    // ------------------------------------------------------------------ views

    /** The latest trade date seen (fills, openings, openDay); null before any. */
    public LocalDate sessionDate() {
        return sessionDate;
    }

    /** Accounts with positions or cash, in order. */
    public List<AccountId> accounts() {
        java.util.TreeSet<AccountId> all = new java.util.TreeSet<>(byAccount.keySet());
        all.addAll(ledgers.keySet());
        return List.copyOf(all);
    }

    public Optional<PositionView> position(AccountId account, InstrumentId instrument) {
        PositionState state = states.get(new Key(account, instrument));
        return state == null ? Optional.empty() : Optional.of(view(state));
    }

    /** The account's positions, by instrument. */
    public List<PositionView> positions(AccountId account) {
        List<PositionView> views = new ArrayList<>();
        for (PositionState state : byAccount.getOrDefault(account, new TreeMap<>()).values()) views.add(view(state));
        return views;
    }

    /** The account's balances projected from the session date (an account never seen: all zero). */
    public BalanceView balances(AccountId account) {
        LocalDate asOf = sessionDate == null ? LocalDate.EPOCH : sessionDate;
        return balances(account, asOf);
    }

    /** The account's balances projected from {@code asOf}. */
    public BalanceView balances(AccountId account, LocalDate asOf) {
        CashLedger ledger = ledgers.get(account);
        LocalDate d0Date = calendar.plusBusinessDays(asOf, 0);
        LocalDate d1Date = calendar.plusBusinessDays(asOf, 1);
        LocalDate d2Date = calendar.plusBusinessDays(asOf, 2);
        if (ledger == null) return new BalanceView(account, asOf, 0, 0, 0, 0, 0, d1Date, d2Date);
        long d0 = ledger.balanceOn(d0Date);
        long d1 = ledger.balanceOn(d1Date);
        long d2 = ledger.balanceOn(d2Date);
        return new BalanceView(account, asOf, d0, d1, d2, d1 - d0, d2 - d1, d1Date, d2Date);
    }

    /** The desk view of every instrument over all accounts, by instrument. */
    public List<ConsolidatedView> consolidated() {
        List<ConsolidatedView> views = new ArrayList<>();
        for (Map.Entry<InstrumentId, Totals> e : totals.entrySet()) views.add(view("", e.getKey(), e.getValue()));
        return views;
    }

    /** The desk view of every instrument of one client group, by instrument. */
    public List<ConsolidatedView> consolidated(String group) {
        List<ConsolidatedView> views = new ArrayList<>();
        for (Map.Entry<InstrumentId, Totals> e : groupTotals.getOrDefault(group, new TreeMap<>()).entrySet()) {
            views.add(view(group, e.getKey(), e.getValue()));
        }
        return views;
    }

    /** The desk row of one instrument over all accounts ({@code group} empty) or one group. */
    public Optional<ConsolidatedView> consolidated(String group, InstrumentId instrument) {
        Totals t = group.isEmpty() ? totals.get(instrument)
                : groupTotals.getOrDefault(group, new TreeMap<>()).get(instrument);
        return t == null ? Optional.empty() : Optional.of(view(group, instrument, t));
    }

    /** Every mark (last trade price, 1e-4) by instrument. */
    public Map<InstrumentId, Long> marks() {
        return new TreeMap<>(marks);
    }

    /** The client groups with positions, in order. */
    public List<String> groups() {
        return List.copyOf(groupTotals.keySet());
    }

    /** The group of an account (for the Redis and gRPC adapters). */
    public String groupOf(AccountId account) {
        return groups.groupOf(account);
    }

    public Optional<Long> markOf(InstrumentId instrument) {
        return Optional.ofNullable(marks.get(instrument));
    }

    // ------------------------------------------------------------------ internals

    private FillOutcome.Rejected reject(Fill fill, RejectReason reason, String message) {
        return new FillOutcome.Rejected(fill.execId(), reason, message);
    }

    private LocalDate closedBefore;

    private void noteDate(LocalDate date) {
        if (sessionDate == null || date.isAfter(sessionDate)) sessionDate = date;
    }

    /** The state of (account, instrument) on {@code date}: created, or rolled forward to it. */
    private PositionState stateOn(AccountId account, InstrumentId instrument, InstrumentSpec spec, LocalDate date) {
        noteDate(date);
        Key key = new Key(account, instrument);
        PositionState state = states.get(key);
        if (state == null) {
            state = new PositionState(account, instrument, spec, groups.groupOf(account), date);
            states.put(key, state);
            byAccount.computeIfAbsent(account, a -> new TreeMap<>()).put(instrument, state);
            byInstrument.computeIfAbsent(instrument, i -> new ArrayList<>()).add(state);
            Totals all = totals.computeIfAbsent(instrument, i -> new Totals(spec));
            Totals group = groupTotals.computeIfAbsent(state.group, g -> new TreeMap<>())
                    .computeIfAbsent(instrument, i -> new Totals(spec));
            all.accounts++;
            group.accounts++;
            state.ledger = ledger(account);
            state.deskTotals = all;
            state.groupDeskTotals = group;
            prepare(state);
            state.recompute(settlementDateOf(state));
        } else if (state.tradeDate.isBefore(date)) {
            roll(state, date);
        }
        return state;
    }

    private void roll(PositionState state, LocalDate date) {
        before(state);
        bCash = 0; // the closed day's cash stays in the ledger; the new day starts at zero
        state.rollTo(date);
        prepare(state);
        Long price = settlementPrices.get(new PriceKey(state.instrument, date));
        if (price != null && state.spec.segment() == Segment.FUTURE) state.settlementPriceE4 = price;
        state.recompute(settlementDateOf(state));
        after(state, "");
    }

    private void prepare(PositionState state) {
        state.useSchedule(fees.linesOn(state.tradeDate, state.spec.segment()));
        if (state.settlementPriceE4 == 0 && state.spec.segment() == Segment.FUTURE) {
            Long price = settlementPrices.get(new PriceKey(state.instrument, state.tradeDate));
            if (price != null) state.settlementPriceE4 = price;
        }
    }

    private LocalDate settlementDateOf(PositionState state) {
        return calendar.plusBusinessDays(state.tradeDate, state.spec.settlementDays());
    }

    private void before(PositionState s) {
        bQty = s.qty;
        bCost = s.cost;
        bBuy = s.buyQty;
        bSell = s.sellQty;
        bDt = s.dtQty;
        bRealized = s.realized();
        bCosts = s.costs;
        bCash = s.cash;
    }

    /** Re-derives {@code s}, posts the cash change and the desk totals' changes. */
    private FillOutcome.Applied after(PositionState s, String execId) {
        s.recompute(s.settlementDate);
        long dRealized = s.realized() - bRealized;
        long dCosts = s.costs - bCosts;
        long dCash = s.cash - bCash;
        s.ledger.post(s.tradeDate, s.settlementDate, dCash);
        addTo((Totals) s.deskTotals, s, dRealized, dCosts);
        addTo((Totals) s.groupDeskTotals, s, dRealized, dCosts);
        return new FillOutcome.Applied(execId, s.account, s.instrument, dRealized, dCosts, dCash, s.settlementDate);
    }

    private void addTo(Totals t, PositionState s, long dRealized, long dCosts) {
        t.qty += s.qty - bQty;
        t.cost += s.cost - bCost;
        t.buyQty += s.buyQty - bBuy;
        t.sellQty += s.sellQty - bSell;
        t.dtQty += s.dtQty - bDt;
        t.realized += dRealized;
        t.costs += dCosts;
    }

    private CashLedger ledger(AccountId account) {
        return ledgers.computeIfAbsent(account, a -> new CashLedger());
    }

    private PositionView view(PositionState s) {
        long mult = s.spec.multiplierE2();
        long excess = s.buyQty - s.sellQty;
        long excessValue = excess > 0 ? s.buyValue - s.dtBuyValue : s.sellValue - s.dtSellValue;
        Map<String, Long> lines = new LinkedHashMap<>();
        for (int i = 0; i < s.lines.length; i++) lines.merge(s.lines[i].name(), s.costLines[i], Long::sum);
        long mark = marks.getOrDefault(s.instrument, 0L);
        return new PositionView(s.account, s.instrument, s.group, s.spec.segment(), s.tradeDate,
                s.openingQty, Scaled.averagePrice(s.openingCost, s.openingQty, mult),
                s.buyQty, Scaled.averagePrice(s.buyValue, s.buyQty, mult),
                s.sellQty, Scaled.averagePrice(s.sellValue, s.sellQty, mult),
                s.dtQty, excess, Scaled.averagePrice(excess == 0 ? 0 : excessValue, excess, mult),
                s.qty, Scaled.averagePrice(s.cost, s.qty, mult), s.cost,
                s.realizedDayTrade, s.realizedSwing, s.realized(), s.costs, lines,
                mark, mark == 0 ? 0 : s.unrealized(mark),
                s.settlementPriceE4, s.ajuste, s.cash, s.settlementDate, mult);
    }

    private ConsolidatedView view(String group, InstrumentId instrument, Totals t) {
        long mark = marks.getOrDefault(instrument, 0L);
        long unrealized = mark == 0 ? 0 : Scaled.notional(mark, t.qty, t.spec.multiplierE2()) - t.cost;
        return new ConsolidatedView(group, instrument, t.accounts, t.qty,
                Scaled.averagePrice(t.cost, t.qty, t.spec.multiplierE2()), t.cost, t.buyQty, t.sellQty, t.dtQty,
                t.realized, t.costs, mark, unrealized);
    }
}
