package blackbox.oms.api;

import blackbox.oms.core.Algorithm;
import blackbox.oms.core.EventType;
import blackbox.oms.core.OrdStatus;
import blackbox.oms.core.OrdType;
import blackbox.oms.core.TimeInForce;
import blackbox.oms.core.allocation.AllocationMethod;
import blackbox.oms.core.allocation.ResidualRule;
import blackbox.oms.core.allocation.TieBreak;
import blackbox.oms.core.block.Routing;
import blackbox.platform.domain.Side;

/** The contract's enums and the core's, both ways. A value the contract leaves UNSPECIFIED maps to null or the default. */
public final class Enums {
    private Enums() {
    }

    /** null for UNSPECIFIED (or an unknown number from a newer client). */
    public static Side side(blackbox.oms.v1.Side side) {
        return switch (side) {
            case SIDE_BUY -> Side.BUY;
            case SIDE_SELL -> Side.SELL;
            case SIDE_UNSPECIFIED, UNRECOGNIZED -> null;
        };
    }

    public static blackbox.oms.v1.Side side(Side side) {
        return side == Side.BUY ? blackbox.oms.v1.Side.SIDE_BUY : blackbox.oms.v1.Side.SIDE_SELL;
    }

    public static OrdType ordType(blackbox.oms.v1.OrdType type) {
        return switch (type) {
            case ORD_TYPE_MARKET -> OrdType.MARKET;
            case ORD_TYPE_LIMIT -> OrdType.LIMIT;
            case ORD_TYPE_STOP_LIMIT -> OrdType.STOP_LIMIT;
            case ORD_TYPE_UNSPECIFIED, UNRECOGNIZED -> null;
        };
    }

    public static blackbox.oms.v1.OrdType ordType(OrdType type) {
        return switch (type) {
            case MARKET -> blackbox.oms.v1.OrdType.ORD_TYPE_MARKET;
            case LIMIT -> blackbox.oms.v1.OrdType.ORD_TYPE_LIMIT;
            case STOP_LIMIT -> blackbox.oms.v1.OrdType.ORD_TYPE_STOP_LIMIT;
        };
    }

    /** UNSPECIFIED is DAY; null for an unknown number. */
    public static TimeInForce timeInForce(blackbox.oms.v1.TimeInForce tif) {
        return switch (tif) {
            case TIME_IN_FORCE_UNSPECIFIED, TIME_IN_FORCE_DAY -> TimeInForce.DAY;
            case TIME_IN_FORCE_GTC -> TimeInForce.GTC;
            case TIME_IN_FORCE_GTD -> TimeInForce.GTD;
            case TIME_IN_FORCE_IOC -> TimeInForce.IOC;
            case TIME_IN_FORCE_FOK -> TimeInForce.FOK;
            case UNRECOGNIZED -> null;
        };
    }

    public static blackbox.oms.v1.TimeInForce timeInForce(TimeInForce tif) {
        return blackbox.oms.v1.TimeInForce.valueOf("TIME_IN_FORCE_" + tif.name());
    }

    public static OrdStatus ordStatus(blackbox.oms.v1.OrdStatus status) {
        return switch (status) {
            case ORD_STATUS_UNSPECIFIED, UNRECOGNIZED -> null;
            default -> OrdStatus.valueOf(status.name().substring("ORD_STATUS_".length()));
        };
    }

    public static blackbox.oms.v1.OrdStatus ordStatus(OrdStatus status) {
        return blackbox.oms.v1.OrdStatus.valueOf("ORD_STATUS_" + status.name());
    }

    public static blackbox.oms.v1.OrderEventType eventType(EventType type) {
        return blackbox.oms.v1.OrderEventType.valueOf("ORDER_EVENT_TYPE_" + type.name());
    }

    public static EventType eventType(blackbox.oms.v1.OrderEventType type) {
        return switch (type) {
            case ORDER_EVENT_TYPE_UNSPECIFIED, UNRECOGNIZED -> null;
            default -> EventType.valueOf(type.name().substring("ORDER_EVENT_TYPE_".length()));
        };
    }

    public static Algorithm.Kind algorithmKind(blackbox.oms.v1.AlgorithmKind kind) {
        return switch (kind) {
            case ALGORITHM_KIND_UNSPECIFIED, UNRECOGNIZED -> null;
            default -> Algorithm.Kind.valueOf(kind.name().substring("ALGORITHM_KIND_".length()));
        };
    }

    public static AllocationMethod method(blackbox.oms.v1.AllocationMethod method) {
        return switch (method) {
            case ALLOCATION_METHOD_UNSPECIFIED, UNRECOGNIZED -> null;
            default -> AllocationMethod.valueOf(method.name().substring("ALLOCATION_METHOD_".length()));
        };
    }

    public static blackbox.oms.v1.AllocationMethod method(AllocationMethod method) {
        return blackbox.oms.v1.AllocationMethod.valueOf("ALLOCATION_METHOD_" + method.name());
    }

    /** UNSPECIFIED is ACCOUNT_ASCENDING. */
    public static TieBreak tieBreak(blackbox.oms.v1.TieBreak tieBreak) {
        return switch (tieBreak) {
            case TIE_BREAK_UNSPECIFIED, TIE_BREAK_ACCOUNT_ASCENDING -> TieBreak.ACCOUNT_ASCENDING;
            case TIE_BREAK_LISTED_ORDER -> TieBreak.LISTED_ORDER;
            case UNRECOGNIZED -> null;
        };
    }

    public static blackbox.oms.v1.TieBreak tieBreak(TieBreak tieBreak) {
        return blackbox.oms.v1.TieBreak.valueOf("TIE_BREAK_" + tieBreak.name());
    }

    /** UNSPECIFIED is REPORT. */
    public static ResidualRule residual(blackbox.oms.v1.ResidualRule rule) {
        return switch (rule) {
            case RESIDUAL_RULE_UNSPECIFIED, RESIDUAL_RULE_REPORT -> ResidualRule.REPORT;
            case RESIDUAL_RULE_FRACTIONAL -> ResidualRule.FRACTIONAL;
            case UNRECOGNIZED -> null;
        };
    }

    public static blackbox.oms.v1.ResidualRule residual(ResidualRule rule) {
        return blackbox.oms.v1.ResidualRule.valueOf("RESIDUAL_RULE_" + rule.name());
    }

    /** UNSPECIFIED is PER_ACCOUNT. */
    public static Routing routing(blackbox.oms.v1.Routing routing) {
        return switch (routing) {
            case ROUTING_UNSPECIFIED, ROUTING_PER_ACCOUNT -> Routing.PER_ACCOUNT;
            case ROUTING_AVERAGE_PRICE -> Routing.AVERAGE_PRICE;
            case UNRECOGNIZED -> null;
        };
    }

    public static blackbox.oms.v1.Routing routing(Routing routing) {
        return blackbox.oms.v1.Routing.valueOf("ROUTING_" + routing.name());
    }
}
