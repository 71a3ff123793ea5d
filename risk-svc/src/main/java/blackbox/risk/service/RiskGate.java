package blackbox.risk.service;

import blackbox.risk.core.Decision;
import blackbox.risk.core.OrderContext;
import blackbox.risk.core.PreTradeCheck;
import blackbox.risk.core.RiskOrder;
import blackbox.risk.switches.SwitchBoard;

/**
 * CheckOrder for callers in this process (oms-svc calls it for every order and every algorithm child) and for the
 * gRPC service: {@link PreTradeCheck} over the {@link RiskView}'s snapshot. Checks are serialized (the throttle
 * windows are shared state); the ACCEPT path allocates nothing. Thread-safe; any thread may call.
 */
public final class RiskGate {
    private final PreTradeCheck check = new PreTradeCheck();
    private final RiskView view;

    public RiskGate(RiskView view) {
        this.view = view;
    }

    /** Checks one order; see {@link PreTradeCheck} for the order of the checks and the reasons. */
    public Decision check(RiskOrder order, OrderContext context) {
        if (order.cancel()) return Decision.ACCEPT;
        synchronized (view.checkLock()) {
            return check.check(order, context, view.snapshot());
        }
    }

    /**
     * Checks a zeroing order of the risk desk's own halt ({@code OrderControl.flatten}, sent through oms-svc with its
     * {@code risk_flatten} flag): every check of {@link #check} but the kill switches, which the halt itself set. An
     * unknown risk state still denies (fail closed).
     */
    public Decision checkFlatten(RiskOrder order, OrderContext context) {
        synchronized (view.checkLock()) {
            return check.check(order, context, view.snapshot().withSwitches(SwitchBoard.ALL_ACTIVE));
        }
    }
}
