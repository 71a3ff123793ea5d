package blackbox.gateway.trading;

import blackbox.platform.domain.InstrumentId;
import java.math.BigDecimal;

/**
 * One order's execution reports, derived from the successive snapshots the DLL gives of it (the pure core of the
 * trading API: no I/O, no clock, no threads; confined to the engine's consumer thread).
 *
 * <p>Rules (trading.proto, profitdll-api.md §2.3, §7.3):
 * <ul>
 *   <li>a fill is a growth of TradedQuantity: one {@link ExecType#TRADE} with LastQty = Δ and LastPx from the two
 *       average prices ({@link Prices#lastPx}); a snapshot that also changes the status (a fill then a cancel)
 *       gives the TRADE first, then the status report;</li>
 *   <li>a new status gives the report of {@link DllOrderStatus}; a change of price, stop or quantity outside
 *       PendingReplace gives {@link ExecType#REPLACED};</li>
 *   <li>the same snapshot again (a repeated notification) gives nothing; an older one (lower EventID or
 *       TradedQuantity, or a live state after a closed one) is ignored and counted;</li>
 *   <li>every report is checked: LeavesQty + CumQty = OrderQty while live, LeavesQty = 0 once closed, CumQty ≤
 *       OrderQty; a violation is counted and said in the report's text, never corrected.</li>
 * </ul>
 *
 * <p>ExecIDs are functions of the DLL's state, so reading the same state again (a duplicate notification, a
 * reconciliation after a routing drop) never makes a second ExecID for the same event. With {@code R} the
 * ClOrderID (or {@code L<generation>.<LocalOrderID>} before the DLL names one):
 * {@code R-T<CumQty>} a fill (the fill that brought CumQty to that value), {@code R-S<status>-<n>} the n-th entry
 * into a status, {@code R-R<n>} the n-th amendment, {@code R-O<status>-<CumQty>} a state read back,
 * {@code R-M<MessageID>-<code>} a trading message, {@code R-U<drop>} an unknown outcome after the drop-th routing drop.
 */
public final class OrderTracker {
    private final TradingCounters counters;
    private IdempotencyKey key;
    private OrderIntent intent;
    private String clOrderId = "";
    private long localOrderId;
    private long generation;
    private long newMessageId;
    private OrderSnapshot last;
    private int replaces;
    private int[] entered = new int[0]; // pairs (status, times entered)
    private String rejectText = "";
    private boolean unknownOutstanding;
    private boolean rejectReported;
    private boolean pendingNewReported;
    private int refusedChanges;
    private int refusedCancels;

    /** An order this gateway sent: known by its intent before the DLL says anything of it. */
    public OrderTracker(TradingCounters counters, OrderIntent intent, long generation, long localOrderId, long messageId) {
        this.counters = counters;
        this.intent = intent;
        this.key = intent.key();
        this.generation = generation;
        this.localOrderId = localOrderId;
        this.newMessageId = messageId;
    }

    /** An order first seen in a DLL snapshot (sent from elsewhere, or before this gateway started). */
    public OrderTracker(TradingCounters counters, long generation) {
        this.counters = counters;
        this.generation = generation;
    }

    // ------------------------------------------------------------------ identity

    public IdempotencyKey key() {
        return key;
    }

    /** Binds the caller's key (an in-doubt intent resolved against the DLL's history). */
    public void bind(OrderIntent intent) {
        this.intent = intent;
        this.key = intent.key();
    }

    public OrderIntent intent() {
        return intent;
    }

    public String clOrderId() {
        return clOrderId;
    }

    public long localOrderId() {
        return localOrderId;
    }

    public long generation() {
        return generation;
    }

    /** The LocalOrderID of this order in DLL session {@code generation} (each session numbers the orders anew). */
    public void relocate(long generation, long localOrderId) {
        this.generation = generation;
        this.localOrderId = localOrderId;
    }

    public long newMessageId() {
        return newMessageId;
    }

    /** The last snapshot, {@code null} before the DLL said anything. */
    public OrderSnapshot last() {
        return last;
    }

    /** Closed: no execution can follow. */
    public boolean closed() {
        return last != null && DllOrderStatus.of(last.status()).terminal() || rejectReported;
    }

    /**
     * In flight: sent and not yet acknowledged by the venue (no snapshot, or a pending-new state), or with a cancel
     * or replace pending. Its outcome is unknown when routing drops.
     */
    public boolean inFlight() {
        if (rejectReported) return false;
        if (last == null) return true;
        DllOrderStatus s = DllOrderStatus.of(last.status());
        return !s.terminal() && (s.pendingNew() || s.pendingRequest());
    }

    /** An UNKNOWN report was sent and no state has been read since. */
    public boolean unknownOutstanding() {
        return unknownOutstanding;
    }

    private String ref() {
        if (!clOrderId.isEmpty()) return clOrderId;
        if (localOrderId == 0 && key != null) return "K" + key.value(); // refused before the DLL numbered it
        return "L" + generation + "." + localOrderId;
    }

    // ------------------------------------------------------------------ derivation

    /**
     * A snapshot from the order callback or from a reconciliation read.
     *
     * @param tsInit when the gateway saw it (UTC ns)
     */
    public void onSnapshot(OrderSnapshot s, long tsInit, ReportSink sink) {
        OrderSnapshot p = last;
        if (p != null && stale(p, s)) {
            counters.stale();
            return;
        }
        adopt(s);
        if (p != null && s.sameStateAs(p)) {
            counters.duplicate();
            last = s;
            if (unknownOutstanding) emitOrderStatus(s, tsInit, sink);
            return;
        }
        last = s;
        long tsEvent = s.updatedNanos() > 0 ? s.updatedNanos() : tsInit;
        DllOrderStatus st = DllOrderStatus.of(s.status());
        long cum0 = p == null ? 0 : p.cumQty();
        boolean emitted = false;
        if (s.cumQty() > cum0) {
            BigDecimal avg1 = Prices.averageFromDll(s.avgPrice());
            BigDecimal avg0 = p == null ? BigDecimal.ZERO : Prices.averageFromDll(p.avgPrice());
            BigDecimal lastPx = Prices.lastPx(avg0, cum0, avg1, s.cumQty());
            // A closed state other than filled came after the fill (nothing trades once canceled): the TRADE
            // reports the order as it was just after the fill.
            boolean closedOtherwise = st.terminal() && s.status() != DllOrderStatus.FILLED;
            OrdStatus ordStatus = closedOtherwise ? DllOrderStatus.liveStatus(s.orderQty(), s.cumQty())
                    : st.ordStatus(s.orderQty(), s.cumQty());
            long leaves = closedOtherwise ? s.orderQty() - s.cumQty() : s.leavesQty();
            sink.accept(report(ref() + "-T" + s.cumQty(), ExecType.TRADE, ordStatus, s, s.cumQty(), leaves,
                    s.cumQty() - cum0, lastPx, s.text(), 0, 0, tsEvent, tsInit));
            emitted = true;
        }
        boolean amended = p != null && s.amendedFrom(p) && s.status() != DllOrderStatus.PENDING_REPLACE;
        if (amended) {
            replaces++;
            sink.accept(report(ref() + "-R" + replaces, ExecType.REPLACED, st.ordStatus(s.orderQty(), s.cumQty()), s,
                    s.cumQty(), s.leavesQty(), 0, null, s.text(), 0, 0, tsEvent, tsInit));
            emitted = true;
        }
        boolean statusChanged = p == null || p.status() != s.status();
        if (statusChanged) {
            int n = enter(s.status());
            boolean coveredByTrade = emitted && (s.status() == DllOrderStatus.PARTIALLY_FILLED || s.status() == DllOrderStatus.FILLED);
            boolean coveredByReplace = amended && s.status() == DllOrderStatus.REPLACED;
            boolean rejectAgain = st.ordStatus() == OrdStatus.REJECTED && rejectReported;
            if (!coveredByTrade && !coveredByReplace && !rejectAgain) {
                ExecType type = st.execType() == ExecType.TRADE ? ExecType.ORDER_STATUS : st.execType();
                String text = s.text().isEmpty() && st.ordStatus() == OrdStatus.REJECTED ? rejectText : s.text();
                if (!DllOrderStatus.known(s.status())) text = join(st.label(), text);
                sink.accept(report(ref() + "-S" + s.status() + "-" + n, type, st.ordStatus(s.orderQty(), s.cumQty()), s,
                        s.cumQty(), s.leavesQty(), 0, null, text, 0, 0, tsEvent, tsInit));
                emitted = true;
            }
            if (st.ordStatus() == OrdStatus.REJECTED) rejectReported = true;
        }
        if (emitted) unknownOutstanding = false;
        else if (unknownOutstanding) emitOrderStatus(s, tsInit, sink);
    }

    /**
     * The first sight of an order in the DLL's history when this gateway has no earlier state of it (a fresh
     * start): one {@link ExecType#ORDER_STATUS}, never TRADEs, because what the caller already knows is unknown
     * here; it reconciles by CumQty.
     */
    public void onInitial(OrderSnapshot s, long tsInit, ReportSink sink) {
        if (last != null) {
            onSnapshot(s, tsInit, sink);
            return;
        }
        adopt(s);
        last = s;
        enter(s.status());
        if (DllOrderStatus.of(s.status()).ordStatus() == OrdStatus.REJECTED) rejectReported = true;
        emitOrderStatus(s, tsInit, sink);
    }

    private void emitOrderStatus(OrderSnapshot s, long tsInit, ReportSink sink) {
        DllOrderStatus st = DllOrderStatus.of(s.status());
        String text = DllOrderStatus.known(s.status()) ? s.text() : join(st.label(), s.text());
        sink.accept(report(ref() + "-O" + s.status() + "-" + s.cumQty(), ExecType.ORDER_STATUS,
                st.ordStatus(s.orderQty(), s.cumQty()), s, s.cumQty(), s.leavesQty(), 0, null, text, 0, 0,
                s.updatedNanos() > 0 ? s.updatedNanos() : tsInit, tsInit));
        unknownOutstanding = false;
    }

    private void adopt(OrderSnapshot s) {
        if (!s.clOrderId().isEmpty()) clOrderId = s.clOrderId();
        if (s.localOrderId() > 0) localOrderId = s.localOrderId();
    }

    private static boolean stale(OrderSnapshot p, OrderSnapshot s) {
        if (s.eventId() != 0 && p.eventId() != 0 && s.eventId() < p.eventId()) return true;
        if (s.cumQty() < p.cumQty()) return true;
        if (DllOrderStatus.of(p.status()).terminal() && !DllOrderStatus.of(s.status()).terminal()) return true;
        return s.updatedNanos() != 0 && p.updatedNanos() != 0 && s.updatedNanos() < p.updatedNanos();
    }

    /** The number of times the order has entered {@code status}, this one included. */
    private int enter(int status) {
        for (int i = 0; i < entered.length; i += 2) {
            if (entered[i] == status) return ++entered[i + 1];
        }
        int[] grown = java.util.Arrays.copyOf(entered, entered.length + 2);
        grown[entered.length] = status;
        grown[entered.length + 1] = 1;
        entered = grown;
        return 1;
    }

    /**
     * A trading message for a request on this order. The first progress of a new order not yet acknowledged gives
     * PENDING_NEW (later progress messages — SentToBroker, SentToMarket — say nothing new to a FIX client); a refused new order REJECTED (once, whichever of the message and the order callback comes first);
     * a refused change or cancel REPLACE_REJECTED / CANCEL_REJECTED. Anything else only updates nothing.
     */
    public void onMessage(TradingMessage m, RequestKind kind, long tsInit, ReportSink sink) {
        if (m.localOrderId() > 0 && localOrderId == 0) localOrderId = m.localOrderId();
        if (!m.clOrderId().isEmpty() && clOrderId.isEmpty()) clOrderId = m.clOrderId();
        String execId = ref() + "-M" + m.messageId() + "-" + m.resultCode();
        String text = join(m.codeLabel(), m.message());
        switch (kind) {
            case NEW -> {
                if (m.progress() && !acknowledged() && !pendingNewReported) {
                    pendingNewReported = true;
                    sink.accept(report(execId, ExecType.PENDING_NEW, OrdStatus.PENDING_NEW, last, cum(), leaves(), 0, null,
                            text, m.messageId(), m.resultCode(), tsInit, tsInit));
                    unknownOutstanding = false;
                } else if (m.rejected()) {
                    rejectText = text;
                    if (!closed()) {
                        rejectReported = true;
                        sink.accept(report(execId, ExecType.REJECTED, OrdStatus.REJECTED, last, cum(), 0, 0, null, text,
                                m.messageId(), m.resultCode(), tsInit, tsInit));
                        unknownOutstanding = false;
                    }
                }
            }
            case CHANGE, CANCEL -> {
                if (m.rejected()) {
                    sink.accept(report(execId, kind == RequestKind.CHANGE ? ExecType.REPLACE_REJECTED : ExecType.CANCEL_REJECTED,
                            currentStatus(), last, cum(), leaves(), 0, null, text, m.messageId(), m.resultCode(), tsInit, tsInit));
                }
            }
        }
    }

    /**
     * A change or cancel the DLL refused at once (its NResult): REPLACE_REJECTED / CANCEL_REJECTED. ExecID
     * {@code R-X<R|C><n>}: the n-th request of that kind the DLL refused.
     */
    public void onRefused(RequestKind kind, String text, long tsInit, ReportSink sink) {
        boolean change = kind == RequestKind.CHANGE;
        int n = change ? ++refusedChanges : ++refusedCancels;
        sink.accept(report(ref() + "-X" + (change ? "R" : "C") + n, change ? ExecType.REPLACE_REJECTED : ExecType.CANCEL_REJECTED,
                currentStatus(), last, cum(), leaves(), 0, null, text, 0, 0, tsInit, tsInit));
    }

    /** SendOrder itself refused the order (a negative NResult): REJECTED, ExecID {@code R-XS}; nothing was sent. */
    public void onSendRefused(String text, long tsInit, ReportSink sink) {
        rejectReported = true;
        rejectText = text;
        sink.accept(report(ref() + "-XS", ExecType.REJECTED, OrdStatus.REJECTED, null, 0, 0, 0, null, text, 0, 0, tsInit, tsInit));
    }

    /** Routing dropped: an in-flight order's outcome becomes unknown (EXEC_TYPE_UNKNOWN once per drop). */
    public boolean onRoutingLost(int drop, long tsInit, ReportSink sink) {
        if (!inFlight()) return false;
        unknownOutstanding = true;
        sink.accept(report(ref() + "-U" + drop, ExecType.UNKNOWN, OrdStatus.UNKNOWN, last, cum(), leaves(), 0, null,
                "routing dropped with the order in flight; its state is read again when routing is back", 0, 0,
                tsInit, tsInit));
        return true;
    }

    private boolean acknowledged() {
        if (rejectReported) return true;
        return last != null && !DllOrderStatus.of(last.status()).pendingNew();
    }

    private OrdStatus currentStatus() {
        if (last == null) return rejectReported ? OrdStatus.REJECTED : OrdStatus.PENDING_NEW;
        return DllOrderStatus.of(last.status()).ordStatus(last.orderQty(), last.cumQty());
    }

    private long cum() {
        return last == null ? 0 : last.cumQty();
    }

    private long leaves() {
        if (last != null) return last.leavesQty();
        return intent == null ? 0 : intent.quantity();
    }

    /** The order as it stands, for a SendOrder answer or a duplicate key (OrdStatus UNKNOWN while in doubt). */
    public ExecReport current(long tsInit) {
        OrdStatus status = unknownOutstanding ? OrdStatus.UNKNOWN : currentStatus();
        String text = last == null ? rejectText : last.text().isEmpty() ? rejectText : last.text();
        return report("", ExecType.ORDER_STATUS, status, last, cum(), leaves(), 0, null, text, 0, 0,
                last != null && last.updatedNanos() > 0 ? last.updatedNanos() : tsInit, tsInit);
    }

    private ExecReport report(String execId, ExecType type, OrdStatus ordStatus, OrderSnapshot s, long cum, long leaves,
                              long lastQty, BigDecimal lastPx, String text, long messageId, int resultCode,
                              long tsEvent, long tsInit) {
        AccountKey account;
        InstrumentId instrument;
        int side;
        int ordType;
        long qty;
        BigDecimal price;
        BigDecimal stop;
        BigDecimal avg;
        if (s != null) {
            account = s.account();
            instrument = s.instrument();
            side = s.side();
            ordType = s.orderType();
            qty = s.orderQty();
            price = Prices.fromDll(s.price());
            stop = Prices.fromDll(s.stopPrice());
            avg = Prices.averageFromDll(s.avgPrice());
        } else {
            account = intent.account();
            instrument = intent.instrument();
            side = intent.side() == null ? 0 : intent.side().code();
            ordType = intent.ordType() == null ? 0 : intent.ordType().code();
            qty = intent.quantity();
            price = intent.price();
            stop = intent.stopPrice();
            avg = BigDecimal.ZERO;
        }
        String check = check(ordStatus, qty, cum, leaves, s != null);
        if (!check.isEmpty()) {
            counters.invariantViolation();
            text = join(text, check);
        }
        return new ExecReport(execId, type, ordStatus, key == null ? null : key.value(), localOrderId, clOrderId, messageId,
                account, instrument, side, ordType, qty, price, stop, cum, leaves, avg, lastQty, lastPx, text,
                s == null ? -1 : s.status(), resultCode, tsEvent, tsInit);
    }

    /** The quantity invariants of FIX; empty when they hold. Checked only against the DLL's own numbers. */
    static String check(OrdStatus status, long qty, long cum, long leaves, boolean fromDll) {
        if (!fromDll) return "";
        if (cum > qty) return "[inconsistent: CumQty " + cum + " > OrderQty " + qty + "]";
        if (status.terminal()) {
            return leaves == 0 ? "" : "[inconsistent: closed with LeavesQty " + leaves + "]";
        }
        return leaves + cum == qty ? "" : "[inconsistent: LeavesQty " + leaves + " + CumQty " + cum + " != OrderQty " + qty + "]";
    }

    private static String join(String a, String b) {
        if (a == null || a.isEmpty()) return b == null ? "" : b;
        if (b == null || b.isEmpty()) return a;
        return a + ": " + b;
    }
}
