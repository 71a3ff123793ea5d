package blackbox.gateway.session;

/** The DLL refused to start a session (bad library, bad simulator option, init error). */
public final class SessionStartException extends RuntimeException {
    public SessionStartException(String message) {
        super(message);
    }
}
