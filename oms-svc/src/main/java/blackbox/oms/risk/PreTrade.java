package blackbox.oms.risk;

import blackbox.oms.config.InstrumentMaster;
import blackbox.oms.core.Order;
import blackbox.oms.core.OrderEvent;
import blackbox.oms.core.OrdType;
import blackbox.oms.core.TradeDates;
import blackbox.oms.engine.Exposure;
import blackbox.platform.domain.Side;
import blackbox.risk.core.Decision;
import blackbox.risk.core.OrderContext;
import blackbox.risk.core.RiskOrder;
import blackbox.risk.service.RiskGate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * risk-svc's pre-trade gate run in oms-svc's process (the lead's decision 4), before an order or a block child is
 * persisted as sent: the context is assembled here — working orders and quantities, the notional working buys reserve
 * and today's traded notional from oms-svc's own state ({@link Exposure}), position and D+2 cash from the
 * {@link PositionSource}, the reference price from {@link LastPrices}, the instrument's rules from the
 * {@link InstrumentMaster} — and an accepted order is reserved in the exposure at once, so the next check counts it.
 * Checks are serialized (risk-svc's throttle windows are shared state). Projected D+2 cash = the positions source's
 * D+2 balance minus what the account's working limit buys reserve. Borrow is not known to oms-svc yet: 0.
 *
 * <p>Fail closed: positions not synced, or risk's state not following PostgreSQL, deny. Thread-safe.
 */
public final class PreTrade {
    private final RiskGate gate;
    private final Exposure exposure;
    private final PositionSource positions;
    private final LastPrices prices;
    private final InstrumentMaster instruments;
    private final ZoneId zone;
    private final LongSupplier clock;
    private final AtomicLong checks = new AtomicLong();
    private final AtomicLong denials = new AtomicLong();

    /** @param clock UTC epoch ns */
    public PreTrade(RiskGate gate, Exposure exposure, PositionSource positions, LastPrices prices, InstrumentMaster instruments,
                    ZoneId zone, LongSupplier clock) {
        this.gate = gate;
        this.exposure = exposure;
        this.positions = positions;
        this.prices = prices;
        this.instruments = instruments;
        this.zone = zone;
        this.clock = clock;
    }

    /**
     * Checks a new order (PENDING_NEW, not persisted); an accepted one is reserved in the exposure (the caller releases
     * it when its creation does not happen).
     *
     * @param flatten a risk-svc zeroing order ({@code risk_flatten}): the kill switches do not apply
     * @return empty when accepted, else the DENIED event to persist with it (its reason: the code and risk-svc's message)
     */
    public synchronized Optional<OrderEvent.Denied> check(Order order, boolean flatten) {
        Optional<OrderEvent.Denied> denied = decide(order, flatten);
        if (denied.isEmpty()) exposure.reserve(order);
        return denied;
    }

    /**
     * Checks a change of a working order as if its new LeavesQty were a new order at the new price (the working order
     * itself still counts in the context, so the check is stricter than needed, never looser). Nothing is reserved.
     *
     * @return empty when accepted, else the reason
     */
    public synchronized Optional<String> checkChange(Order order, long newQty, long newPrice, long newStop) {
        Order candidate = Order.pendingNew(order.spec(), Math.max(1, newQty - order.cumQty()), newPrice, newStop);
        return decide(candidate, false).map(OrderEvent.Denied::reason);
    }

    private Optional<OrderEvent.Denied> decide(Order order, boolean flatten) {
        checks.incrementAndGet();
        long now = clock.getAsLong();
        Optional<String> unknown = positions.unknownBecause();
        if (unknown.isPresent()) return deny(unknown.get(), now);
        var spec = order.spec();
        LocalDate today = TradeDates.of(now, zone);
        Exposure.Snapshot e = exposure.of(spec.account(), spec.instrument(), today);
        long reference = prices.last(spec.instrument());
        long d2 = positions.d2Cash(spec.account()) - e.buyReserved();
        OrderContext context = new OrderContext(positions.position(spec.account(), spec.instrument()), 0, e.openOrders(),
                e.openBuy(), e.openSell(), e.tradedToday(), reference, d2, instruments.riskRules(spec.instrument()), now,
                Instant.ofEpochSecond(0, now).atZone(zone).toLocalTime().toNanoOfDay());
        blackbox.risk.core.StrategyId strategy;
        try {
            strategy = spec.strategy().map(s -> new blackbox.risk.core.StrategyId(s.value())).orElse(blackbox.risk.core.StrategyId.NONE);
        } catch (IllegalArgumentException bad) {
            return deny("INVALID_STRATEGY: " + bad.getMessage(), now);
        }
        RiskOrder risk = new RiskOrder(spec.account(), strategy, spec.instrument(), spec.side(), type(spec.ordType()), order.orderQty(),
                spec.ordType() == OrdType.MARKET ? RiskOrder.NO_PRICE : order.price(), false);
        Decision d = flatten ? gate.checkFlatten(risk, context) : gate.check(risk, context);
        if (!d.accepted()) return deny(d.reason().name() + ": " + d.message(), now);
        return Optional.empty();
    }

    /** Does a risk-svc zeroing order reduce the account's position (sell at most what it holds, buy at most its short)? */
    public Optional<String> notReducing(Order order) {
        Optional<String> unknown = positions.unknownBecause();
        if (unknown.isPresent()) return unknown;
        long p = positions.position(order.spec().account(), order.spec().instrument());
        boolean reduces = order.spec().side() == Side.SELL ? p > 0 && order.orderQty() <= p : p < 0 && order.orderQty() <= -p;
        return reduces ? Optional.empty() : Optional.of("a risk_flatten order must reduce the position: position=" + p
                + ", side=" + order.spec().side() + ", order_qty=" + order.orderQty());
    }

    private Optional<OrderEvent.Denied> deny(String reason, long now) {
        denials.incrementAndGet();
        return Optional.of(new OrderEvent.Denied(reason, now, now));
    }

    private static blackbox.risk.core.OrdType type(OrdType t) {
        return switch (t) {
            case MARKET -> blackbox.risk.core.OrdType.MARKET;
            case LIMIT -> blackbox.risk.core.OrdType.LIMIT;
            case STOP_LIMIT -> blackbox.risk.core.OrdType.STOP_LIMIT;
        };
    }

    public long checks() {
        return checks.get();
    }

    public long denials() {
        return denials.get();
    }
}
