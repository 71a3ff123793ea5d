package blackbox.oms.algo.engine;

import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.OrdStatus;
import blackbox.oms.core.Order;
import blackbox.oms.core.OrderEvent;
import blackbox.oms.core.Outcome;
import blackbox.oms.engine.AccountGates;
import blackbox.oms.engine.Exposure;
import blackbox.oms.engine.GatewaySender;
import blackbox.oms.engine.OrderWriter;
import blackbox.oms.risk.PreTrade;
import blackbox.oms.store.AuditCommand;
import blackbox.oms.store.CreateResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * {@link ChildOrders} on oms-svc's send path, the same steps as SubmitOrder: the account's gate (not waited for: a
 * closed account is {@link Placed#NOT_ADMITTED} and the engine tries later), pre-trade risk (a denial is persisted with
 * the child), the writer (persist before send, the ClOrdID the idempotency key), then the gateway sender. Cancels: the
 * writer's CancelRequested, then the sender. Audit rows under {@link AuditCommand#SYSTEM} from {@code algo}.
 */
public final class OmsChildOrders implements ChildOrders {
    private final OrderWriter writer;
    private final GatewaySender sender;
    private final AccountGates gates;
    private final PreTrade preTrade;
    private final Exposure exposure;
    private final LongSupplier clock;

    /** @param clock UTC epoch ns, oms-svc's (audit rows, cancel times) */
    public OmsChildOrders(OrderWriter writer, GatewaySender sender, AccountGates gates, PreTrade preTrade, Exposure exposure,
                          LongSupplier clock) {
        this.writer = writer;
        this.sender = sender;
        this.gates = gates;
        this.preTrade = preTrade;
        this.exposure = exposure;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<Placed> place(Order child) {
        AuditCommand audit = AuditCommand.system(clock.getAsLong(), "algo", "AlgoChild", Optional.of(child.clOrdId()),
                child.spec().block(), Optional.of(child.spec().account()),
                Map.of("parent", child.spec().parent().map(ClOrdId::value).orElse(""), "order_qty", Long.toString(child.orderQty()),
                        "price", Long.toString(child.price())));
        Optional<AccountGates.Closed> closed;
        try {
            closed = gates.admit(List.of(child.spec().account()), Duration.ZERO);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.completedFuture(Placed.NOT_ADMITTED);
        }
        if (closed.isPresent()) return CompletableFuture.completedFuture(Placed.NOT_ADMITTED);
        Optional<OrderEvent.Denied> denied = preTrade.check(child, false);
        return writer.create(child, denied.orElse(null), audit).handle((res, err) -> {
            boolean sending = err == null && res.kind() == CreateResult.Kind.CREATED && res.order().order().status() == OrdStatus.PENDING_NEW;
            if (!sending) {
                if (denied.isEmpty()) exposure.release(child);
                gates.release(child.spec().account());
            }
            if (err != null) return Placed.NOT_ADMITTED; // not persisted (PostgreSQL away): the engine tries later
            if (sending) {
                sender.send(res.order().order());
                return Placed.SENT;
            }
            return res.kind() == CreateResult.Kind.CREATED ? Placed.DENIED : Placed.EXISTS;
        });
    }

    @Override
    public CompletableFuture<Boolean> cancel(ClOrdId child, String why) {
        long now = clock.getAsLong();
        AuditCommand audit = AuditCommand.system(now, "algo", "AlgoCancel", Optional.of(child), Optional.empty(), Optional.empty(),
                Map.of("why", why));
        return writer.apply(child, new OrderEvent.CancelRequested(now, now), audit).handle((res, err) -> {
            if (err != null || res.isEmpty() || !(res.get().outcome() instanceof Outcome.Applied)) return false;
            sender.cancel(res.get().order().order());
            return true;
        });
    }
}
