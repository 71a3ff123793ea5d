package blackbox.gateway.replay;

/** The one unchecked root of the replay package: misconfiguration (bad mapping, wrong file kind) or a bad canonical file. */
public class ReplayException extends RuntimeException {
    public ReplayException(String message) {
        super(message);
    }
}
