package blackbox.oms.algo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * TWAP over a block: equal slices ({@link TwapSchedule}), the first at once, every child a limit at the parent's limit
 * (never beyond it) or a market order. At each slice every account gets one child for what it is behind plan: its
 * planned quantity up to this slice minus what it has filled — so an unfilled slice's quantity rolls into the next —
 * bounded by {@link TwapSchedule#cap} (at most {@value #CATCH_UP_SLICES} slice(s) of catch-up per slice). A child still
 * working when the next slice is due is cancelled first, and the account's new child waits for that cancel to be
 * final, so an account never has two children working (nothing can overfill). At the end of the horizon working
 * children are cancelled and the parent ends EXPIRED (or FILLED). Missed slices (oms-svc was down) are not sent one by
 * one: the due slice carries them, within the cap.
 *
 * <p>Pure: the decision is a function of the parent, the slices released so far, its children and the time.
 */
public final class Twap {
    /** Extra slices of quantity a slice may carry when behind. */
    public static final int CATCH_UP_SLICES = 1;

    private Twap() {
    }

    /**
     * @param released the slices begun so far (the engine's persisted progress)
     * @param children every child of the parent, any state
     * @param nowNanos UTC epoch ns
     */
    public static Decision decide(ParentOrder parent, TwapSchedule schedule, int released, List<ChildState> children, long nowNanos) {
        Children byAccount = Children.of(parent, children);
        List<Action> actions = new ArrayList<>();
        if (byAccount.filledAll()) return finished(released, ParentStatus.FILLED, "every account filled");
        if (nowNanos >= schedule.endNanos()) {
            boolean working = false;
            for (ChildState c : children) {
                if (!c.open()) continue;
                working = true;
                if (!c.cancelPending()) actions.add(new Action.Cancel(c.id(), "the TWAP's horizon is over"));
            }
            if (working) return new Decision(actions, released, Decision.NEVER, Optional.empty());
            return finished(released, ParentStatus.EXPIRED, "horizon over: " + byAccount.filled() + " of " + parent.targetQty() + " filled");
        }
        int k = schedule.dueSlice(nowNanos);
        if (k == 0) return new Decision(List.of(), released, schedule.dueAt(1), Optional.empty());
        for (AccountTarget a : parent.accounts()) {
            long filled = byAccount.filled(a.index());
            boolean waiting = false;
            boolean hasSlice = false;
            for (ChildState c : byAccount.of(a.index())) {
                if (c.slice() == k) hasSlice = true;
                if (!c.open()) continue;
                if (c.slice() < k) {
                    waiting = true; // its unfilled part rolls into slice k once the cancel is final
                    if (!c.cancelPending()) actions.add(new Action.Cancel(c.id(), "slice " + k + " is due: the rest rolls into it"));
                }
            }
            if (waiting || hasSlice) continue;
            long behind = schedule.plannedCum(a.quantity(), k) - filled;
            long qty = Math.min(Math.min(behind, schedule.cap(a.quantity(), CATCH_UP_SLICES)), a.quantity() - filled);
            qty -= qty % parent.lot();
            if (qty > 0) actions.add(new Action.Send(parent.childId(k, a), a, k, qty, parent.price()));
        }
        long wake = k < schedule.slices() ? schedule.dueAt(k + 1) : schedule.endNanos();
        return new Decision(actions, Math.max(released, k), wake, Optional.empty());
    }

    private static Decision finished(int released, ParentStatus status, String text) {
        return new Decision(List.of(), released, Decision.NEVER, Optional.of(new Decision.Finished(status, text)));
    }
}
