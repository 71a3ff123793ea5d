package blackbox.platform.security;

import java.util.Set;

/**
 * The identities of BlackBox's callers: the common name (CN) of each certificate the stack's CA issues. A service's
 * identity is its service name; {@link #OPERATOR} is a person at the command line ({@code blackbox} commands, and the
 * {@code blackbox up} process acting for its operator).
 */
public final class Identities {
    public static final String GATEWAY = "dll-gateway";
    public static final String MARKETDATA = "marketdata-svc";
    public static final String CANDLES = "candle-svc";
    public static final String OMS = "oms-svc";
    public static final String RISK = "risk-svc";
    public static final String POSITIONS = "positions-svc";
    public static final String STRATEGY = "strategy-svc";
    public static final String WEB = "web-bff";
    public static final String OPERATOR = "operator";

    /** Every identity {@code blackbox up} issues a certificate for. */
    public static final Set<String> ALL = Set.of(GATEWAY, MARKETDATA, CANDLES, OMS, RISK, POSITIONS, STRATEGY, WEB, OPERATOR);

    private Identities() {
    }
}
