package blackbox.gateway.replay;

/** The kind of a replay event, written as its single-letter code. */
public enum EventKind {
    /** A trade. */
    T,
    /** An edit of an earlier trade with the same trade number (the DLL's {@code TC_IS_EDIT}). */
    E,
    /** A top-of-book change: only bid and ask are set. */
    K;

    /** Returns the kind for a code, or {@code null} when the code is none of {@code T}, {@code E}, {@code K}. */
    static EventKind ofCode(String code) {
        return switch (code) {
            case "T" -> T;
            case "E" -> E;
            case "K" -> K;
            default -> null;
        };
    }
}
