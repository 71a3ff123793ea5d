package blackbox.risk.grpc;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.Decimals;
import blackbox.platform.domain.InstrumentId;
import blackbox.risk.core.InstrumentRules;
import blackbox.risk.core.LimitKind;
import blackbox.risk.core.Money;
import blackbox.risk.core.OrdType;
import blackbox.risk.core.OrderContext;
import blackbox.risk.core.RiskOrder;
import blackbox.risk.core.Scope;
import blackbox.risk.core.ScopeType;
import blackbox.risk.core.StrategyId;
import blackbox.risk.events.RiskEvent;
import blackbox.risk.halt.HaltReport;
import blackbox.risk.halt.WorkingOrder;
import blackbox.risk.store.StoredLimit;
import blackbox.risk.switches.HaltMode;
import blackbox.risk.switches.KillSwitch;
import blackbox.risk.switches.SwitchState;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Proto ↔ domain for {@code blackbox.risk.v1}; malformed fields are INVALID_ARGUMENT naming field and value. */
final class RiskProtos {
    private RiskProtos() {
    }

    static StatusRuntimeException invalid(String message) {
        return Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException();
    }

    static Scope scope(String field, blackbox.risk.v1.Scope s) {
        ScopeType type = switch (s.getType()) {
            case SCOPE_TYPE_DESK -> ScopeType.DESK;
            case SCOPE_TYPE_STRATEGY -> ScopeType.STRATEGY;
            case SCOPE_TYPE_ACCOUNT -> ScopeType.ACCOUNT;
            case SCOPE_TYPE_INSTRUMENT -> ScopeType.INSTRUMENT;
            case SCOPE_TYPE_ACCOUNT_INSTRUMENT -> ScopeType.ACCOUNT_INSTRUMENT;
            default -> throw invalid(field + ".type must be set: " + field + ".type=" + s.getType());
        };
        try {
            return Scope.parse(type, s.getKey());
        } catch (IllegalArgumentException e) {
            throw invalid(field + ".key: " + e.getMessage());
        }
    }

    static blackbox.risk.v1.Scope scope(Scope s) {
        blackbox.risk.v1.ScopeType t = switch (s.type()) {
            case DESK -> blackbox.risk.v1.ScopeType.SCOPE_TYPE_DESK;
            case STRATEGY -> blackbox.risk.v1.ScopeType.SCOPE_TYPE_STRATEGY;
            case ACCOUNT -> blackbox.risk.v1.ScopeType.SCOPE_TYPE_ACCOUNT;
            case INSTRUMENT -> blackbox.risk.v1.ScopeType.SCOPE_TYPE_INSTRUMENT;
            case ACCOUNT_INSTRUMENT -> blackbox.risk.v1.ScopeType.SCOPE_TYPE_ACCOUNT_INSTRUMENT;
        };
        return blackbox.risk.v1.Scope.newBuilder().setType(t).setKey(s.key()).build();
    }

    static long money(String field, String text) {
        try {
            return Decimals.parseScaled(field, text, Money.SCALE);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    static long moneyOrZero(String field, String text) {
        return text.isEmpty() ? 0 : money(field, text);
    }

    static LocalTime time(String field, String text) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(field + " must be HH:MM[:SS]: " + field + "=\"" + text + "\"");
        }
    }

    static RiskOrder order(blackbox.risk.v1.RiskOrder o) {
        AccountId account;
        InstrumentId instrument;
        StrategyId strategy;
        try {
            account = new AccountId(o.getAccount());
            instrument = new InstrumentId(o.getInstrument().getTicker(), o.getInstrument().getExchange());
            strategy = o.getStrategy().isEmpty() ? StrategyId.NONE : new StrategyId(o.getStrategy());
        } catch (IllegalArgumentException e) {
            throw invalid("order: " + e.getMessage());
        }
        blackbox.platform.domain.Side side = switch (o.getSide()) {
            case SIDE_BUY -> blackbox.platform.domain.Side.BUY;
            case SIDE_SELL -> blackbox.platform.domain.Side.SELL;
            default -> throw invalid("order.side must be BUY or SELL: order.side=" + o.getSide());
        };
        OrdType type = switch (o.getOrdType()) {
            case ORD_TYPE_MARKET -> OrdType.MARKET;
            case ORD_TYPE_LIMIT -> OrdType.LIMIT;
            case ORD_TYPE_STOP_LIMIT -> OrdType.STOP_LIMIT;
            default -> throw invalid("order.ord_type must be MARKET, LIMIT or STOP_LIMIT: order.ord_type=" + o.getOrdType());
        };
        long price = type == OrdType.MARKET ? RiskOrder.NO_PRICE : money("order.limit_price", o.getLimitPrice());
        return new RiskOrder(account, strategy, instrument, side, type, o.getQuantity(), price, o.getCancel());
    }

    static OrderContext context(blackbox.risk.v1.OrderContext c, long serverNow, ZoneId exchangeZone) {
        long now = c.getNowNanos() == 0 ? serverNow : c.getNowNanos();
        long local = c.getExchangeTime().isEmpty()
                ? Instant.ofEpochSecond(0, now).atZone(exchangeZone).toLocalTime().toNanoOfDay()
                : time("context.exchange_time", c.getExchangeTime()).toNanoOfDay();
        try {
            InstrumentRules rules = new InstrumentRules(c.getLot(), money("context.tick", c.getTick()),
                    c.getPointValue().isEmpty() ? Money.ONE : money("context.point_value", c.getPointValue()),
                    time("context.session_open", c.getSessionOpen()).toNanoOfDay(),
                    c.getSessionClose().equals("24:00") ? 86_400_000_000_000L : time("context.session_close", c.getSessionClose()).toNanoOfDay(),
                    c.getSaleNeedsCover(), c.getDebitsCash());
            return new OrderContext(c.getPosition(), c.getBorrowAvailable(), c.getOpenOrders(), c.getOpenBuyQuantity(),
                    c.getOpenSellQuantity(), moneyOrZero("context.traded_notional_today", c.getTradedNotionalToday()),
                    moneyOrZero("context.reference_price", c.getReferencePrice()),
                    moneyOrZero("context.projected_d2_cash", c.getProjectedD2Cash()), rules, now, local);
        } catch (IllegalArgumentException e) {
            throw invalid("context: " + e.getMessage());
        }
    }

    static LimitKind kind(String field, String text) {
        try {
            return LimitKind.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw invalid(field + " must be one of " + List.of(LimitKind.values()) + ": " + field + "=\"" + text + "\"");
        }
    }

    /** A limit value from its text in the kind's unit (see risk.proto). */
    static long limitValue(String field, LimitKind kind, String text) {
        try {
            long v = switch (kind.unit()) {
                case QUANTITY, COUNT -> Long.parseLong(text);
                case MONEY -> Decimals.parseScaled(field, text, Money.SCALE);
                case BASIS_POINTS -> Decimals.parseScaled(field, text, 2);
                case TIME_OF_DAY -> text.equals("24:00") ? 86_400 : LocalTime.parse(text).toSecondOfDay();
            };
            return kind.validate(v);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw invalid(field + " is not a " + kind.unit() + " for " + kind + ": " + field + "=\"" + text + "\"");
        } catch (IllegalArgumentException e) {
            throw invalid(field + ": " + e.getMessage());
        }
    }

    static String limitValueText(LimitKind kind, long v) {
        return switch (kind.unit()) {
            case QUANTITY, COUNT -> Long.toString(v);
            case MONEY -> Decimals.format(v, Money.SCALE, 2);
            case BASIS_POINTS -> BigDecimal.valueOf(v, 2).stripTrailingZeros().toPlainString();
            case TIME_OF_DAY -> kind.format(v);
        };
    }

    static blackbox.risk.v1.Limit limit(StoredLimit l) {
        return blackbox.risk.v1.Limit.newBuilder().setScope(scope(l.row().scope())).setKind(l.row().kind().name())
                .setValue(limitValueText(l.row().kind(), l.row().value())).setChangedBy(l.changedBy()).setReason(l.reason())
                .setChangedNanos(l.changedAt().getEpochSecond() * 1_000_000_000L + l.changedAt().getNano())
                .setVersion(l.version()).build();
    }

    static blackbox.risk.v1.HaltMode mode(HaltMode m) {
        return switch (m) {
            case NONE -> blackbox.risk.v1.HaltMode.HALT_MODE_UNSPECIFIED;
            case FLATTEN -> blackbox.risk.v1.HaltMode.HALT_MODE_FLATTEN;
            case KEEP -> blackbox.risk.v1.HaltMode.HALT_MODE_KEEP;
            case CORRECT -> blackbox.risk.v1.HaltMode.HALT_MODE_CORRECT;
        };
    }

    static HaltMode mode(String field, blackbox.risk.v1.HaltMode m) {
        return switch (m) {
            case HALT_MODE_FLATTEN -> HaltMode.FLATTEN;
            case HALT_MODE_KEEP -> HaltMode.KEEP;
            case HALT_MODE_CORRECT -> HaltMode.CORRECT;
            default -> throw invalid(field + " must be FLATTEN, KEEP or CORRECT: " + field + "=" + m);
        };
    }

    static blackbox.risk.v1.KillSwitch killSwitch(KillSwitch k) {
        blackbox.risk.v1.SwitchState s = switch (k.state()) {
            case ACTIVE -> blackbox.risk.v1.SwitchState.SWITCH_STATE_ACTIVE;
            case REDUCING -> blackbox.risk.v1.SwitchState.SWITCH_STATE_REDUCING;
            case HALTED -> blackbox.risk.v1.SwitchState.SWITCH_STATE_HALTED;
        };
        return blackbox.risk.v1.KillSwitch.newBuilder().setScope(scope(k.scope())).setState(s).setMode(mode(k.mode()))
                .setChangedBy(k.who()).setReason(k.why()).setChangedNanos(k.changedAtNanos()).setVersion(k.version()).build();
    }

    static blackbox.risk.v1.WorkingOrder order(WorkingOrder o) {
        return blackbox.risk.v1.WorkingOrder.newBuilder().setClOrdId(o.clOrdId().value()).setAccount(o.account().value())
                .setStrategy(o.strategy().isNone() ? "" : o.strategy().value())
                .setInstrument(blackbox.risk.v1.InstrumentId.newBuilder().setTicker(o.instrument().ticker()).setExchange(o.instrument().exchange()))
                .setSide(o.side() == blackbox.platform.domain.Side.BUY ? blackbox.risk.v1.Side.SIDE_BUY : blackbox.risk.v1.Side.SIDE_SELL)
                .setLeavesQty(o.leavesQty()).build();
    }

    static blackbox.risk.v1.HaltReport report(HaltReport r) {
        return blackbox.risk.v1.HaltReport.newBuilder().setScope(scope(r.scope())).setMode(mode(r.mode()))
                .setCancelsSent(r.cancelsSent().size())
                .addAllConfirmed(r.confirmed().stream().map(RiskProtos::order).toList())
                .addAllRejected(r.rejected().stream().map(x -> order(x.order())).toList())
                .addAllUnconfirmed(r.unconfirmed().stream().map(RiskProtos::order).toList())
                .addAllFailed(r.failed().stream().map(RiskProtos::order).toList())
                .addAllFlattenOrders(r.flattenOrders()).setClosedElsewhereRecorded(r.closedElsewhereRecorded())
                .setStartedNanos(r.startedNanos()).setLastCancelSentNanos(r.lastCancelSentNanos())
                .setFinishedNanos(r.finishedNanos()).build();
    }

    static blackbox.risk.v1.RiskEvent event(RiskEvent e) {
        blackbox.risk.v1.RiskEvent.Builder b = blackbox.risk.v1.RiskEvent.newBuilder().setTsNanos(e.tsNanos());
        switch (e) {
            case RiskEvent.SwitchChanged s -> b.setSwitchChanged(killSwitch(s.change()));
            case RiskEvent.LimitChanged l -> b.setLimitChanged(blackbox.risk.v1.Limit.newBuilder().setScope(scope(l.scope()))
                    .setKind(l.kind().name()).setValue(l.value().isPresent() ? limitValueText(l.kind(), l.value().getAsLong()) : "")
                    .setChangedBy(l.who()).setReason(l.why()).setChangedNanos(l.tsNanos()));
            case RiskEvent.CancelConfirmed c -> b.setCancelConfirmed(blackbox.risk.v1.CancelEvent.newBuilder()
                    .setHaltedScope(scope(c.haltedScope())).setOrder(order(c.order())));
            case RiskEvent.CancelRejected c -> b.setCancelRejected(blackbox.risk.v1.CancelEvent.newBuilder()
                    .setHaltedScope(scope(c.haltedScope())).setOrder(order(c.order())).setText(c.text()));
            case RiskEvent.CancelsUnconfirmed u -> b.setCancelsUnconfirmed(blackbox.risk.v1.CancelsUnconfirmed.newBuilder()
                    .setHaltedScope(scope(u.haltedScope())).addAllOrders(u.orders().stream().map(RiskProtos::order).toList()));
            case RiskEvent.HaltCompleted h -> b.setHaltCompleted(report(h.report()));
            case RiskEvent.StateKnown k -> b.setState(blackbox.risk.v1.StateKnown.newBuilder().setKnown(k.known()).setReason(k.reason()));
            case RiskEvent.NotPersisted n -> b.setNotPersisted(n.scope().label() + ": " + n.what());
        }
        return b.build();
    }
}
