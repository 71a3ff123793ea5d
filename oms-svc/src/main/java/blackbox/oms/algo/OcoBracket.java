package blackbox.oms.algo;

import blackbox.oms.core.Algorithm;
import blackbox.oms.core.Prices;
import blackbox.platform.domain.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An OCO bracket ("one cancels the other") over a block: for each account a take-profit leg, a limit child at
 * {@code limit_price} sent at once (slice 1), and a protective stop leg held by oms-svc, not by the venue (slice 2),
 * for the account's whole quantity. The parent's side is the side that closes the position: a SELL protects a long
 * (take profit above the market, stop below), a BUY covers a short (mirrored).
 *
 * <p>The stop is <b>touched</b> when the tape trades at or through {@code stop_price} (a sell bracket: a trade at or
 * below it; a buy bracket: at or above), {@link #touches}. Then, in order: slice 2 is released (persisted by the engine
 * before anything else, so a restart never forgets the trigger), every open take-profit child is cancelled, and once
 * an account's take-profit child is out (cancelled, filled or ended) its stop child goes out as a limit at
 * {@code stop_limit_price} for what the take profit did not fill. Its ClOrdID is the account's slice-2 id
 * ({@link ParentOrder#childId}), so it is sent at most once, across restarts too. A stop the venue never had (oms-svc
 * killed between persisting and sending it: REJECTED by the reconciliation, {@link ChildState#withdrawn}) goes out
 * again under the account's next slice (3, 4, ...): a crash never leaves an account without its stop. Never two live
 * legs of one account: the stop waits for the take profit's end.
 *
 * <p>Ends: FILLED when every account has its quantity; if a leg fills after the other's cancel was confirmed (a fill
 * after CANCELED, the race the venue allows), an account ends with more than its quantity and the parent's text names
 * the excess per account ({@code both legs filled: excess 4512031 +100}) so the desk can flatten it at once. EXPIRED
 * when a leg ends unfilled by the venue's doing (the session's end, a rejection) — it is not re-sent, and a held stop
 * is not released after that. A kill switch or a trader's cancel is the engine's ({@code HALTED}, {@code CANCELED}):
 * a held stop dies with the parent.
 *
 * <p>Pure; decides on its children's events and on the touch the engine reports.
 */
public final class OcoBracket {
    /** The take-profit legs' slice. */
    public static final int TAKE_PROFIT = 1;
    /** The stop legs' slice, released when the stop is touched. */
    public static final int STOP = 2;
    /** How the text of a parent that ended with more than its quantity begins. */
    public static final String EXCESS = "both legs filled: excess ";

    private OcoBracket() {
    }

    /**
     * Whether trades between {@code low} and {@code high} (scaled prices, the range traded since the last look) touch the
     * stop of {@code parent}.
     *
     * @throws ClassCastException when {@code parent} is not an OCO bracket
     */
    public static boolean touches(ParentOrder parent, long low, long high) {
        Algorithm.Oco o = (Algorithm.Oco) parent.algorithm();
        return parent.side() == Side.SELL ? low > 0 && low <= o.stopPrice() : high > 0 && high >= o.stopPrice();
    }

    /**
     * @param released the slices released so far: 0 (nothing sent yet), {@link #TAKE_PROFIT}, or {@link #STOP} once
     *     touched
     * @param touched the engine saw the tape touch the stop ({@link #touches}) since the parent started
     */
    public static Decision decide(ParentOrder parent, int released, List<ChildState> children, boolean touched) {
        Algorithm.Oco o = (Algorithm.Oco) parent.algorithm();
        Children byAccount = Children.of(parent, children);
        Optional<Decision.Finished> end = ended(parent, byAccount);
        if (end.isPresent()) return new Decision(List.of(), released, Decision.NEVER, end);
        if (released < TAKE_PROFIT) {
            List<Action> sends = new ArrayList<>();
            for (AccountTarget a : parent.accounts()) {
                sends.add(new Action.Send(parent.childId(TAKE_PROFIT, a), a, TAKE_PROFIT, a.quantity(), o.limitPrice()));
            }
            return new Decision(sends, TAKE_PROFIT, Decision.NEVER, Optional.empty());
        }
        if (released < STOP && !touched) return new Decision(List.of(), released, Decision.NEVER, Optional.empty());
        // touched: cancel the take profits still working; an account whose take profit is out gets its stop once
        List<Action> actions = new ArrayList<>();
        int releasing = Math.max(released, STOP);
        for (AccountTarget a : parent.accounts()) {
            boolean takeProfitLive = false;
            boolean stopOut = false;
            int lastStop = 0;
            for (ChildState c : byAccount.of(a.index())) {
                if (c.slice() == TAKE_PROFIT && c.open()) {
                    takeProfitLive = true;
                    if (!c.cancelPending()) {
                        actions.add(new Action.Cancel(c.id(), "stop " + Prices.format(o.stopPrice()) + " touched"));
                    }
                }
                if (c.slice() >= STOP) {
                    lastStop = Math.max(lastStop, c.slice());
                    // withdrawn unfilled: the venue never had it (oms-svc died between persisting and sending it)
                    if (c.open() || !c.canceled() || c.cumQty() > 0) stopOut = true;
                }
            }
            long remaining = a.quantity() - byAccount.filled(a.index());
            if (takeProfitLive || stopOut || remaining <= 0 || released < STOP) continue;
            int slice = Math.max(STOP, lastStop + 1);
            releasing = Math.max(releasing, slice);
            actions.add(new Action.Send(parent.childId(slice, a), a, slice, remaining, o.stopLimitPrice()));
        }
        return new Decision(actions, releasing, Decision.NEVER, Optional.empty());
    }

    /** Each account's planned legs as PreviewBlock shows them: the take profits at {@code startNanos}, the stops on touch (0). */
    public static List<PlannedSlice> preview(ParentOrder parent) {
        java.util.Map<blackbox.platform.domain.AccountId, Long> q = new java.util.LinkedHashMap<>();
        for (AccountTarget a : parent.accounts()) q.put(a.account(), a.quantity());
        return List.of(new PlannedSlice(TAKE_PROFIT, parent.startNanos(), q), new PlannedSlice(STOP, 0, q));
    }

    /** FILLED (with any excess named), EXPIRED (a leg the venue ended unfilled), or empty while the bracket works. */
    private static Optional<Decision.Finished> ended(ParentOrder parent, Children byAccount) {
        boolean open = false;
        for (AccountTarget a : parent.accounts()) {
            for (ChildState c : byAccount.of(a.index())) {
                if (c.open()) {
                    open = true;
                } else if (c.cumQty() < c.orderQty() && !c.canceled() && byAccount.filled(a.index()) < a.quantity()) {
                    return Optional.of(new Decision.Finished(ParentStatus.EXPIRED, "leg " + c.id() + " ended with " + c.cumQty()
                            + " of " + c.orderQty() + " filled without a cancel: the bracket of " + a.account().value()
                            + " is over, nothing re-sent"));
                }
            }
        }
        if (!byAccount.filledAll() || open) return Optional.empty();
        StringBuilder excess = new StringBuilder();
        for (AccountTarget a : parent.accounts()) {
            long over = byAccount.filled(a.index()) - a.quantity();
            if (over > 0) excess.append(excess.isEmpty() ? "" : ", ").append(a.account().value()).append(" +").append(over);
        }
        return Optional.of(new Decision.Finished(ParentStatus.FILLED,
                excess.isEmpty() ? "every account filled" : EXCESS + excess));
    }
}
