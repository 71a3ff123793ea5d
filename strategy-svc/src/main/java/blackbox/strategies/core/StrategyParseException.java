package blackbox.strategies.core;

/** A strategy or condition that does not parse; the message names the wrong part and its line:column. */
public final class StrategyParseException extends IllegalArgumentException {
    public StrategyParseException(String message) {
        super(message);
    }
}
