package blackbox.oms.engine;

import blackbox.platform.domain.AccountId;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Per-account admission of new orders (the lead's decision 3): an account whose orders are in doubt — after a restart
 * of oms-svc or the gateway, a report stream gap, a send whose outcome is unknown — takes no new order until
 * reconciliation with the gateway's {@code ListOrders} clears it; new orders for it wait (bounded) and then fail
 * naming the account. Other accounts flow.
 *
 * <p>States: CHECKING (until the account was found routable at the gateway), OPEN, IN_DOUBT (queued for
 * reconciliation), RECONCILING (no new order is admitted; reconciliation waits until the account's sends in flight
 * are answered), REFUSED (not at the gateway, not routable: never admitted). An admitted order holds a permit of its
 * account from admission until its send's answer is committed ({@link #release}), which is how reconciliation knows
 * no send of the account is on its way.
 *
 * <p>Thread-safe: one lock, one condition.
 */
public final class AccountGates {
    public enum State {
        CHECKING, OPEN, IN_DOUBT, RECONCILING, REFUSED
    }

    private static final class Gate {
        boolean checked;
        String refusal;
        boolean doubt; // queued or being reconciled
        boolean reconciling;
        boolean again; // put in doubt again while reconciling
        String reason = "accounts not yet checked against the gateway's ListAccounts";
        int inFlight;

        State state() {
            if (refusal != null) return State.REFUSED;
            if (reconciling) return State.RECONCILING;
            if (doubt) return State.IN_DOUBT;
            return checked ? State.OPEN : State.CHECKING;
        }

        String why() {
            return refusal != null ? refusal : reason;
        }
    }

    /** Why an order was not admitted: the account's state and the reason, e.g. for UNAVAILABLE or FAILED_PRECONDITION. */
    public record Closed(AccountId account, State state, String reason) {
        public String message() {
            return switch (state) {
                case REFUSED -> "account " + account + " is refused for orders: " + reason;
                case CHECKING -> "account " + account + " is not available yet: " + reason;
                case IN_DOUBT, RECONCILING -> "account " + account + " is being reconciled with the gateway (" + reason
                        + "); no new order until it is";
                case OPEN -> "account " + account + " is open";
            };
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<AccountId, Gate> gates = new HashMap<>();
    private final LinkedHashSet<AccountId> queue = new LinkedHashSet<>();

    private Gate gate(AccountId account) {
        return gates.computeIfAbsent(account, k -> new Gate());
    }

    /**
     * Admits one new order of each account (a block: every child's), waiting up to {@code wait} for them all to be
     * open; on success every account holds one more permit.
     *
     * @return empty when admitted, else the first account that stayed closed (nothing admitted)
     */
    public Optional<Closed> admit(Collection<AccountId> accounts, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        lock.lock();
        try {
            while (true) {
                Closed closed = null;
                for (AccountId a : accounts) {
                    Gate g = gate(a);
                    if (g.state() != State.OPEN) {
                        closed = new Closed(a, g.state(), g.why());
                        break;
                    }
                }
                if (closed == null) {
                    for (AccountId a : accounts) gate(a).inFlight++;
                    return Optional.empty();
                }
                long left = deadline - System.nanoTime();
                if (closed.state() == State.REFUSED || left <= 0) return Optional.of(closed);
                changed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /** One admitted order of the account is done with (its send answered and committed, or it was not sent). */
    public void release(AccountId account) {
        lock.lock();
        try {
            Gate g = gate(account);
            if (g.inFlight > 0) g.inFlight--;
            if (g.inFlight == 0) changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The account was checked at the gateway: admitted from now on (unless in doubt), or REFUSED with the reason. */
    public void checked(AccountId account, Optional<String> refusal) {
        lock.lock();
        try {
            Gate g = gate(account);
            g.checked = true;
            g.refusal = refusal.orElse(null);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The account's orders are in doubt: no new order until it is reconciled. */
    public void inDoubt(AccountId account, String reason) {
        lock.lock();
        try {
            Gate g = gate(account);
            if (g.reconciling) {
                g.again = true;
            } else {
                g.doubt = true;
                queue.add(account);
            }
            g.reason = reason;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The next account to reconcile (waits up to {@code wait}); empty when none. It is then RECONCILING. */
    public Optional<AccountId> nextToReconcile(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        lock.lock();
        try {
            while (queue.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return Optional.empty();
                changed.awaitNanos(left);
            }
            AccountId next = queue.removeFirst();
            Gate g = gate(next);
            g.reconciling = true;
            g.again = false;
            return Optional.of(next);
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the account has no send in flight; false on timeout. */
    public boolean awaitIdle(AccountId account, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        lock.lock();
        try {
            while (gate(account).inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                changed.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Reconciliation of the account finished: open again, or queued again when it was put in doubt meanwhile. */
    public void reconciled(AccountId account) {
        lock.lock();
        try {
            Gate g = gate(account);
            g.reconciling = false;
            if (g.again) {
                g.again = false;
                queue.add(account);
            } else {
                g.doubt = false;
                g.reason = "";
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Reconciliation could not finish (the gateway did not answer): queued again, still closed. */
    public void retryLater(AccountId account, String reason) {
        lock.lock();
        try {
            Gate g = gate(account);
            g.reconciling = false;
            g.again = false;
            g.reason = reason;
            queue.add(account);
        } finally {
            lock.unlock();
        }
    }

    public State state(AccountId account) {
        lock.lock();
        try {
            return gate(account).state();
        } finally {
            lock.unlock();
        }
    }

    /** Accounts not OPEN (CHECKING, IN_DOUBT, RECONCILING, REFUSED) with their state. */
    public Map<AccountId, State> closed() {
        lock.lock();
        try {
            Map<AccountId, State> out = new HashMap<>();
            gates.forEach((a, g) -> {
                if (g.state() != State.OPEN) out.put(a, g.state());
            });
            return out;
        } finally {
            lock.unlock();
        }
    }

    /** How many accounts wait for reconciliation or are being reconciled. */
    public int reconciling() {
        lock.lock();
        try {
            int n = 0;
            for (Gate g : gates.values()) if (g.doubt || g.reconciling) n++;
            return n;
        } finally {
            lock.unlock();
        }
    }

    /** Waits (bounded) until no account is in doubt or being reconciled; for tests and the start-up log. */
    public boolean awaitReconciled(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (reconciling() > 0) {
            if (System.nanoTime() > deadline) return false;
            TimeUnit.MILLISECONDS.sleep(10);
        }
        return true;
    }
}
