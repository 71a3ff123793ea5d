package blackbox.risk.core;

import java.util.Arrays;
import java.util.List;

/**
 * The tightest value of every limit kind over a set of scopes, compiled ahead of the checks: one flat record per
 * account×instrument (desk ∧ account ∧ instrument ∧ account×instrument) and one per strategy. Each value remembers
 * the scope it came from, for the DENY message. Ties go to the broader scope. Immutable but for the throttle
 * windows it refers to.
 */
public final class ResolvedLimits {
    /** No limits at all. */
    public static final ResolvedLimits NONE = new ResolvedLimits(new long[LimitKind.count()], new Scope[LimitKind.count()],
            new RateWindow[0]);

    static {
        for (LimitKind k : LimitKind.values()) NONE.values[k.ordinal()] = k.unset();
    }

    final long[] values;
    final Scope[] sources;
    /** The throttle windows of the scopes this record covers that set {@link LimitKind#MAX_ORDERS_PER_SECOND}. */
    final RateWindow[] windows;

    private ResolvedLimits(long[] values, Scope[] sources, RateWindow[] windows) {
        this.values = values;
        this.sources = sources;
        this.windows = windows;
    }

    /**
     * Compiles rows (any scopes, broadest first) into one record.
     *
     * @param windows the windows of those scopes that set a throttle
     */
    static ResolvedLimits of(List<LimitRow> rowsBroadestFirst, List<RateWindow> windows) {
        long[] values = NONE.values.clone();
        Scope[] sources = new Scope[values.length];
        for (LimitRow row : rowsBroadestFirst) {
            int k = row.kind().ordinal();
            if (sources[k] == null || !row.kind().atLeastAsTight(values[k], row.value())) {
                values[k] = row.value();
                sources[k] = row.scope();
            }
        }
        return new ResolvedLimits(values, sources, windows.toArray(RateWindow[]::new));
    }

    /** The tightest value of {@code kind}, or {@link LimitKind#unset()}. */
    public long value(LimitKind kind) {
        return values[kind.ordinal()];
    }

    /** The scope the tightest value comes from, or null when unset. */
    public Scope source(LimitKind kind) {
        return sources[kind.ordinal()];
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("ResolvedLimits[");
        for (LimitKind k : LimitKind.values()) {
            if (sources[k.ordinal()] != null) b.append(k).append('=').append(values[k.ordinal()]).append('@').append(sources[k.ordinal()]).append(' ');
        }
        return b.append("windows=").append(Arrays.stream(windows).map(RateWindow::scope).toList()).append(']').toString();
    }
}
