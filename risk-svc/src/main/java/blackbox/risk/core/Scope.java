package blackbox.risk.core;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;

/**
 * One scope: a level and its key. Keys: desk {@code ""}; strategy its id; account its id; instrument
 * {@code TICKER:EXCHANGE}; account×instrument {@code ACCOUNT/TICKER:EXCHANGE}. Build with the factories, or
 * {@link #parse} text read from the database or a request.
 */
public record Scope(ScopeType type, String key) {
    /** The desk: every order. */
    public static final Scope DESK = new Scope(ScopeType.DESK, "");

    public Scope {
        if (type == null || key == null) throw new NullPointerException("type and key");
    }

    public static Scope strategy(StrategyId strategy) {
        return new Scope(ScopeType.STRATEGY, strategy.value());
    }

    public static Scope account(AccountId account) {
        return new Scope(ScopeType.ACCOUNT, account.value());
    }

    public static Scope instrument(InstrumentId instrument) {
        return new Scope(ScopeType.INSTRUMENT, instrument.toString());
    }

    public static Scope accountInstrument(AccountId account, InstrumentId instrument) {
        return new Scope(ScopeType.ACCOUNT_INSTRUMENT, account.value() + "/" + instrument);
    }

    /**
     * A scope from its level and key text, validated.
     *
     * @throws IllegalArgumentException naming the key when it is not a well-formed key of that level
     */
    public static Scope parse(ScopeType type, String key) {
        return switch (type) {
            case DESK -> {
                if (key != null && !key.isEmpty()) throw new IllegalArgumentException("desk scope takes no key: key=\"" + key + "\"");
                yield DESK;
            }
            case STRATEGY -> strategy(new StrategyId(key));
            case ACCOUNT -> account(new AccountId(key));
            case INSTRUMENT -> instrument(InstrumentId.parse(key));
            case ACCOUNT_INSTRUMENT -> {
                int slash = key == null ? -1 : key.indexOf('/');
                if (slash < 0) throw new IllegalArgumentException("account×instrument key must be ACCOUNT/TICKER:EXCHANGE: key=\"" + key + "\"");
                yield accountInstrument(new AccountId(key.substring(0, slash)), InstrumentId.parse(key.substring(slash + 1)));
            }
        };
    }

    /** The account of an account or account×instrument scope. */
    public AccountId accountId() {
        return switch (type) {
            case ACCOUNT -> new AccountId(key);
            case ACCOUNT_INSTRUMENT -> new AccountId(key.substring(0, key.indexOf('/')));
            default -> throw new IllegalStateException("no account in " + this);
        };
    }

    /** The instrument of an instrument or account×instrument scope. */
    public InstrumentId instrumentId() {
        return switch (type) {
            case INSTRUMENT -> InstrumentId.parse(key);
            case ACCOUNT_INSTRUMENT -> InstrumentId.parse(key.substring(key.indexOf('/') + 1));
            default -> throw new IllegalStateException("no instrument in " + this);
        };
    }

    public StrategyId strategyId() {
        if (type != ScopeType.STRATEGY) throw new IllegalStateException("no strategy in " + this);
        return new StrategyId(key);
    }

    /** How messages name it: {@code desk}, {@code strategy twap-7}, {@code account 1234}, {@code instrument PETR4:B}, {@code account 1234 in PETR4:B}. */
    public String label() {
        return switch (type) {
            case DESK -> "desk";
            case STRATEGY -> "strategy " + key;
            case ACCOUNT -> "account " + key;
            case INSTRUMENT -> "instrument " + key;
            case ACCOUNT_INSTRUMENT -> "account " + key.substring(0, key.indexOf('/')) + " in " + key.substring(key.indexOf('/') + 1);
        };
    }

    @Override
    public String toString() {
        return type == ScopeType.DESK ? "DESK" : type + ":" + key;
    }
}
