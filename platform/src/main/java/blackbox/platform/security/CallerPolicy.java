package blackbox.platform.security;

import static blackbox.platform.security.Identities.OMS;
import static blackbox.platform.security.Identities.OPERATOR;
import static blackbox.platform.security.Identities.POSITIONS;
import static blackbox.platform.security.Identities.RISK;
import static blackbox.platform.security.Identities.STRATEGY;
import static blackbox.platform.security.Identities.WEB;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which identities may call which RPC: an allow-list per full method name ({@code package.Service/Method}), else
 * per service ({@code package.Service/*}); an RPC on neither list is refused to everyone. Immutable.
 */
public final class CallerPolicy {
    /** On a list: every identity the stack's CA vouches for. */
    public static final String ANY = "*";

    private final Map<String, Set<String>> allowed;

    private CallerPolicy(Map<String, Set<String>> allowed) {
        this.allowed = Map.copyOf(allowed);
    }

    /**
     * BlackBox's table. Sending, replacing and cancelling orders at the gateway: oms-svc alone. Orders at oms-svc:
     * web-bff (its users' roles checked there), strategy-svc, risk-svc (kill switches) and an operator. Limits and
     * switches at risk-svc: risk-svc, web-bff (users with the {@code risk} or {@code admin} role) and an operator.
     * Positions' imports and corrections: web-bff and an operator. Everything else (reads, market data, candles,
     * indicators, strategies' validation and backtests, health): any identity of the stack.
     */
    public static CallerPolicy blackbox() {
        Set<String> any = Set.of(ANY);
        Builder b = new Builder()
                .service("blackbox.gateway.v1.MarketDataGateway", any)
                .service("blackbox.gateway.v1.Trading", Set.of(OMS, POSITIONS, RISK, WEB, OPERATOR))
                .methods("blackbox.gateway.v1.Trading", Set.of(OMS),
                        "SendOrder", "SendOrders", "ReplaceOrder", "CancelOrder", "CancelOrders", "CancelAllOrders", "ZeroPosition")
                .service("blackbox.marketdata.v1.MarketData", any)
                .service("blackbox.marketdata.v1.MarketDataStats", any)
                .service("blackbox.candles.v1.Candles", any)
                .service("blackbox.indicators.v1.Indicators", any)
                .service("blackbox.strategies.v1.Strategies", any)
                .service("blackbox.oms.v1.OrderManagement", any)
                .methods("blackbox.oms.v1.OrderManagement", Set.of(WEB, STRATEGY, RISK, OPERATOR),
                        "SubmitOrder", "SubmitBlock", "ReplaceOrder", "CancelOrder", "CancelAll")
                .service("blackbox.risk.v1.Risk", any)
                .methods("blackbox.risk.v1.Risk", Set.of(RISK, WEB, OPERATOR), "SetLimits", "Halt", "Reduce", "Resume", "Panic")
                .service("blackbox.positions.v1.Positions", any)
                .methods("blackbox.positions.v1.Positions", Set.of(WEB, OPERATOR), "ImportOpening", "Reconcile", "ApplyFills")
                .service("grpc.health.v1.Health", any)
                .service("grpc.reflection.v1.ServerReflection", any);
        return b.build();
    }

    /** Whether {@code identity} may call {@code fullMethodName} ({@code package.Service/Method}). */
    public boolean allows(String identity, String fullMethodName) {
        Set<String> callers = allowed.get(fullMethodName);
        if (callers == null) {
            int slash = fullMethodName.indexOf('/');
            callers = slash < 0 ? null : allowed.get(fullMethodName.substring(0, slash) + "/*");
        }
        return callers != null && (callers.contains(ANY) || callers.contains(identity));
    }

    /** Builds a policy: a method's own list replaces its service's. */
    public static final class Builder {
        private final Map<String, Set<String>> allowed = new HashMap<>();

        /** Every method of {@code service} not listed by {@link #methods}. */
        public Builder service(String service, Set<String> callers) {
            allowed.put(service + "/*", Set.copyOf(callers));
            return this;
        }

        public Builder methods(String service, Set<String> callers, String... methods) {
            for (String m : methods) allowed.put(service + "/" + m, Set.copyOf(callers));
            return this;
        }

        public CallerPolicy build() {
            return new CallerPolicy(allowed);
        }
    }
}
