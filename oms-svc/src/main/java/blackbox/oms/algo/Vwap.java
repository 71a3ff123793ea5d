package blackbox.oms.algo;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * VWAP over a block: slices weighted by the instrument's volume profile ({@link VwapSchedule}), the first at once,
 * every child a limit at the parent's limit (never beyond it) or a market order, bounded by a participation cap.
 *
 * <p>At slice {@code k} every account gets one child (ClOrdID {@link ParentOrder#childId}{@code (k, account)}) for what
 * it is behind plan: its planned cumulative quantity by slice {@code k} minus what it has filled, so an unfilled
 * slice's quantity rolls into the next. A child still working when the next slice is due is cancelled first and the
 * account's new child waits for that cancel to be final: an account never has two children working.
 *
 * <p>Participation cap (FIX ParticipationRate), cumulative over the parent: what the parent has filled plus what its
 * children have working ({@code orderQty - cumQty} of the open ones) never exceeds
 * {@link VwapSchedule#participationLimit}{@code (V)}, {@code V} the shares traded in the instrument since one interval before
 * the parent's start ({@link VwapSchedule#volumeFromNanos()}, so the first slice is sized on the interval before it;
 * the live tape). When the children a decision sends would exceed it, each account's child is scaled down to
 * its share of what is left ({@code floor(want × left / Σ want)} to the lot) — but an account the plan has behind is
 * always sent at least one lot, so a quiet market slows the parent without stopping it: the cap can be exceeded by at
 * most one lot per account per slice. A child is sized once, when its slice is due; a slice cut by the cap is not
 * topped up later in the slice — its rest rolls into the next slice with any unfilled quantity. There is no other
 * catch-up bound: the cap bounds it.
 *
 * <p>At the end of the horizon working children are cancelled and the parent ends EXPIRED (or FILLED). Missed slices
 * (oms-svc was down) are not sent one by one: the due slice carries them.
 *
 * <p>Pure: the decision is a function of the parent, its schedule, the slices released so far, its children, the time
 * and the market's volume.
 */
public final class Vwap {
    private Vwap() {
    }

    /**
     * @param released the slices begun so far (the engine's persisted progress)
     * @param children every child of the parent, any state
     * @param nowNanos UTC epoch ns
     * @param marketVolume shares traded in the instrument since {@link VwapSchedule#volumeFromNanos()}, as far as known (a lower bound after
     *     a restart or a gap in the tape: the cap is then stricter, never looser)
     */
    public static Decision decide(ParentOrder parent, VwapSchedule schedule, int released, List<ChildState> children, long nowNanos,
                                  long marketVolume) {
        Children byAccount = Children.of(parent, children);
        List<Action> actions = new ArrayList<>();
        if (byAccount.filledAll()) return finished(released, ParentStatus.FILLED, "every account filled");
        if (nowNanos >= schedule.endNanos()) {
            boolean working = false;
            for (ChildState c : children) {
                if (!c.open()) continue;
                working = true;
                if (!c.cancelPending()) actions.add(new Action.Cancel(c.id(), "the VWAP's horizon is over"));
            }
            if (working) return new Decision(actions, released, Decision.NEVER, Optional.empty());
            return finished(released, ParentStatus.EXPIRED, "horizon over: " + byAccount.filled() + " of " + parent.targetQty() + " filled"
                    + (schedule.equalWeights() ? " (equal weights: no volume profile)" : ""));
        }
        int k = schedule.dueSlice(nowNanos);
        if (k == 0) return new Decision(List.of(), released, schedule.dueAt(1), Optional.empty());
        long working = 0;
        for (ChildState c : children) if (c.open()) working += Math.max(0, c.orderQty() - c.cumQty());
        List<AccountTarget> ready = new ArrayList<>();
        List<Long> wants = new ArrayList<>();
        long totalWant = 0;
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
            long want = Math.min(schedule.plannedCum(a.quantity(), k) - filled, a.quantity() - filled);
            want -= want % parent.lot();
            if (want <= 0) continue;
            ready.add(a);
            wants.add(want);
            totalWant += want;
        }
        long left = Math.max(0, schedule.participationLimit(marketVolume) - byAccount.filled() - working);
        for (int i = 0; i < ready.size(); i++) {
            AccountTarget a = ready.get(i);
            long want = wants.get(i);
            long qty = want;
            if (totalWant > left) {
                long share = BigInteger.valueOf(want).multiply(BigInteger.valueOf(left)).divide(BigInteger.valueOf(totalWant)).longValueExact();
                qty = Math.min(want, Math.max(parent.lot(), share - share % parent.lot()));
            }
            actions.add(new Action.Send(parent.childId(k, a), a, k, qty, parent.price()));
        }
        long wake = k < schedule.slices() ? schedule.dueAt(k + 1) : schedule.endNanos();
        return new Decision(actions, Math.max(released, k), wake, Optional.empty());
    }

    private static Decision finished(int released, ParentStatus status, String text) {
        return new Decision(List.of(), released, Decision.NEVER, Optional.of(new Decision.Finished(status, text)));
    }
}
