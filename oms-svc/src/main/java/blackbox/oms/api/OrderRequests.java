package blackbox.oms.api;

import static blackbox.oms.api.Fields.invalid;

import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.InstrumentRule;
import blackbox.oms.core.InstrumentRules;
import blackbox.oms.core.OrdType;
import blackbox.oms.core.Order;
import blackbox.oms.core.OrderEvent;
import blackbox.oms.core.OrderSpec;
import blackbox.oms.core.TradeDates;
import blackbox.oms.core.account.AccountRegistry;
import blackbox.oms.core.account.ClientAccount;
import blackbox.oms.v1.CancelOrderRequest;
import blackbox.oms.v1.GetOrderRequest;
import blackbox.oms.v1.ReplaceOrderRequest;
import blackbox.oms.v1.SubmitOrderRequest;
import blackbox.platform.domain.InstrumentId;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Validation of the order commands: pure functions from a request (plus what the service knows: accounts,
 * instrument master, the order for a replace) to the core command, or the field that is wrong. Every rule is
 * checked before anything is persisted, so a refused request writes nothing but its audit row. Thread-safe.
 */
public final class OrderRequests {
    /** The longest free note of an order or block. */
    public static final int MAX_TEXT = 200;

    private OrderRequests() {
    }

    /**
     * SubmitOrder: the new order in PENDING_NEW, ready for {@link blackbox.oms.store.OrderStore#createOrder}.
     *
     * @param zone the exchange's zone (trade date of the creation, "today" for expire dates)
     */
    public static Validated<Order> submit(SubmitOrderRequest r, Caller caller, AccountRegistry accounts,
                                          InstrumentRules instruments, ZoneId zone) {
        return validated(() -> {
            ClOrdId clOrdId = clOrdId(r.getClOrdId());
            ClientAccount account = Fields.account("account", r.getAccount(), accounts);
            InstrumentId instrument = Fields.instrument("instrument", r.getInstrument(), true);
            InstrumentRule rule = Fields.rule("instrument", instrument, instruments);
            long qty = Fields.quantity("order_qty", r.getOrderQty(), rule.lot());
            LocalDate today = TradeDates.of(caller.nowNanos(), zone);
            OrderTerms terms = OrderTerms.parse(r.getSide(), r.getOrdType(), r.getPrice(), r.getStopPrice(),
                    r.getTimeInForce(), r.getExpireDate(), r.getStrategyId(), r.getAlgorithm(), r.hasAlgorithm(), qty, rule,
                    today);
            Fields.text("text", r.getText(), MAX_TEXT);
            terms.checkAlgorithm("cl_ord_id", r.getClOrdId());
            Optional<String> missing = terms.unimplemented();
            if (missing.isPresent()) return new Validated.Unimplemented<>(missing.get());
            OrderSpec spec = new OrderSpec(clOrdId, account.id(), account.desk(), caller.user(), terms.strategy(), instrument,
                    terms.side(), terms.ordType(), terms.timeInForce(), terms.expireDate(), terms.algorithm(),
                    Optional.empty(), Optional.empty(), caller.nowNanos(), today);
            return new Validated.Valid<>(Order.pendingNew(spec, qty, terms.price(), terms.stopPrice()));
        });
    }

    /**
     * ReplaceOrder against the order as it is: unchanged fields (0, empty) keep the order's values; something must
     * change. The state machine then decides whether the order's status allows it.
     */
    public static Validated<OrderEvent.ReplaceRequested> replace(ReplaceOrderRequest r, Order current, Caller caller,
                                                                 InstrumentRules instruments) {
        return validated(() -> {
            clOrdId(r.getClOrdId());
            InstrumentRule rule = Fields.rule("cl_ord_id", current.spec().instrument(), instruments);
            long qty = r.getOrderQty() == 0 ? current.orderQty() : Fields.quantity("order_qty", r.getOrderQty(), rule.lot());
            OrdType type = current.spec().ordType();
            long price = current.price();
            if (!r.getPrice().isEmpty()) {
                if (!type.hasLimitPrice()) {
                    throw invalid("price", "a market order has no price to change: price=\"" + r.getPrice() + "\"");
                }
                price = Fields.price("price", r.getPrice(), rule.tick());
            }
            long stop = current.stopPrice();
            if (!r.getStopPrice().isEmpty()) {
                if (type != OrdType.STOP_LIMIT) {
                    throw invalid("stop_price", "stop_price is for ORD_TYPE_STOP_LIMIT only: stop_price=\"" + r.getStopPrice() + "\"");
                }
                stop = Fields.price("stop_price", r.getStopPrice(), rule.tick());
            }
            if (qty == current.orderQty() && price == current.price() && stop == current.stopPrice()) {
                throw invalid("order_qty", "nothing to change: order_qty, price and stop_price are the order's own:"
                        + " order_qty=" + r.getOrderQty() + ", price=\"" + r.getPrice() + "\", stop_price=\"" + r.getStopPrice() + "\"");
            }
            return new Validated.Valid<>(new OrderEvent.ReplaceRequested(qty, price, stop, caller.nowNanos(), caller.nowNanos()));
        });
    }

    /** CancelOrder: the order's ClOrdID (the state machine decides whether it can be canceled). */
    public static Validated<ClOrdId> cancel(CancelOrderRequest r) {
        return validated(() -> new Validated.Valid<>(clOrdId(r.getClOrdId())));
    }

    public static Validated<ClOrdId> get(GetOrderRequest r) {
        return validated(() -> new Validated.Valid<>(clOrdId(r.getClOrdId())));
    }

    static ClOrdId clOrdId(String value) {
        return Fields.id("cl_ord_id", value, ClOrdId::valid, ClOrdId::new, ClOrdId.MAX_LENGTH);
    }

    /** Runs a validation whose checks throw {@link InvalidField}, as a value. */
    static <T> Validated<T> validated(Supplier<Validated<T>> validation) {
        try {
            return validation.get();
        } catch (InvalidField e) {
            return new Validated.Invalid<>(e.field, e.getMessage());
        }
    }
}
