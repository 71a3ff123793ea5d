package blackbox.risk.store;

import blackbox.risk.core.LimitKind;
import blackbox.risk.core.Scope;
import java.util.OptionalLong;

/** Set ({@code value} present, in the kind's unit) or clear one limit. */
public record LimitChange(Scope scope, LimitKind kind, OptionalLong value) {
    public LimitChange {
        if (scope == null || kind == null || value == null) throw new NullPointerException("scope, kind and value");
        value.ifPresent(kind::validate);
    }

    public static LimitChange set(Scope scope, LimitKind kind, long value) {
        return new LimitChange(scope, kind, OptionalLong.of(value));
    }

    public static LimitChange clear(Scope scope, LimitKind kind) {
        return new LimitChange(scope, kind, OptionalLong.empty());
    }
}
