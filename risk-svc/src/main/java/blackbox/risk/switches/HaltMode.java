package blackbox.risk.switches;

/** What the operator chose to do with a halted scope's positions. {@link #NONE} when the switch is not halted. */
public enum HaltMode {
    NONE,
    /** Stop and flatten: send zeroing orders for the scope's positions once its working orders are cancelled. */
    FLATTEN,
    /** Stop and keep the positions. */
    KEEP,
    /** Stop and correct: record that the positions were closed elsewhere (another broker, a phone order). */
    CORRECT
}
