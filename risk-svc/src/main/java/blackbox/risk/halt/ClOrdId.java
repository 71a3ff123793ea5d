package blackbox.risk.halt;

/** FIX ClOrdID (11) of a working order, as oms-svc assigns it. Platform has no ClOrdID type yet, so it lives here. */
public record ClOrdId(String value) {
    public ClOrdId {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("ClOrdID must not be blank: ClOrdID=\"" + value + "\"");
    }

    @Override
    public String toString() {
        return value;
    }
}
