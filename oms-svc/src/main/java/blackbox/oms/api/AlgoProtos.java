package blackbox.oms.api;

import blackbox.oms.algo.ParentOrder;
import blackbox.oms.algo.PlannedSlice;
import blackbox.oms.algo.engine.ParentStore;
import blackbox.oms.algo.engine.ParentView;
import blackbox.oms.core.BlockId;
import blackbox.oms.core.Prices;
import blackbox.oms.core.StrategyId;
import blackbox.oms.core.TimeInForce;
import blackbox.oms.v1.OrdStatus;
import blackbox.oms.v1.Progress;
import blackbox.oms.v1.ScheduledSlice;
import blackbox.oms.v1.SliceQuantity;
import blackbox.platform.domain.AccountId;
import java.util.List;
import java.util.Map;

/** Algorithm parents and schedules as {@code blackbox.oms.v1} messages. */
public final class AlgoProtos {
    private AlgoProtos() {
    }

    /** A parent as an Order with is_parent set: quantities over its children, its Progress and its children's ids. */
    public static blackbox.oms.v1.Order parent(ParentView v) {
        ParentOrder p = v.stored().parent();
        long cum = v.filledQty();
        OrdStatus status = switch (v.stored().status()) {
            case WORKING -> cum > 0 ? OrdStatus.ORD_STATUS_PARTIALLY_FILLED : OrdStatus.ORD_STATUS_NEW;
            case FILLED -> OrdStatus.ORD_STATUS_FILLED;
            case EXPIRED -> OrdStatus.ORD_STATUS_EXPIRED;
            case HALTED, CANCELED -> OrdStatus.ORD_STATUS_CANCELED;
        };
        var b = blackbox.oms.v1.Order.newBuilder()
                .setClOrdId(p.id().value())
                .setAccount(p.accounts().size() == 1 && p.block().isEmpty() ? p.accounts().getFirst().account().value() : "")
                .setUser(p.user().value())
                .setDesk(p.accounts().getFirst().desk().value())
                .setStrategyId(p.strategy().map(StrategyId::value).orElse(""))
                .setBlockId(p.block().map(BlockId::value).orElse(""))
                .setInstrument(Protos.instrument(p.instrument()))
                .setSide(Enums.side(p.side()))
                .setOrdType(Enums.ordType(p.ordType()))
                .setTimeInForce(Enums.timeInForce(TimeInForce.DAY))
                .setAlgorithm(Protos.algorithm(p.algorithm()))
                .setOrdStatus(status)
                .setOrderQty(p.targetQty())
                .setCumQty(cum)
                .setLeavesQty(v.stored().status().isFinal() ? 0 : p.targetQty() - cum)
                .setPrice(Protos.price(p.price()))
                .setAvgPx(Prices.formatAvgPx(v.notional(), cum))
                .setNotional(Prices.format(v.notional()))
                .setText(v.stored().text())
                .setProgress(Progress.newBuilder().setTargetQty(p.targetQty()).setScheduledQty(v.scheduledQty()).setFilledQty(cum)
                        .setSlices(v.sliceCount()).setReleasedSlices(v.stored().releasedSlice()))
                .setTradeDate(p.tradeDate().toString())
                .setCreatedNanos(p.createdNanos())
                .setUpdatedNanos(v.stored().updatedNanos())
                .setIsParent(true);
        for (ParentStore.StoredChild c : v.children()) b.addChildClOrdIds(c.state().id().value());
        return b.build();
    }

    /** A schedule as PreviewBlock shows it. */
    public static List<ScheduledSlice> schedule(List<PlannedSlice> slices) {
        return slices.stream().map(s -> {
            var b = ScheduledSlice.newBuilder().setSlice(s.slice()).setAtNanos(s.atNanos()).setQty(s.qty());
            for (Map.Entry<AccountId, Long> e : s.quantities().entrySet()) {
                b.addAccounts(SliceQuantity.newBuilder().setAccount(e.getKey().value()).setQuantity(e.getValue()));
            }
            return b.build();
        }).toList();
    }
}
