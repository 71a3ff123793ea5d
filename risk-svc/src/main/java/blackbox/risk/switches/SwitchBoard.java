package blackbox.risk.switches;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.risk.core.Scope;
import blackbox.risk.core.StrategyId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every kill switch, as an immutable snapshot: the ones not ACTIVE, indexed per level so that an order's
 * effective state costs at most four hash lookups with no allocation, and none when every switch is ACTIVE.
 */
public final class SwitchBoard {
    /** Everything ACTIVE. */
    public static final SwitchBoard ALL_ACTIVE = new SwitchBoard(Map.of(), 0);

    private final Map<Scope, KillSwitch> byScope;
    private final KillSwitch desk;
    private final Map<StrategyId, KillSwitch> strategies;
    private final Map<AccountId, KillSwitch> accounts;
    private final Map<InstrumentId, KillSwitch> instruments;
    private final long version;

    private SwitchBoard(Map<Scope, KillSwitch> byScope, long version) {
        this.byScope = Map.copyOf(byScope);
        this.version = version;
        KillSwitch d = null;
        Map<StrategyId, KillSwitch> s = new HashMap<>();
        Map<AccountId, KillSwitch> a = new HashMap<>();
        Map<InstrumentId, KillSwitch> i = new HashMap<>();
        for (KillSwitch k : byScope.values()) {
            switch (k.scope().type()) {
                case DESK -> d = k;
                case STRATEGY -> s.put(k.scope().strategyId(), k);
                case ACCOUNT -> a.put(k.scope().accountId(), k);
                case INSTRUMENT -> i.put(k.scope().instrumentId(), k);
                case ACCOUNT_INSTRUMENT -> throw new IllegalArgumentException("no switch at " + k.scope());
            }
        }
        this.desk = d;
        this.strategies = s;
        this.accounts = a;
        this.instruments = i;
    }

    /**
     * A board from the stored switches (ACTIVE ones are dropped).
     *
     * @param version the highest change number the switches reflect
     */
    public static SwitchBoard of(Collection<KillSwitch> switches, long version) {
        Map<Scope, KillSwitch> m = new HashMap<>();
        for (KillSwitch k : switches) if (k.state() != SwitchState.ACTIVE) m.put(k.scope(), k);
        return new SwitchBoard(m, version);
    }

    /** This board with {@code changed} in place of its scope's switch. */
    public SwitchBoard with(KillSwitch changed) {
        Map<Scope, KillSwitch> m = new HashMap<>(byScope);
        if (changed.state() == SwitchState.ACTIVE) m.remove(changed.scope());
        else m.put(changed.scope(), changed);
        return new SwitchBoard(m, Math.max(version, changed.version()));
    }

    /** The switch of {@code scope} (ACTIVE when never set). */
    public KillSwitch get(Scope scope) {
        KillSwitch k = byScope.get(scope);
        return k != null ? k : KillSwitch.active(scope);
    }

    /**
     * The most restrictive switch over an order's desk, strategy, account and instrument scopes (the first such
     * in that order on a tie), or null when all four are ACTIVE. No allocation.
     */
    public KillSwitch binding(AccountId account, StrategyId strategy, InstrumentId instrument) {
        if (byScope.isEmpty()) return null;
        KillSwitch worst = desk;
        if (worst != null && worst.state() == SwitchState.HALTED) return worst;
        if (!strategies.isEmpty() && !strategy.isNone()) worst = worse(worst, strategies.get(strategy));
        if (!accounts.isEmpty()) worst = worse(worst, accounts.get(account));
        if (!instruments.isEmpty()) worst = worse(worst, instruments.get(instrument));
        return worst;
    }

    private static KillSwitch worse(KillSwitch a, KillSwitch b) {
        if (b == null) return a;
        if (a == null) return b;
        return b.state().ordinal() > a.state().ordinal() ? b : a;
    }

    /** The switches not ACTIVE. */
    public List<KillSwitch> restricted() {
        return new ArrayList<>(byScope.values());
    }

    /** The highest change number this board reflects. */
    public long version() {
        return version;
    }
}
