package blackbox.oms.algo;

import blackbox.oms.core.Algorithm;
import blackbox.oms.core.Prices;
import blackbox.platform.domain.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "Cobrir até X" (keep covering the price up to X) over a block: each account keeps one limit child for what it still
 * has to get, priced at the best price of its side improved by {@code offset_ticks} (a buy bids above the best bid, a
 * sell offers below the best offer; 0 joins it), never beyond the cap, and re-priced as the book moves.
 *
 * <p>The price for a buy is {@code min(cap, bid + offset × tick)}, kept passive: when that reaches the offer it is
 * lowered to one tick under the offer (but never under the bid), so the order rests at the top of the book instead of
 * taking the offer. A sell mirrors it. The cap is X ({@code limit_price}) or the order's own limit when that is
 * stricter. Re-pricing is a cancel of the working child and, once it is out, a new child (the next slice of the
 * account) at the new price for what is left: never two working children of one account. No book side known: no new
 * child (a working one stays where it is). A child that ends unfilled without being cancelled (expired at the end of
 * the session, rejected) ends the parent EXPIRED: it is not re-sent. A child the venue never had (persisted, then
 * oms-svc killed before its send: REJECTED by the reconciliation after the restart, {@link ChildState#withdrawn})
 * counts as cancelled: the account's next slice goes out for what is left. Own orders are not in the book the gateway
 * reports (ProfitDLL's price depth is the market's; the simulator's README "Matching" says the same of its own).
 * Pure; no timer: it decides on its children's events and on book changes.
 */
public final class CoverUpTo {
    private CoverUpTo() {
    }

    /**
     * The price a child should rest at now, scaled; empty when the book does not show the side to follow.
     *
     * @throws ClassCastException when {@code parent} is not a cover
     */
    public static Optional<Long> target(ParentOrder parent, Quote quote) {
        Algorithm.CoverUpTo c = (Algorithm.CoverUpTo) parent.algorithm();
        long tick = c.tick();
        long improve = c.offsetTicks() * tick;
        if (parent.side() == Side.BUY) {
            if (quote.bid() <= 0) return Optional.empty();
            long cap = parent.price() > 0 ? Math.min(parent.price(), c.limitPrice()) : c.limitPrice();
            long p = quote.bid() + improve;
            if (quote.ask() > 0 && p >= quote.ask()) p = Math.max(quote.bid(), quote.ask() - tick);
            return Optional.of(Math.min(p, cap));
        }
        if (quote.ask() <= 0) return Optional.empty();
        long cap = Math.max(parent.price(), c.limitPrice());
        long p = quote.ask() - improve;
        if (quote.bid() > 0 && p <= quote.bid()) p = Math.min(quote.ask(), quote.bid() + tick);
        return Optional.of(Math.max(p, cap));
    }

    public static Decision decide(ParentOrder parent, List<ChildState> children, Optional<Quote> quote) {
        Children byAccount = Children.of(parent, children);
        if (byAccount.filledAll()) {
            return new Decision(List.of(), 0, Decision.NEVER, Optional.of(new Decision.Finished(ParentStatus.FILLED, "every account filled")));
        }
        Optional<Long> target = quote.flatMap(q -> target(parent, q));
        List<Action> actions = new ArrayList<>();
        for (AccountTarget a : parent.accounts()) {
            int last = 0;
            ChildState working = null;
            boolean cancelling = false;
            for (ChildState c : byAccount.of(a.index())) {
                last = Math.max(last, c.slice());
                if (c.open()) {
                    if (c.cancelPending()) cancelling = true;
                    else working = c;
                } else if (c.cumQty() < c.orderQty() && !c.canceled()) {
                    return new Decision(List.of(), 0, Decision.NEVER, Optional.of(new Decision.Finished(ParentStatus.EXPIRED,
                            "child " + c.id() + " ended with " + c.cumQty() + " of " + c.orderQty() + " filled without a cancel: not re-sent")));
                }
            }
            long remaining = a.quantity() - byAccount.filled(a.index());
            if (remaining <= 0 || cancelling || target.isEmpty()) continue;
            long price = target.get();
            if (working != null) {
                if (working.price() != price) {
                    actions.add(new Action.Cancel(working.id(), "re-price " + Prices.format(working.price()) + " → " + Prices.format(price)));
                }
            } else {
                actions.add(new Action.Send(parent.childId(last + 1, a), a, last + 1, remaining, price));
            }
        }
        return new Decision(actions, 0, Decision.NEVER, Optional.empty());
    }
}
