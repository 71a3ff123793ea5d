package blackbox.risk.core;

/**
 * One limit: the value of one kind set at one scope.
 *
 * @param value in the kind's unit (see {@link LimitKind})
 */
public record LimitRow(Scope scope, LimitKind kind, long value) {
    public LimitRow {
        if (scope == null || kind == null) throw new NullPointerException("scope and kind");
        kind.validate(value);
    }
}
