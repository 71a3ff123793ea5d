package blackbox.web.auth;

import blackbox.web.core.InvalidInput;
import java.util.Locale;

/** The desk's roles. Every role reads market data and manages its own subscriptions; admin also lists users. */
public enum Role {
    VIEWER, TRADER, RISK, ADMIN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws InvalidInput when {@code text} names no role */
    public static Role parse(String text) {
        for (Role r : values()) if (r.id().equalsIgnoreCase(text == null ? "" : text.trim())) return r;
        throw new InvalidInput("roles", text, "must be one of viewer, trader, risk, admin");
    }
}
