package blackbox.gateway.session;

/**
 * The outcome of one DLL request function: the function's name, the typed result and the raw code.
 * Expected failures (an invalid ticker, a history window out of range) are values, not exceptions.
 */
public record DllCall(String function, NResult result, int code) {
    public static DllCall of(String function, int code) {
        return new DllCall(function, NResult.of(code), code);
    }

    public boolean ok() {
        return result.ok();
    }

    @Override
    public String toString() {
        return function + " -> " + (result == NResult.UNKNOWN ? "0x" + Integer.toHexString(code) : result.name());
    }
}
