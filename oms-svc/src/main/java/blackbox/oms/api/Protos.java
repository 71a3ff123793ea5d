package blackbox.oms.api;

import blackbox.oms.core.Algorithm;
import blackbox.oms.core.BlockId;
import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.OrdStatus;
import blackbox.oms.core.Order;
import blackbox.oms.core.OrderEvent;
import blackbox.oms.core.OrderId;
import blackbox.oms.core.Prices;
import blackbox.oms.core.StrategyId;
import blackbox.oms.core.allocation.AccountShare;
import blackbox.oms.core.allocation.Allocation;
import blackbox.oms.core.block.AllocationPolicy;
import blackbox.oms.core.block.Block;
import blackbox.oms.store.AuditRecord;
import blackbox.oms.store.StoredBlock;
import blackbox.oms.store.StoredEvent;
import blackbox.oms.store.StoredOrder;
import blackbox.oms.v1.AccountAllocation;
import blackbox.oms.v1.BlockPreview;
import blackbox.oms.v1.Command;
import blackbox.oms.v1.Progress;
import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import java.util.List;
import java.util.Map;

/**
 * The core's and the store's values as the contract's messages ({@code blackbox.oms.v1}): prices as decimal text,
 * AvgPx half-even to 8 decimals with the exact notional beside it, times as UTC ns. Thread-safe (stateless).
 */
public final class Protos {
    private Protos() {
    }

    public static blackbox.gateway.v1.InstrumentId instrument(InstrumentId id) {
        return blackbox.gateway.v1.InstrumentId.newBuilder().setTicker(id.ticker()).setExchange(id.exchange()).build();
    }

    static String price(long scaled) {
        return scaled == 0 ? "" : Prices.format(scaled);
    }

    public static blackbox.oms.v1.Order order(StoredOrder stored) {
        Order o = stored.order();
        var spec = o.spec();
        return blackbox.oms.v1.Order.newBuilder()
                .setClOrdId(o.clOrdId().value())
                .setOrderId(o.orderId() == null ? "" : o.orderId().value())
                .setAccount(spec.account().value())
                .setUser(spec.user().value())
                .setDesk(spec.desk().value())
                .setStrategyId(spec.strategy().map(StrategyId::value).orElse(""))
                .setBlockId(spec.block().map(BlockId::value).orElse(""))
                .setParentClOrdId(spec.parent().map(ClOrdId::value).orElse(""))
                .setInstrument(instrument(spec.instrument()))
                .setSide(Enums.side(spec.side()))
                .setOrdType(Enums.ordType(spec.ordType()))
                .setTimeInForce(Enums.timeInForce(spec.timeInForce()))
                .setExpireDate(spec.expireDate().map(Object::toString).orElse(""))
                .setAlgorithm(algorithm(spec.algorithm()))
                .setOrdStatus(Enums.ordStatus(o.status()))
                .setOrderQty(o.orderQty())
                .setCumQty(o.cumQty())
                .setLeavesQty(o.leavesQty())
                .setPrice(price(o.price()))
                .setStopPrice(price(o.stopPrice()))
                .setAvgPx(Prices.formatAvgPx(o.notional(), o.cumQty()))
                .setNotional(Prices.format(o.notional()))
                .setText(o.text())
                .setProgress(progress(o))
                .setTradeDate(spec.tradeDate().toString())
                .setCreatedNanos(spec.createdNanos())
                .setUpdatedNanos(o.updatedNanos())
                .setLastSequence(stored.lastSequence())
                .build();
    }

    /**
     * FULL orders: the whole quantity is scheduled once the order may have reached the venue (anything but
     * PENDING_NEW without a venue id, or DENIED). Algorithms will report their own schedule.
     */
    static Progress progress(Order o) {
        boolean released = o.status() != OrdStatus.DENIED && !(o.status() == OrdStatus.PENDING_NEW && o.orderId() == null);
        return Progress.newBuilder().setTargetQty(o.orderQty()).setScheduledQty(released ? o.orderQty() : 0)
                .setFilledQty(o.cumQty()).build();
    }

    public static blackbox.oms.v1.Algorithm algorithm(Algorithm a) {
        var b = blackbox.oms.v1.Algorithm.newBuilder();
        switch (a) {
            case Algorithm.Full f -> b.setFull(blackbox.oms.v1.Full.getDefaultInstance());
            case Algorithm.Iceberg i -> b.setIceberg(blackbox.oms.v1.Iceberg.newBuilder().setMaxFloor(i.maxFloor()));
            case Algorithm.Twap t -> b.setTwap(blackbox.oms.v1.Twap.newBuilder().setHorizonSecs(t.horizonSecs())
                    .setIntervalSecs(t.intervalSecs()).setStartNanos(t.startNanos()));
            case Algorithm.Vwap v -> b.setVwap(blackbox.oms.v1.Vwap.newBuilder().setHorizonSecs(v.horizonSecs())
                    .setIntervalSecs(v.intervalSecs()).setParticipationRate(v.participationRate().toPlainString())
                    .setStartNanos(v.startNanos()).setProfileSessions(v.profileSessions()));
            case Algorithm.CoverUpTo c -> b.setCoverUpTo(blackbox.oms.v1.CoverUpTo.newBuilder()
                    .setLimitPrice(Prices.format(c.limitPrice())).setOffsetTicks(c.offsetTicks()));
            case Algorithm.Oco o -> b.setOco(blackbox.oms.v1.Oco.newBuilder().setLimitPrice(Prices.format(o.limitPrice()))
                    .setStopPrice(Prices.format(o.stopPrice())).setStopLimitPrice(Prices.format(o.stopLimitPrice())));
        }
        return b.build();
    }

    public static blackbox.oms.v1.OrderEvent event(StoredEvent e) {
        var b = blackbox.oms.v1.OrderEvent.newBuilder()
                .setSequence(e.sequence())
                .setType(Enums.eventType(e.type()))
                .setClOrdId(e.clOrdId().value())
                .setOrderId(e.venueOrderId().map(OrderId::value).orElse(""))
                .setAccount(e.account().value())
                .setDesk(e.desk().value())
                .setStrategyId(e.strategy().map(StrategyId::value).orElse(""))
                .setBlockId(e.block().map(BlockId::value).orElse(""))
                .setParentClOrdId(e.parent().map(ClOrdId::value).orElse(""))
                .setInstrument(instrument(e.instrument()))
                .setSide(Enums.side(e.side()))
                .setOrdStatus(Enums.ordStatus(e.status()))
                .setOrderQty(e.orderQty())
                .setCumQty(e.cumQty())
                .setLeavesQty(e.leavesQty())
                .setAvgPx(Prices.formatAvgPx(e.notional(), e.cumQty()))
                .setPrice(price(e.price()))
                .setStopPrice(price(e.stopPrice()))
                .setText(e.text())
                .setTsEvent(e.tsEvent())
                .setTsInit(e.tsInit());
        e.previousStatus().ifPresent(p -> b.setPreviousStatus(Enums.ordStatus(p)));
        if (e.event().orElse(null) instanceof OrderEvent.Filled f) {
            b.setExecId(f.execId().value()).setLastQty(f.lastQty()).setLastPx(Prices.format(f.lastPx()))
                    .setReconciled(f.reconciled());
            e.tradeDate().ifPresent(d -> b.setTradeDate(d.toString()));
        }
        return b.build();
    }

    public static blackbox.oms.v1.AllocationPolicy policy(AllocationPolicy p) {
        var b = blackbox.oms.v1.AllocationPolicy.newBuilder().setMethod(Enums.method(p.method()))
                .setTieBreak(Enums.tieBreak(p.tieBreak())).setResidual(Enums.residual(p.residualRule()))
                .setRouting(Enums.routing(p.routing())).setMasterAccount(p.masterAccount().map(AccountId::value).orElse(""))
                .setLotSize(p.lot());
        p.fractional().ifPresent(f -> b.setFractionalInstrument(instrument(f)));
        return b.build();
    }

    public static BlockPreview preview(Allocation allocation, AllocationPolicy policy) {
        var b = BlockPreview.newBuilder().setPolicy(policy(policy)).setTotalQty(allocation.totalQty())
                .setAllocatedQty(allocation.allocatedQty()).setResidualQty(allocation.residualQty());
        for (AccountShare s : allocation.shares()) b.addAllocations(share(s, 0, ""));
        return b.build();
    }

    private static AccountAllocation share(AccountShare s, long allocated, String avgPx) {
        return AccountAllocation.newBuilder().setAccount(s.account().value()).setWeight(s.weight().toPlainString())
                .setTargetQty(s.target().stripTrailingZeros().toPlainString()).setQuantity(s.quantity())
                .setFractionalQty(s.fractionalQty()).setAllocatedQty(allocated).setAvgPx(avgPx).build();
    }

    /**
     * A block with its children's progress and AvgPx; for an average-price block each allocation line has the
     * allocated quantity so far and the master order's AvgPx.
     */
    public static blackbox.oms.v1.Block block(StoredBlock stored, List<StoredOrder> children) {
        Block block = stored.block();
        long target = 0;
        long scheduled = 0;
        long filled = 0;
        long notional = 0;
        for (StoredOrder c : children) {
            Progress p = progress(c.order());
            target += p.getTargetQty();
            scheduled += p.getScheduledQty();
            filled += p.getFilledQty();
            notional += c.order().notional();
        }
        String avgPx = Prices.formatAvgPx(notional, filled);
        var b = blackbox.oms.v1.Block.newBuilder().setBlockId(block.id().value()).setUser(block.user().value())
                .setStrategyId(block.strategy().map(StrategyId::value).orElse("")).setInstrument(instrument(block.instrument()))
                .setSide(Enums.side(block.side())).setOrdType(Enums.ordType(block.ordType())).setPrice(price(block.price()))
                .setStopPrice(price(block.stopPrice())).setAlgorithm(algorithm(block.algorithm()))
                .setPolicy(policy(block.policy())).setTotalQty(block.allocation().totalQty())
                .setResidualQty(block.allocation().residualQty())
                .setProgress(Progress.newBuilder().setTargetQty(target).setScheduledQty(scheduled).setFilledQty(filled))
                .setAvgPx(avgPx).setCreatedNanos(block.createdNanos());
        boolean averagePrice = block.policy().routing() == blackbox.oms.core.block.Routing.AVERAGE_PRICE;
        Map<AccountId, Long> allocated = stored.allocated();
        for (AccountShare s : block.allocation().shares()) {
            long qty = allocated.getOrDefault(s.account(), 0L);
            b.addAllocations(share(s, qty, averagePrice && qty > 0 ? avgPx : ""));
        }
        for (ClOrdId id : block.children()) b.addChildClOrdIds(id.value());
        return b.build();
    }

    public static Command command(AuditRecord r) {
        var c = r.command();
        return Command.newBuilder().setId(r.id()).setAtNanos(c.atNanos()).setUser(c.user().value()).setAddress(c.address())
                .setCommand(c.command()).setClOrdId(c.clOrdId().map(ClOrdId::value).orElse(""))
                .setBlockId(c.blockId().map(BlockId::value).orElse("")).setAccount(c.account().map(AccountId::value).orElse(""))
                .setParametersJson(c.parametersJson()).setOutcome(r.outcome()).build();
    }

    /** Immutable and thread-safe: built once, not per request (it is on every command's path, for the audit row). */
    private static final com.google.protobuf.util.JsonFormat.Printer JSON =
            com.google.protobuf.util.JsonFormat.printer().omittingInsignificantWhitespace();

    /** A request as protobuf JSON, for {@link blackbox.oms.store.AuditCommand#parametersJson()}. */
    public static String json(com.google.protobuf.MessageOrBuilder request) {
        try {
            return JSON.print(request);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalStateException("request does not print as JSON", e);
        }
    }
}
