package blackbox.gateway.trading;

/** Which request a MessageID belongs to. */
public enum RequestKind { NEW, CHANGE, CANCEL }
