package blackbox.oms.gateway;

import blackbox.gateway.v1.AccountId;
import blackbox.gateway.v1.CancelAllOrdersRequest;
import blackbox.gateway.v1.CancelOrderRequest;
import blackbox.gateway.v1.ListOrdersRequest;
import blackbox.gateway.v1.OrdType;
import blackbox.gateway.v1.ReplaceOrderRequest;
import blackbox.gateway.v1.SendOrderRequest;
import blackbox.gateway.v1.Side;
import blackbox.oms.core.Order;
import blackbox.oms.core.OrderEvent;
import blackbox.oms.core.Prices;
import blackbox.oms.core.account.ClientAccount;
import blackbox.oms.core.account.DllAccount;
import blackbox.oms.core.reconcile.VenueOrder;
import blackbox.platform.domain.InstrumentId;
import java.util.ArrayList;
import java.util.List;

/**
 * oms-svc's orders as the gateway's requests ({@code blackbox.gateway.v1.Trading}), and its {@code ListOrders}
 * answer as {@link VenueOrder}s for reconciliation. The ClOrdID is the gateway's idempotency key, so a send the
 * caller repeats after a crash is answered with the existing order instead of a second one. Thread-safe.
 */
public final class GatewayOrders {
    private GatewayOrders() {
    }

    public static AccountId account(DllAccount dll) {
        return AccountId.newBuilder().setBrokerId(dll.brokerId()).setAccountId(dll.accountId())
                .setSubAccountId(dll.subAccountId()).build();
    }

    static blackbox.gateway.v1.InstrumentId instrument(InstrumentId id) {
        return blackbox.gateway.v1.InstrumentId.newBuilder().setTicker(id.ticker()).setExchange(id.exchange()).build();
    }

    /** SendOrder for a persisted order in its account. */
    public static SendOrderRequest send(Order order, ClientAccount account) {
        var spec = order.spec();
        if (!spec.account().equals(account.id())) {
            throw new IllegalArgumentException("order " + order.clOrdId() + " is for " + spec.account() + ", not " + account.id());
        }
        SendOrderRequest.Builder b = SendOrderRequest.newBuilder().setIdempotencyKey(order.clOrdId().value())
                .setAccount(account(account.dll())).setInstrument(instrument(spec.instrument()))
                .setSide(spec.side() == blackbox.platform.domain.Side.BUY ? Side.SIDE_BUY : Side.SIDE_SELL)
                .setOrdType(switch (spec.ordType()) {
                    case MARKET -> OrdType.ORD_TYPE_MARKET;
                    case LIMIT -> OrdType.ORD_TYPE_LIMIT;
                    case STOP_LIMIT -> OrdType.ORD_TYPE_STOP_LIMIT;
                })
                .setQuantity(order.orderQty());
        if (order.price() != 0) b.setPrice(Prices.format(order.price()));
        if (order.stopPrice() != 0) b.setStopPrice(Prices.format(order.stopPrice()));
        return b.build();
    }

    /** CancelOrder by the order's idempotency key. */
    public static CancelOrderRequest cancel(Order order, ClientAccount account) {
        return CancelOrderRequest.newBuilder().setAccount(account(account.dll()))
                .setIdempotencyKey(order.clOrdId().value()).build();
    }

    /** ReplaceOrder to the requested quantity and prices. */
    public static ReplaceOrderRequest replace(Order order, ClientAccount account, OrderEvent.ReplaceRequested change) {
        ReplaceOrderRequest.Builder b = ReplaceOrderRequest.newBuilder().setAccount(account(account.dll()))
                .setIdempotencyKey(order.clOrdId().value()).setQuantity(change.orderQty());
        if (change.price() != 0) b.setPrice(Prices.format(change.price()));
        if (change.stopPrice() != 0) b.setStopPrice(Prices.format(change.stopPrice()));
        return b.build();
    }

    /** CancelAllOrders of an account, optionally only one instrument's. */
    public static CancelAllOrdersRequest cancelAll(ClientAccount account, InstrumentId instrument) {
        CancelAllOrdersRequest.Builder b = CancelAllOrdersRequest.newBuilder().setAccount(account(account.dll()));
        if (instrument != null) b.setInstrument(instrument(instrument));
        return b.build();
    }

    /** ListOrders of an account for the whole session (what reconciliation compares with). */
    public static ListOrdersRequest listOrders(ClientAccount account) {
        return ListOrdersRequest.newBuilder().setAccount(account(account.dll())).build();
    }

    /** The gateway's ListOrders answer as the venue's orders. */
    public static List<VenueOrder> venueOrders(blackbox.gateway.v1.ListOrdersResponse response) {
        List<VenueOrder> out = new ArrayList<>(response.getOrdersCount());
        for (blackbox.gateway.v1.Order o : response.getOrdersList()) {
            out.add(new VenueOrder(GatewayValues.clOrdId(o.getIdempotencyKey()), GatewayValues.orderId(o.getDll()),
                    GatewayValues.status(o.getOrdStatus(), o.getCumQty()), o.getOrderQty(), o.getCumQty(),
                    GatewayValues.price("price", o.getPrice()), GatewayValues.price("stop_price", o.getStopPrice()),
                    GatewayValues.avgPx(o.getAvgPx()), o.getText(), o.getUpdatedNanos()));
        }
        return out;
    }
}
